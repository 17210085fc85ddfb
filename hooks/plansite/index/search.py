"""Search with Pagefind: the results page in each language, and one index over the finished site."""
from __future__ import annotations

import json
import re
import unicodedata
import subprocess
import sys
from pathlib import Path

from plansite.render.templates import render
from plansite.model import Language

SEARCH_PAGE = "tim-kiem.md"
BUNDLE = "pagefind"


# Pagefind folds tones ("ộ" is found by "o") but keeps "đ" a letter of its own, so "dong" misses "động".
LETTER_D = re.compile(r"\w*[đĐ]\w*")
TAG = re.compile(r"<[^>]*>")


class IndexingError(Exception):
    pass


def search_page(language: Language) -> str:
    return render("site/search.md", language, SEARCH_PAGE)


def folded_words(html: str) -> str:
    """A hidden line with every word of the page that has "đ", spelt in plain letters, for Pagefind to index."""
    words = dict.fromkeys(plain_letters(w) for w in LETTER_D.findall(TAG.sub(" ", html)))
    return f'<p hidden data-pagefind-weight="0.5">{" ".join(words)}</p>' if words else ""


def plain_letters(word: str) -> str:
    """"Động" -> "Dong": tones and marks dropped, "đ" written "d"."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def index_site(site_dir: Path) -> str:
    """Index every page marked data-pagefind-body, one index per <html lang>; return Pagefind's summary."""
    # The ¶ permalinks after headings are not words: leave them out of titles and excerpts.
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet",
         "--exclude-selectors", ".headerlink"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise IndexingError(f"Pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    sort_entry(site_dir / BUNDLE / "pagefind-entry.json")
    return result.stdout


def sort_entry(path: Path) -> None:
    """Pagefind lists the languages in a different order on each run: sort them, so builds are identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")
