"""Search with Pagefind: the results page in each language, and one index over the finished site."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from plansite.load.articles import EXCERPT_MARKER, POSTS_DIR
from plansite.model import Language
from plansite.render.templates import render

SEARCH_PAGE = "tim-kiem.md"
BUNDLE = "pagefind"
INDEXED = b"data-pagefind-body"   # overrides/partials/content.html marks the content of each indexed page


# What a query downloads grows with what is indexed; at 1,000 articles per language (tools/bench.py) these
# keep a first query within 150 KB, engine included, and each further one within 60 KB:
# - index pieces of about 1,000 word positions instead of Pagefind's 20,000 (a query fetches the pieces
#   holding its words; one word is never split). Pagefind 1.5.2 reads this setting from the environment only.
INDEX_CHUNK_SIZE = 1000
# - an article is indexed by its title and lead (above the excerpt marker, what the news listing shows):
#   its body alone held about 80% of the index, the common syllables in every piece a query fetches;
# - the plans' own pages lead for the plan's words: their title weighs Pagefind's most (an h1 weighs 7),
#   above the news titles that repeat a group's name.
PLAN_TITLE_WEIGHT = 10
H1 = re.compile(r"<h1\b")
# - and their text weighs twice a news lead's: posts quote the plan's sentences word for word ("Ngân sách nhà
#   nước, bảo đảm theo quy định...") and, with years of news, would otherwise fill the first results (make
#   bench, plan queries at 1,000 posts: 47 of 47 with it, 45 without).
PLAN_TEXT_WEIGHT = 2


def search_weight(src_uri: str, plan_folders: tuple[str, ...]) -> float | None:
    """The weight of a page's text in the index (overrides/partials/content.html), None for the default."""
    return PLAN_TEXT_WEIGHT if src_uri.startswith(plan_folders) else None

# Pagefind folds tones ("ộ" is found by "o") but keeps "đ" a letter of its own, so "dong" misses "động".
LETTER_D = re.compile(r"[đĐ]")
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")


class IndexingError(Exception):
    pass


def search_page(language: Language) -> str:
    return render("site/search.md", language, SEARCH_PAGE)


def for_index(html: str, src_uri: str, plan_folders: tuple[str, ...]) -> str:
    """A page's content as Pagefind is to index it (see INDEX_CHUNK_SIZE), with its "đ" words folded.

    `plan_folders`: the folders of the plans' own pages ("ke-hoach/"), whose titles weigh more."""
    if src_uri.startswith(POSTS_DIR + "/"):
        lead, marker, body = html.partition(EXCERPT_MARKER)
        if marker:
            return f"{lead}{folded_words(lead)}{marker}<div data-pagefind-ignore>{body}</div>"
    elif src_uri.startswith(plan_folders):
        html = H1.sub(f'<h1 data-pagefind-weight="{PLAN_TITLE_WEIGHT}"', html, count=1)
    return html + folded_words(html)


def folded_words(html: str) -> str:
    """A hidden line with every word of the page that has "đ", spelt in plain letters with the syllables on
    either side ("năng động" -> "nang dong"), for Pagefind to index: "nang dong" then finds the page, and
    its exact-phrase search (search-results.js) finds the syllables next to each other."""
    syllables = TAG.sub(" ", html).split()
    found = [i for i, syllable in enumerate(syllables) if LETTER_D.search(syllable)]
    phrases = dict.fromkeys(" ".join(WORD.findall(plain_letters(" ".join(syllables[max(i - 1, 0):i + 2]))))
                            for i in found)
    return f'<p hidden data-pagefind-weight="0.5">{" / ".join(phrases)}</p>' if phrases else ""


def plain_letters(word: str) -> str:
    """"Động" -> "Dong": tones and marks dropped, "đ" written "d"."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def index_site(site_dir: Path) -> str:
    """Index every page marked data-pagefind-body, one index per <html lang>; return Pagefind's summary.

    Pagefind reads every HTML file it is given; the news listings (index, archive and category pages, a third
    of a large site's bytes) hold no indexed content, so it is given only the pages that do: hard links to
    them, in a folder beside the site laid out as the site is, so that their addresses are the same."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-pages-", dir=site_dir.parent) as folder:
        pages = Path(folder)
        for path in site_dir.rglob("*.html"):
            if INDEXED in path.read_bytes():
                linked = pages / path.relative_to(site_dir)
                linked.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, linked)
                except OSError:
                    shutil.copyfile(path, linked)
        # The ¶ permalinks after headings are not words: leave them out of titles and excerpts.
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(site_dir / BUNDLE),
             "--quiet", "--exclude-selectors", ".headerlink"],
            capture_output=True, text=True,
            env={**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)},
        )
    if result.returncode != 0:
        raise IndexingError(f"Pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    sort_entry(site_dir / BUNDLE / "pagefind-entry.json")
    return result.stdout


def sort_entry(path: Path) -> None:
    """Pagefind lists the languages in a different order on each run: sort them, so builds are identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")
