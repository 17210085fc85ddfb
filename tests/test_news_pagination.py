"""News listings longer than one page: the index, a category and an archive year paginate in both languages."""
from __future__ import annotations

import posixpath

import pytest

from conftest import run_build
from test_build import Page
from tools.project import copy_project

PER_PAGE = 10          # mkdocs.yml: blog.pagination_per_page
POSTS = 2 * PER_PAGE + 3  # three pages in every listing that holds them all
CATEGORY = "tuyen-truyen-giao-duc"
YEAR = "2022"           # no real article is dated 2022, so its archive holds only these posts


@pytest.fixture(scope="module")
def paginated_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("news") / "project")
    for language in ("vi", "en"):
        for n in range(1, POSTS + 1):
            (project / "docs" / language / "tin-tuc" / "posts" / f"{YEAR}-01-{n:02d}-bai-{n}.md").write_text(
                f'---\ntitle: "Bài số {n}"\ndescription: "Tin số {n}."\ndate: {YEAR}-01-{n:02d}\nslug: bai-so-{n}\n'
                f"authors: [lql]\ncategories: [{CATEGORY}]\n---\n\nMở đầu bài {n}.\n\n<!-- more -->\n\nNội dung.\n",
                encoding="utf-8")
    site_dir = project / "site"
    result = run_build(project, site_dir, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def listed_slugs(site_dir, prefix: str, listing: str, number: int) -> list[str]:
    path = listing if number == 1 else f"{listing}trang/{number}/"
    page = Page(site_dir / prefix / path / "index.html")
    return [posixpath.basename(posixpath.normpath(posixpath.join(path, href))) for href in page.listed]


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("listing", [f"tin-tuc/chu-de/{CATEGORY}/", f"tin-tuc/luu-tru/{YEAR}/", "tin-tuc/"])
def test_every_listing_paginates_newest_first_without_losing_a_post(paginated_site, prefix, listing):
    pages = [listed_slugs(paginated_site, prefix, listing, n) for n in (1, 2, 3)]
    assert [len(p) for p in pages[:2]] == [PER_PAGE, PER_PAGE]
    assert not (paginated_site / prefix / listing / "trang/4").exists()
    ours = [slug for page in pages for slug in page if slug.startswith("bai-so-")]
    # Every fixture post appears once, newest first, across the pages.
    assert ours == [f"bai-so-{n}" for n in range(POSTS, 0, -1)]


@pytest.mark.parametrize("prefix,title", [("", "Tuyên truyền, giáo dục"), ("en/", "Communication and education")])
def test_a_paginated_category_keeps_its_groups_title_on_every_page(paginated_site, prefix, title):
    headings = set()
    for path in (f"tin-tuc/chu-de/{CATEGORY}/", f"tin-tuc/chu-de/{CATEGORY}/trang/2/", f"tin-tuc/chu-de/{CATEGORY}/trang/3/"):
        page = Page(paginated_site / prefix / path / "index.html")
        assert page.lang == ("en" if prefix else "vi")
        assert title in page.h1, (path, page.h1)
        headings.add(page.h1)
    assert len(headings) == 1, headings
