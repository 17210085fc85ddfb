"""Which pages exist in both languages, and which translation is older than its counterpart."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Literal

from plansite.render.catalogue import section, text
from plansite.render.languages import date_text
from plansite.model import LANGUAGES, Language
from plansite.load.pages import PageSource
from plansite.render.templates import render
from plansite.validate.problems import Problem, named, say

REPORT_PAGE = "tinh-trang-ban-dich.md"
State = Literal["current", "older", "missing", "one-language"]


@dataclass(frozen=True)
class PairStatus:
    """One hand-written page path and where its translation stands."""

    path: str
    state: State
    changed: dict[Language, dt.date | None]
    behind: Language | None = None   # the language that is missing or older

    def shown_as(self, language: Language) -> str:
        return f"docs/{language}/{self.path}"


def translation_status(pages: dict[Language, dict[str, PageSource]], changes: dict[str, dt.date]) -> list[PairStatus]:
    """Compare each page path across the languages by existence and by its last commit."""
    result = []
    for path in sorted(set().union(*(pages[lang] for lang in LANGUAGES))):
        present = [lang for lang in LANGUAGES if path in pages[lang]]
        changed = {lang: changes.get(f"docs/{lang}/{path}") for lang in LANGUAGES}
        if len(present) < len(LANGUAGES):
            absent = next(lang for lang in LANGUAGES if lang not in present)
            one_language = all(pages[lang][path].meta.get("translated") is False for lang in present)
            result.append(PairStatus(path, "one-language" if one_language else "missing", changed, absent))
            continue
        dates = {lang: day for lang, day in changed.items() if day}
        if len(dates) == len(LANGUAGES) and len(set(dates.values())) > 1:
            result.append(PairStatus(path, "older", changed, min(dates, key=dates.get)))
        else:
            result.append(PairStatus(path, "current", changed))
    return result


def missing_translations(statuses: Iterable[PairStatus]) -> Iterable[Problem]:
    for status in statuses:
        if status.state != "missing":
            continue
        other = next(lang for lang in LANGUAGES if lang != status.behind)
        missing = status.shown_as(status.behind)
        yield Problem(status.shown_as(other), 1, 1, "",
                      say("problems.translation_missing", language=named(f"language_names.{status.behind}"), shown=missing),
                      say("fixes.translation_missing", path=missing))


def summary(statuses: list[PairStatus]) -> str:
    """The editors' summary printed by `make check`: what is missing or older in one language."""
    lines = []
    for status in statuses:
        if status.state == "missing":
            lines.append(f"  {status.path}: "
                         + say("problems.translation_missing", language=named(f"language_names.{status.behind}")))
        elif status.state == "older":
            dates = ", ".join(f"{lang} {status.changed[lang]}" for lang in LANGUAGES)
            lines.append(f"  {status.path}: "
                         + say("problems.translation_older", language=named(f"language_names.{status.behind}"), dates=dates))
    count = sum(s.state != "one-language" for s in statuses)
    head = say("problems.translations", shown=say("problems.translations_count", count=count, review=len(lines)))
    return "\n".join([head, *lines])


def report_page(statuses: list[PairStatus], language: Language) -> str:
    """The editors' page (templates/site/translation_status.md): the pages that need a look, the rest counted."""
    words = section(language, "translations")
    names = {lang: text(language, f"language_names.{lang}") for lang in LANGUAGES}
    rows = [dict(path=status.path, link=status.path if status.behind != language else "",
                 dates=[date_text(status.changed[lang], language) if status.changed[lang] else words["none"]
                        for lang in LANGUAGES],
                 state=words[status.state].format(lang=names[status.behind] if status.behind else ""))
            for status in statuses if status.state != "current"]
    return render("site/translation_status.md", language, REPORT_PAGE, rows=rows,
                  matching=sum(1 for status in statuses if status.state == "current"),
                  language_names=[names[lang][:1].upper() + names[lang][1:] for lang in LANGUAGES])
