"""What a reader sees in a real browser: the language switcher and diacritic-free search."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


def assert_only_local_requests(page):
    hosts = {urlsplit(url).hostname for url in page.requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, page.requested


def test_switcher_goes_to_the_same_group_page_in_english(page, site_server):
    page.goto(site_server + "ke-hoach/cong-dong-ben-vung/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text().startswith("Nhóm 3: Cộng đồng bền vững")
    page.locator(".md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_server + "en/ke-hoach/cong-dong-ben-vung/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Group 3: A sustainable community")
    page.locator(".md-select").hover()
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(site_server + "ke-hoach/cong-dong-ben-vung/")
    assert_only_local_requests(page)


@pytest.mark.parametrize("query,expected", [
    ("ke hoach", "ke-hoach/"),
    ("kinh phi", "ke-hoach/kinh-phi/"),
    ("so lao dong", "ke-hoach/to-chuc-thuc-hien/"),
])
def test_search_without_diacritics_finds_the_page(page, site_server, query, expected):
    page.goto(site_server + "ke-hoach/cong-dong-gan-ket/")
    box = page.get_by_role("searchbox", name="Tìm kiếm")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    links = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert "/" + expected in links, links
    assert all(not link.startswith("/en/") for link in links)
    assert_only_local_requests(page)


def test_english_search_searches_english_pages_only(page, site_server):
    page.goto(site_server + "en/tim-kiem/?q=funding")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    links = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert "/en/ke-hoach/kinh-phi/" in links and all(link.startswith("/en/") for link in links), links
    assert_only_local_requests(page)


def test_no_search_code_loads_before_a_search(page, site_server):
    page.goto(site_server)
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "pagefind" in url]
