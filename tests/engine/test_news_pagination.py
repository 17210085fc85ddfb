"""News listings longer than one page: the index, a category and an archive year paginate in both languages (the
ended fixture site, with its generated bulletins)."""
from __future__ import annotations

import posixpath

import pytest

from conftest import PAGINATED_CATEGORY as CATEGORY, PAGINATED_POSTS as POSTS, PAGINATED_YEAR as YEAR, PER_PAGE
from html_page import read


def listed_slugs(site_dir, prefix: str, listing: str, number: int) -> list[str]:
    path = listing if number == 1 else f"{listing}trang/{number}/"
    page = read(site_dir / prefix / path / "index.html")
    return [posixpath.basename(posixpath.normpath(posixpath.join(path, href))) for href in page.listed]


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("listing", [f"tin-tuc/chu-de/{CATEGORY}/", f"tin-tuc/luu-tru/{YEAR}/", "tin-tuc/"])
def test_every_listing_paginates_newest_first_without_losing_a_post(ended_site, prefix, listing):
    count = 1 + len(list((ended_site / prefix / listing / "trang").iterdir()))
    assert sorted(p.name for p in (ended_site / prefix / listing / "trang").iterdir()) == sorted(
        str(n) for n in range(2, count + 1))
    pages = [listed_slugs(ended_site, prefix, listing, n) for n in range(1, count + 1)]
    assert [len(p) for p in pages[:-1]] == [PER_PAGE] * (count - 1) and 0 < len(pages[-1]) <= PER_PAGE
    assert count >= POSTS / PER_PAGE
    ours = [slug for page in pages for slug in page if slug.startswith("bai-so-")]
    # Every fixture post appears once, newest first, across the pages.
    assert ours == [f"bai-so-{n}" for n in range(POSTS, 0, -1)]


@pytest.mark.parametrize("prefix,title", [("", "Tuyên truyền, giáo dục"), ("en/", "Communication and education")])
def test_a_paginated_category_keeps_its_groups_title_on_every_page(ended_site, prefix, title):
    headings = set()
    for path in (f"tin-tuc/chu-de/{CATEGORY}/", f"tin-tuc/chu-de/{CATEGORY}/trang/2/", f"tin-tuc/chu-de/{CATEGORY}/trang/3/"):
        page = read(ended_site / prefix / path / "index.html")
        assert page.lang == ("en" if prefix else "vi")
        assert title in page.h1, (path, page.h1)
        headings.add(page.h1)
    assert len(headings) == 1, headings
