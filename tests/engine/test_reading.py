"""What a reader does in a real browser through nginx, on the ended fixture site: search without diacritics, the
search results page, the materials library's filters and the copy-link button. (That the site's own pages do
these: tests/site/test_browser.py and test_page_types.py.)"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_checks import assert_only_local_requests


@pytest.mark.parametrize("query,expected", [
    ("ke hoach", "ke-hoach/"),
    ("kinh phi", "ke-hoach/kinh-phi/"),
    # "dong" finds "động" only through the folded words the build adds (plansite.index.search.folded_words).
    ("so lao dong", "ke-hoach/to-chuc-thuc-hien/"),
    ("thuong truc", "ke-hoach/to-chuc-thuc-hien/"),
])
def test_search_without_diacritics_finds_the_page(page, ended_server, query, expected):
    page.goto(ended_server + "ke-hoach/cong-dong-gan-ket/")
    box = page.get_by_role("searchbox", name="Tìm kiếm")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    results = page.locator(".search-result__title a")
    # Results come five at a time: wait for the expected one, asking for more.
    wanted = f'.search-result__title a[href$="/{expected}"]'
    for _ in range(20):
        page.locator(f"{wanted}, .search-page__more:visible").first.wait_for()
        if page.locator(wanted).count():
            break
        page.locator(".search-page__more").click()
    links = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert "/" + expected in links, links
    assert all(not link.startswith("/en/") for link in links)
    assert_only_local_requests(page)


def test_english_search_searches_english_pages_only(page, ended_server):
    page.goto(ended_server + "en/tim-kiem/?q=funding")
    results = page.locator(".search-result__title a")
    results.first.wait_for()
    links = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert "/en/ke-hoach/kinh-phi/" in links and all(link.startswith("/en/") for link in links), links
    assert_only_local_requests(page)


@pytest.mark.parametrize("prefix,query,count_text", [("", "ke hoach", "kết quả cho “ke hoach”"),
                                                     ("en/", "plan", "results for “plan”")])
def test_results_are_announced_with_excerpts_sections_and_more(page, ended_server, prefix, query, count_text):
    page.goto(f"{ended_server}{prefix}tim-kiem/?q={query}")
    status = page.get_by_role("status")
    status.filter(has_text=count_text).wait_for()
    count = int(status.inner_text().split()[0].replace(".", "").replace(",", ""))
    results = page.locator(".search-page__results > li")
    assert results.count() == min(count, 5) and count > 5, status.inner_text()
    assert page.locator(".search-result__excerpt mark").count()  # matched words marked in the excerpts
    assert page.locator(".search-result__sections a[href*='#']").count()  # sections of long pages link to their heading
    page.locator(".search-page__more").click()
    page.locator(".search-page__results > li").nth(5).wait_for()
    # Focus moves to the first new result, so a keyboard user carries on where the list grew.
    assert page.evaluate("document.activeElement.closest('li.search-result')") is not None
    assert page.locator(".search-page__results > li").nth(5).locator("a").first.evaluate(
        "link => link === document.activeElement")
    # A new query replaces the list and the address, and only the engine's index pieces are fetched again.
    page.get_by_role("searchbox", name="Tìm kiếm" if not prefix else "Search").last.fill("zzzzqqq")
    status.filter(has_text="Không tìm thấy kết quả nào cho “zzzzqqq”" if not prefix else "No results for “zzzzqqq”").wait_for()
    assert page.locator(".search-page__results > li").count() == 0 and page.locator(".search-page__more").is_hidden()
    assert page.url.endswith("?q=zzzzqqq")
    assert not [url for url in page.requested if url.endswith(("pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js"))]


def test_materials_library_filters_by_type_and_group(page, ended_server):
    page.goto(ended_server + "en/tai-lieu/")
    leaflet = page.locator(".material[data-type=leaflet]")
    form = page.locator(".materials-filter")
    assert form.is_visible() and leaflet.is_visible()
    form.get_by_label("Type of material").select_option("poster")
    assert leaflet.is_hidden() and page.locator(".materials-empty").is_visible()
    form.get_by_label("Type of material").select_option("leaflet")
    form.get_by_label("Group").select_option("xa-hoi-hoc-tap")
    assert leaflet.is_visible() and page.locator(".materials-empty").is_hidden()


def test_copy_link_button_copies_the_page_address(browser, ended_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(ended_server + "chien-dich/tuyen-truyen-cong-dong-van-hoa-xa-hoi-asean/")
    button = page.get_by_role("button", name="Sao chép liên kết")
    button.click()
    page.get_by_role("button", name="Đã sao chép liên kết").wait_for()
    assert page.evaluate("navigator.clipboard.readText()").endswith("/chien-dich/tuyen-truyen-cong-dong-van-hoa-xa-hoi-asean/")
    context.close()
