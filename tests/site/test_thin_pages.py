"""No placeholder facts: each plan's objectives and funding sources are written out on one page, which every
other page links to instead of restating them; an agency with nothing of its own to show is a directory entry.
(How many pages may be thin is a matter of content: tests/engine/test_thin_page_count.py holds the engine's own
pages to it on a fixture site.)"""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import SITE_ROOT
from page_types import LANGUAGES
from page_words import assert_folded_agencies_are_linked_in_the_directory, pages_of, sentences
from site_content import SITE_DATA


@pytest.mark.parametrize("field", ["objectives", "funding"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_objectives_and_the_funding_are_written_out_on_one_page(site, language, field):
    """Every other page links to that one instead of restating it (the leaflet, a printout, aside). Two plans
    may share a sentence (the state budget): it is then written out once per plan that has it."""
    pages = pages_of(site, language)
    texts = {address: " ".join(sentences(path)) for address, path in pages.items()}
    plans_with = Counter(" ".join(item(language).split()) for plan in SITE_DATA.plans.values()
                         for item in set(getattr(plan, field)))
    for wording, count in plans_with.items():
        holding = [address for address, text in texts.items() if wording in text]
        assert len(holding) == count, (wording, holding)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_agency_without_facts_is_a_directory_entry_and_links_go_there(site, language):
    assert_folded_agencies_are_linked_in_the_directory(site, SITE_ROOT, language)
