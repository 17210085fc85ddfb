"""Search treats a Vietnamese word as a word (issue 21): most words are two or more syllables, and Pagefind
indexes syllables. On the ended fixture site, with posts that hold a group's word's syllables apart, many
times, but never next to each other ("du" and "lịch" without "du lịch", "bình" and "đang" without "bình
đẳng"), the results holding the query's syllables together, in order, come first, with tones typed or not.
(Ranking among many posts of the site's own content: tests/site/test_search_scale.py.)"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import ENDED, fixture_project, post_front, strict_build, write_post
from plansite.index.search import plain_letters
from pagefind_records import fragments
from tools import local_nginx

SCATTERED = {"lich-du-xuan": "Lịch trình du xuân: lịch hội làng, du ngoạn sông nước và lịch thi đấu du thuyền",
             "lich-du-hoc": "Lịch tư vấn du học: lịch phỏng vấn, du học sinh và lịch nhập học, du khảo",
             "lich-du-ngoan": "Lịch du ngoạn mùa thu: lịch tàu, du thuyền, lịch xe và du khách",
             "binh-minh": "Bình minh trên biển: mùa đang đến, bình yên đang về, bình tâm đang chờ"}


@pytest.fixture(scope="module")
def scattered_site(tmp_path_factory):
    """The ended fixture site with the scattered posts, built as of its day."""
    project = fixture_project(ENDED, tmp_path_factory.mktemp("scattered") / "project")
    for n, (slug, title) in enumerate(SCATTERED.items(), 1):
        write_post(project, "vi", f"2024-03-0{n}-{slug}.md", post_front(slug, f"2024-03-0{n}", title, translated="false"),
                   f"{title}. " * 4 + "\n\n<!-- more -->\n\nNội dung.\n")
    return strict_build(project, project.parent / "site", ENDED.build_env())


@pytest.fixture(scope="module")
def scattered_server(scattered_site):
    with local_nginx.serve(scattered_site) as address:
        yield address



def folded(text: str) -> str:
    """As Pagefind compares words: lower case, tones dropped, "đ" as "d", punctuation as spaces."""
    return " ".join(plain_letters(text).lower().replace(",", " ").replace(":", " ").replace(".", " ").split())


# The group's page is in the top three, and none of the results holding the syllables apart comes before one
# holding them together. A "đ" typed as "d" is found through the folded words, where Pagefind's phrase search
# does not always see the syllables side by side: for "binh dang" only the page's place is asserted.
@pytest.mark.parametrize("query,expected,ordered", [("du lịch", "ke-hoach/van-hoa-du-lich/", True),
                                                    ("du lich", "ke-hoach/van-hoa-du-lich/", True),
                                                    ("bình đẳng", "ke-hoach/cong-dong-hoa-nhap/", True),
                                                    ("binh dang", "ke-hoach/cong-dong-hoa-nhap/", False)])
def test_results_holding_the_syllables_together_come_first(page, scattered_site, scattered_server, query, expected,
                                                            ordered):
    page.goto(f"{scattered_server}tim-kiem/?q={query}")
    page.locator(".search-page__results[aria-busy=false] > li").first.wait_for()
    links = [urlsplit(href).path for href in page.locator(".search-page__results > li > .search-result__title a")
             .evaluate_all("links => links.map(a => a.href)")]
    assert "/" + expected in links[:3], links
    records = fragments(scattered_site, "vi")
    assert {f"/tin-tuc/{slug}/" for slug in SCATTERED} <= set(records), "the scattered posts are indexed"
    phrase = f" {folded(query)} "
    together = [phrase in f" {folded(records[link]['content'] + ' ' + records[link]['meta']['title'])} "
                for link in links]
    if ordered:   # none apart before one together
        assert together == sorted(together, reverse=True), list(zip(links, together))
    assert not all(together), "posts holding the syllables apart are among the results"
