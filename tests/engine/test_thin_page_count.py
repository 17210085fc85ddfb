"""No placeholder pages, measured on the ended fixture site: at most a few pages per language with under 50 words
of their own (the measure: tests/page_words.py), and on every fixture site an agency without facts of its own is a
directory entry that links go to."""
from __future__ import annotations

import pytest

from page_types import LANGUAGES
from page_words import MIN_WORDS, assert_folded_agencies_are_linked_in_the_directory, own_words

MAX_THIN_PAGES = 5     # per language


@pytest.mark.parametrize("language", LANGUAGES)
def test_few_pages_have_little_of_their_own_to_say(ended_site, language):
    # The bulletins generated to fill long listings (conftest.add_paginated_news) are one line each: left out.
    words = {address: n for address, n in own_words(ended_site, language).items() if not address.startswith("tin-tuc/bai-so-")}
    thin = {address or "/": n for address, n in sorted(words.items()) if n < MIN_WORDS}
    print(f"\n{language}: {len(thin)} of {len(words)} pages under {MIN_WORDS} words of their own: {thin}")
    assert len(thin) <= MAX_THIN_PAGES, thin


def test_the_measure_sees_boilerplate_and_own_words(tmp_path):
    """Three pages share a disclaimer; only the page with a paragraph of its own has words of its own."""
    shared = "<p>Trang này chỉ ghi những gì văn bản nêu. Xem thêm trang Kế hoạch.</p>"
    own = "<p>" + " ".join(f"từ{n}" for n in range(60)) + ".</p>"
    for name, body in {"a": shared + own, "b": shared, "c": shared}.items():
        page = tmp_path / name / "index.html"
        page.parent.mkdir()
        page.write_text(f"<html><body><header>Menu chung</header><article><h1>Trang {name}</h1>{body}"
                        "</article></body></html>", encoding="utf-8")
    words = own_words(tmp_path, "vi")
    assert words == {"a/": 62, "b/": 2, "c/": 2}, words


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("build", ["ended_site", "running_site", "minimal_site"])
def test_an_agency_without_facts_is_a_directory_entry_and_links_go_there(request, build, language):
    site = request.getfixturevalue(build)
    assert_folded_agencies_are_linked_in_the_directory(site, site.parent / "project", language)
