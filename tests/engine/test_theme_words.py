"""The theme's own interface words read as the page's language: our Vietnamese override of Material's language
partial has every key Material's English file has, and no value left in English."""
from __future__ import annotations

import re
from pathlib import Path

import material

from tools.project import ROOT

MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "languages"
OURS = ROOT / "overrides" / "partials" / "languages"
# Keys whose value is a code, not a word a reader sees.
CODES = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def words(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^  "([^"]+)": "((?:[^"\\]|\\.)*)",?$', path.read_text(encoding="utf-8"), re.M))


def test_every_theme_word_has_our_vietnamese():
    english, vietnamese = words(MATERIAL / "en.html"), words(OURS / "vi.html")
    assert sorted(set(english) - set(vietnamese)) == [], "keys Material has and our vi.html lacks"
    left_in_english = [key for key in english if key not in CODES and vietnamese[key] == english[key]]
    assert left_in_english == []


def test_our_english_file_keeps_every_key_of_materials():
    """It is also the fallback of every other language: a key missing there would print the key itself."""
    assert sorted(set(words(MATERIAL / "en.html")) - set(words(OURS / "en.html"))) == []
