"""The measures of "no placeholder pages": a page has something of its own to say, and a fact is written out on one page only.

A page's own words are the words of its content's sentences that are not boilerplate; a sentence is
boilerplate when three or more pages of the same language carry it (a disclaimer, a "see also" line, a
table's headers). Header, menu and footer are outside the content and never count. Words are counted by
whitespace, so a Vietnamese syllable is a word, as Vietnamese word counts usually go. Listings of articles,
search and the 404 page are lists of other pages and are left aside."""
from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import yaml
from bs4 import NavigableString, Tag

from html_page import read
from page_types import LANGUAGES

MIN_WORDS = 50         # fewer words of its own than this makes a page thin
BOILERPLATE_PAGES = 3  # a sentence on this many pages of a language is boilerplate
# Listings, search and the error page: lists of other pages, or no page at all.
LISTINGS = re.compile(r"^(tin-tuc/(index\.html|chu-de/|luu-tru/|trang/)|tim-kiem/|luot-xem/|404\.html)")
BLOCKS = {"p", "li", "td", "th", "caption", "dt", "dd", "figcaption", "blockquote", "summary",
          *(f"h{n}" for n in range(1, 7))}
# Inside the content but not the page's words: heading anchors, edit buttons, pictures' source code.
SKIPPED = ".headerlink, .md-content__button, script, style, svg"
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def pages_of(site: Path, language: str) -> dict[str, Path]:
    """The language's content pages by address below its root (listings left aside)."""
    root = site / LANGUAGES[language] if LANGUAGES[language] else site
    found = {}
    for path in sorted(root.rglob("*.html")):
        address = path.relative_to(root).as_posix()
        if language == "vi" and address.startswith("en/"):
            continue
        if LISTINGS.match(address) or not path.name == "index.html" and address != "404.html":
            continue
        found[address.removesuffix("index.html")] = path
    return found


def sentences(path: Path) -> list[str]:
    """The sentences of a page's content, each block of text (paragraph, list item, cell…) split at its stops."""
    article = read(path).soup.find("article")
    if article is None:  # a redirect stub has no content of its own
        return []
    article = copy.copy(article)  # read() shares its parsed page with other tests: cut from a copy
    for skipped in article.select(SKIPPED):
        skipped.decompose()
    texts: dict[int, list[str]] = {}
    for string in article.find_all(string=True):
        if not isinstance(string, NavigableString) or not string.strip():
            continue
        block = next((a for a in string.parents if isinstance(a, Tag) and a.name in BLOCKS), article)
        texts.setdefault(id(block), []).append(str(string))
    found = []
    for parts in texts.values():
        found += [s for s in SENTENCE_END.split(" ".join("".join(parts).split())) if re.search(r"\w", s)]
    return found


def own_words(site: Path, language: str) -> dict[str, int]:
    """Each page's number of words in sentences that fewer than BOILERPLATE_PAGES pages carry."""
    by_page = {address: sentences(path) for address, path in pages_of(site, language).items()}
    spread = Counter(s for found in by_page.values() for s in set(found))
    return {address: sum(len(s.split()) for s in found if spread[s] < BOILERPLATE_PAGES)
            for address, found in by_page.items()}


def agencies_with_something_to_say(project: Path) -> set[str]:
    """From the data files themselves: bodies that lead a task or sent a report."""
    leads = set()
    for plan_file in (project / "data/plans").glob("*.yml"):
        plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
        for task in [*plan.get("common_tasks", []), *(t for g in plan["groups"] for t in g.get("tasks", []))]:
            leads.add(task.get("lead"))
    senders = {yaml.safe_load(f.read_text(encoding="utf-8"))["agency"] for f in (project / "data/reports").glob("*.yml")}
    return (leads | senders) - {None}


def assert_folded_agencies_are_linked_in_the_directory(site: Path, project: Path, language: str) -> None:
    """An agency without facts of its own (no task it leads, no report it sent) is an entry in the directory,
    not a page, and every link to it goes to that entry."""
    root = site / LANGUAGES[language]
    agencies = [a["id"] for a in yaml.safe_load((project / "data/agencies.yml").read_text(encoding="utf-8"))["agencies"]]
    directory = read(root / "theo-doi/co-quan/index.html")
    assert set(agencies) <= directory.ids
    with_pages = {a for a in agencies if (root / f"theo-doi/co-quan/{a}/index.html").exists()}
    assert with_pages == agencies_with_something_to_say(project) & set(agencies)
    folded = set(agencies) - with_pages
    for address, path in pages_of(site, language).items():
        for link in read(path).links:
            target, fragment = read(path).resolve(link, site)
            assert not any(f"co-quan/{a}/" in link for a in folded), (address, link)
            if target == root / "theo-doi/co-quan/index.html" and fragment:
                assert fragment in directory.ids, (address, link)
