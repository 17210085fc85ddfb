"""The home page works as a campaign page on a phone, whatever the site holds: at 360 × 640 CSS pixels in
Chromium, its first screen holds the title, where the plan stands and an action, and the whole page is at most
four screens tall."""
from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 640}
SCREENS = 4


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_page_fits_four_phone_screens_and_its_first_screen_says_what_matters(browser, site_server, prefix):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server + prefix)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= SCREENS * PHONE["height"], f"{height} px: {height / PHONE['height']:.1f} screens"
    for part in (".home-hero h1", ".home-hero__state", ".home-hero__actions a"):
        box = page.locator(part).first.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], part
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
