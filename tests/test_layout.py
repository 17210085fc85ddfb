"""Small screens, zoom and paper: every page type in both languages stays usable."""
from __future__ import annotations

import pytest

from page_types import PAGE_TYPES

LANGUAGES = {"vi": "", "en": "en/"}
# Visible elements that stick out of the window on the right, other than inside their own scroll box.
OVERFLOWING = """() => [...document.body.querySelectorAll('*')].filter(element => {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= innerWidth + 1 || getComputedStyle(element).visibility === 'hidden') return false;
  for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) return false;
  }
  return true;
}).map(element => element.outerHTML.slice(0, 100))"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def zoomed(browser):
    # 200% zoom of a 1280 x 900 window: half as many CSS pixels, each drawn twice as large.
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
@pytest.mark.parametrize("kind,path", PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_no_horizontal_scrolling_at_360_pixels(phone, site_server, kind, path, prefix):
    phone.goto(site_server + prefix + path)
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.evaluate(OVERFLOWING) == []


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
@pytest.mark.parametrize("kind,path", PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_readable_at_200_percent_zoom(zoomed, site_server, kind, path, prefix):
    zoomed.goto(site_server + prefix + path)
    zoomed.wait_for_load_state("networkidle")
    assert zoomed.evaluate(OVERFLOWING) == []
    title = zoomed.locator("h1").first
    assert title.is_visible()
    # The text reflows into one column that keeps most of the width: no sidebar squeezes it.
    column = zoomed.locator(".md-content").first.evaluate("c => c.getBoundingClientRect().width")
    assert column >= 0.9 * 640 - 40


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_print_shows_the_content_and_the_addresses_of_links(page, site_server, prefix):
    page.goto(site_server + prefix + PAGE_TYPES["about-ascc"])
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".site-skip"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("h1").first.is_visible()
    link = page.locator('.md-content p a[href$="ke-hoach/"]').first
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert printed == f'" ({site_server}{prefix}ke-hoach/)"'
