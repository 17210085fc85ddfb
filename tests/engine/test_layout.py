"""Paper: a printed page shows its content and the addresses of its links (a page of the ended fixture site).
(Small screens and zoom: every page type is checked in tests/site/test_page_types.py.)"""
from __future__ import annotations

import pytest

from page_types import LANGUAGES

ABOUT_ASCC = "cong-dong-van-hoa-xa-hoi-asean/"  # a hand-written page of the ended fixture site


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_print_shows_the_content_and_the_addresses_of_links(page, ended_server, prefix):
    page.goto(ended_server + prefix + ABOUT_ASCC)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".site-skip"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("h1").first.is_visible()
    link = page.locator('.md-content p a[href$="ke-hoach/"]').first
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert printed == f'" ({ended_server}{prefix}ke-hoach/)"'
