"""Hostile text in every text field of every kind of data file of the site: the models are walked to find the
fields, each gets raw HTML, an event handler, a `javascript:` Markdown link and a `{{ }}` placeholder, and no
built page may carry live markup from it (each page parsed, never grepped). The other outputs of the same build:
test_safety.py."""
from __future__ import annotations

from hostile import HOSTILE
from html_page import read
from plansite.model import DATA_FILES, DATA_FOLDERS
from plansite.render.paths import AGENCIES, page_url
from site_content import SITE_DATA


def test_every_kind_of_data_file_had_its_text_fields_poisoned(hostile_site):
    _, fields = hostile_site
    kinds = {name.rsplit("/", 1)[0] if name.count("/") > 1 else name for name in fields}
    assert kinds == {*(f"data/{n}" for n in DATA_FILES), *(f"data/{f}" for f in DATA_FOLDERS)}
    # campaigns.yml may hold no campaign (and so no text); every other file holds some.
    assert [name for name, found in fields.items() if not found] in ([], ["data/campaigns.yml"])


def test_no_page_carries_live_markup_from_the_data(hostile_site):
    site, _ = hostile_site
    pages = sorted(site.rglob("*.html"))
    shown = 0
    for path in pages:
        page = read(path)
        assert not [s for s in page.scripts if "alert" in s], path
        assert page.handlers == [] and page.javascript == [], path
        shown += HOSTILE in page.text
    # Shown as typed, placeholder and all, rather than dropped: on every page, in the site's name at least.
    assert shown >= len([p for p in pages if p.name == "index.html" and "admin" not in p.parts]) > 10
    standing = read(site / "en" / page_url(AGENCIES) / "index.html").section(SITE_DATA.main.plan.organisation.standing_agency)
    assert any(HOSTILE in element.get_text() for element in standing)
