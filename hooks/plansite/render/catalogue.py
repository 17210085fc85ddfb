"""Every text a reader sees that does not come from the data: one YAML file per language in locales/.

A translator opens locales/en.yml beside locales/vi.yml: the same keys, in the same order. A key missing
in one language shows the Vietnamese text (the language of the source documents) and logs a warning that
names the key and the file, so a gap is visible rather than a blank; a key missing everywhere stops the
build. tests/engine/test_catalogue.py fails while the two files differ in their keys."""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Mapping
from pathlib import Path

import yaml

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


@functools.cache
def _texts(language: Language) -> dict[str, str]:
    """The language's file flattened to dotted keys: 'plan.overview' -> 'Tổng quan Kế hoạch'."""
    with locale_file(language).open(encoding="utf-8") as stream:
        return dict(flatten(yaml.safe_load(stream) or {}))


def flatten(tree: Mapping, prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        if isinstance(value, Mapping):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", str(value)


def keys(language: Language) -> list[str]:
    return list(_texts(language))


def text(language: Language, key: str) -> str:
    texts = _texts(language)
    if key in texts:
        return texts[key]
    if key in _texts(FALLBACK):
        log.warning("'%s' is missing in %s; the %s text is shown", key, locale_file(language).name, FALLBACK)
        return _texts(FALLBACK)[key]
    raise MissingText(key)


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
