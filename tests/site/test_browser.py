"""What a reader sees in a real browser through nginx, on the site's own pages: the language switcher on a
group page and an article, no search code before a search, no sitemap fetched, and the materials library
without JavaScript. Every page type's load is checked in test_page_types.py; search and the library's filters
on the ended fixture site (tests/engine/test_reading.py)."""
from __future__ import annotations

from browser_checks import assert_only_local_requests
from page_types import BY_KIND
from plansite.derive.views import group_heading
from plansite.derive.site import all_materials
from site_content import SITE_DATA, article_url, example_group, published, translated


def test_switcher_goes_to_the_same_group_page_in_english(page, site_server):
    group, path = example_group(), BY_KIND["group"].path
    page.goto(site_server + path)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text().startswith(group_heading(group, "vi"))
    page.locator(".md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_server + "en/" + path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith(group_heading(group, "en"))
    page.locator(".md-select").hover()
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(site_server + path)
    assert_only_local_requests(page)


def test_no_search_code_loads_before_a_search(page, site_server):
    page.goto(site_server)
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "pagefind" in url]


def test_pages_fetch_no_sitemaps(page, site_server):
    # Material fetches sitemap.xml beside every link[rel=alternate]; our hreflang links must not trigger it.
    page.goto(site_server + "en/" + BY_KIND["plan"].path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requested if "sitemap" in url]


def test_switcher_on_an_article_goes_to_its_translation(page, site_server):
    """The newest article that has a translation (none: the site has no news, and its news index is checked on
    every page type); the switcher opens the translation, whose heading is its own title."""
    article = next((a for a in published("vi") if translated(a)), None)
    if article is None:
        page.goto(site_server + "tin-tuc/")
        assert page.locator("h1").first.is_visible()
        return
    page.goto(site_server + article_url(article))
    page.locator(".md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_server + "en/" + article_url(article))
    assert page.locator("h1").inner_text().startswith(translated(article).meta.title)
    assert_only_local_requests(page)


def test_materials_library_lists_everything_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "tai-lieu/")
    materials = page.locator(".material")
    # Every plan's leaflet and every material of data/campaigns.yml is listed and shown: without the script
    # nothing filters them.
    assert materials.count() == len(all_materials(SITE_DATA))
    assert all(materials.nth(n).is_visible() for n in range(materials.count()))
    assert page.locator(".materials-filter").is_hidden()
    context.close()
