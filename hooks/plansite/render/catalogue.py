"""Every text a reader sees that does not come from the data: one YAML file per language in locales/.

A translator opens locales/en.yml beside locales/vi.yml: the same keys, in the same order. A key missing
in one language shows the Vietnamese text (the language of the source documents) and logs a warning that
names the key and the file, so a gap is visible rather than a blank; a key missing everywhere stops the
build. tests/engine/test_catalogue.py fails while the two files differ in their keys.

A text that counts something may have one form per plural category of the language (CLDR's, as Babel knows
them: `one`, `other`…), written as a mapping with `other` always among them:

    task_count:
      one: '{n} task'
      other: '{n} tasks'

`fill(language, key, n=3, ...)` (and `t(key, n=3)` in a template) picks the form for `n`; a plain string is the
one form of every count (Vietnamese nouns do not change with the number)."""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

import yaml
from babel import Locale

from plansite.model import LANGUAGES, Language

LOCALES = Path(__file__).resolve().parents[3] / "locales"
FALLBACK: Language = LANGUAGES[0]
log = logging.getLogger("mkdocs.plugins.plansite.render.catalogue")


class MissingText(KeyError):
    def __str__(self) -> str:
        return (f"thiếu chuỗi giao diện / interface text missing: {self.args[0]} "
                f"(locales/{FALLBACK}.yml) — thêm khóa này / add this key")


def locale_file(language: Language) -> Path:
    return LOCALES / f"{language}.yml"


# CLDR's plural categories: a mapping whose keys are all among these, `other` included, is one text's forms.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


@functools.cache
def _texts(language: Language) -> dict[str, dict[str, str]]:
    """The language's file flattened to dotted keys, each text as its plural forms: 'plan.overview' ->
    {'other': 'Tổng quan Kế hoạch'}; 'groups.task_count' -> {'one': '{n} task', 'other': '{n} tasks'}."""
    with locale_file(language).open(encoding="utf-8") as stream:
        return dict(flatten(yaml.safe_load(stream) or {}))


def is_plural(value: object) -> bool:
    return isinstance(value, Mapping) and "other" in value and set(value) <= PLURAL_CATEGORIES


def flatten(tree: Mapping, prefix: str = "") -> Iterator[tuple[str, dict[str, str]]]:
    for key, value in tree.items():
        if is_plural(value):
            yield f"{prefix}{key}", {category: str(form) for category, form in value.items()}
        elif isinstance(value, Mapping):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", {"other": str(value)}


def keys(language: Language) -> list[str]:
    return list(_texts(language))


def forms(language: Language, key: str) -> dict[str, str]:
    """The key's plural forms in the language (one form, `other`, for most texts), falling back to Vietnamese."""
    found = _texts(language)
    if key in found:
        return found[key]
    if key in _texts(FALLBACK):
        log.warning("'%s' is missing in %s; the %s text is shown", key, locale_file(language).name, FALLBACK)
        return _texts(FALLBACK)[key]
    raise MissingText(key)


def text(language: Language, key: str, count: int | None = None) -> str:
    """The key's text; with `count`, the form of the language's plural category for that number."""
    found = forms(language, key)
    if count is None:
        return found["other"]
    return found.get(plural_category(language, count), found["other"])


def plural_category(language: Language, count: int) -> str:
    return Locale.parse(language).plural_form(count)


def fill(language: Language, key: str, **values: object) -> str:
    """The key's text with its placeholders filled in; a number `n` among them chooses the plural form."""
    count = values.get("n")
    return text(language, key, count if isinstance(count, int) else None).format(**values)


class Words(Mapping[str, str]):
    """One section of the catalogue ('plan', 'tracker'…) in one language: words['overview']."""

    def __init__(self, language: Language, section: str) -> None:
        self.language, self.prefix = language, f"{section}."

    def __getitem__(self, key: str) -> str:
        return text(self.language, self.prefix + key)

    def __iter__(self) -> Iterator[str]:
        names = dict.fromkeys([*_texts(FALLBACK), *_texts(self.language)])
        return (k.removeprefix(self.prefix) for k in names if k.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def section(language: Language, name: str) -> Words:
    return Words(language, name)
