"""Problems found in the site's sources, reported to editors as `path:line:col: field: message`.

What a problem says comes from the catalogue (locales/<language>.yml: `problems`, `fixes`, `fields`), never from
Python: `say` builds the editors' text from every language's file, so a language is added without a code change."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from plansite.model import LANGUAGES, Language
from plansite.render.catalogue import keys, text

# Editors' messages give every language side by side, Vietnamese first: the officials who edit are Vietnamese.
SEPARATOR = " / "


def say(key: str, shown: object = None, **values: object) -> str:
    """The catalogue's text `key` in every language, "vi / en" (DESIGN.md: conventions), its {placeholders}
    filled. A value that is a function of the language (a Text, or `named`) is said in each language; `shown`,
    the value in question or the choices, follows once: "khóa bị lặp / duplicate key: title"."""
    said = SEPARATOR.join(
        text(language, key).format(**{name: value(language) if callable(value) else value
                                      for name, value in values.items()})
        for language in LANGUAGES)
    return said if shown is None else f"{said}: {shown}"


def named(key: str) -> Callable[[Language], str]:
    """A catalogue text to put inside another, in the same language: say(..., language=named('language_names.en'))."""
    return lambda language: text(language, key)


def has_text(key: str) -> bool:
    return key in keys(LANGUAGES[0])


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}:"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


class SourceError(Exception):
    """Every problem found in one run; raised only after all sources were read."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        head = say("problems.count", count=len(self.problems))
        return "\n".join([f"{head}:", *map(str, self.problems)])
