"""Without a mouse: a visible focus, the menu, the language switcher and search. (The skip link: on every
page type in test_page_types.py.)"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from page_types import BY_KIND
from site_content import SITE_DATA, folded

# What a reader types: the first two words of the main plan's short title, without diacritics in Vietnamese.
QUERY = {language: " ".join(folded(SITE_DATA.main.plan.short_title(language)).split()[:2]) for language in ("vi", "en")}

# The element that shows the focus: itself, or for Material's hidden radio inputs, their label.
FOCUS_SHOWN = """() => {
  let element = document.activeElement;
  if (!element || element === document.body) return null;
  if (element.matches('input.md-option')) element = element.nextElementSibling;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const inView = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                 && box.left < innerWidth && box.top < innerHeight;
  return {name: element.outerHTML.slice(0, 80), shown: (outline || style.boxShadow !== 'none') && inView
          && style.visibility !== 'hidden' && parseFloat(style.opacity) > 0};
}"""


# Every finite animation and CSS transition on the page has finished: what the focus looks like now stays.
TRANSITIONS_DONE = """() => document.getAnimations().every(animation =>
  animation.playState !== 'running' || animation.effect.getComputedTiming().endTime === Infinity)"""


def tab(page, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press("Tab")


@pytest.mark.parametrize("width", [1280, 360])
def test_every_focused_control_shows_its_focus(browser, site_server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_server + BY_KIND["group"].path)
    seen = []
    for _ in range(40):
        tab(page)
        page.wait_for_function(TRANSITIONS_DONE)  # Material's skip link and the header fade in
        focus = page.evaluate(FOCUS_SHOWN)
        if focus is None:
            break
        seen.append(focus)
    context.close()
    assert len(seen) >= 10
    assert [f["name"] for f in seen if not f["shown"]] == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_menu_opens_and_closes_from_the_keyboard_on_a_phone(browser, site_server, prefix):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_server + prefix + BY_KIND["plan"].path)
    menu = page.locator('.md-header .site-menu-button')
    # The closed drawer's links are out of the Tab order; on a phone the menu button follows the skip link.
    tab(page, 2)
    assert menu.evaluate("button => button === document.activeElement && button.tagName === 'BUTTON'")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    first = page.locator(".md-sidebar--primary .md-nav__list a").first
    assert first.evaluate("a => a === document.activeElement")
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=1)
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.evaluate("button => button === document.activeElement")
    page.keyboard.press(" ")
    assert menu.get_attribute("aria-expanded") == "true"
    context.close()


def test_language_switcher_from_the_keyboard(page, site_server):
    page.goto(site_server + BY_KIND["funding"].path)
    page.locator(".md-select button").focus()
    tab(page)
    focused = page.locator(":focus")
    assert focused.get_attribute("hreflang") == "vi" and focused.is_visible()
    tab(page)
    assert page.locator(":focus").get_attribute("hreflang") == "en"
    page.keyboard.press("Enter")
    page.wait_for_url(site_server + "en/" + BY_KIND["funding"].path)
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_search_from_the_keyboard(page, site_server, prefix, lang):
    query = QUERY[lang]
    page.goto(site_server + prefix + BY_KIND["organisation"].path)
    page.keyboard.press("Control+K")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    page.locator(".search-result__title a").first.wait_for()
    # Tab from the results box to the first result and open it.
    page.locator(".search-page__input").focus()
    for _ in range(5):
        tab(page)
        if page.evaluate("document.activeElement.classList.contains('search-result__link')"):
            break
    first = page.locator(".search-result__link").first
    assert first.evaluate("link => link === document.activeElement"), page.evaluate("document.activeElement.outerHTML")
    href = page.evaluate("document.activeElement.href")
    assert href.startswith(site_server + prefix), href
    title = page.locator(".search-result__title a").first.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text().startswith(title.rstrip("¶ "))
