"""Hostile text in every text field of every kind of data file of the site: the models are walked to find the
fields, each gets raw HTML, an event handler, a `javascript:` Markdown link and a `{{ }}` placeholder, and no
built page may carry live markup from it (each page parsed, never grepped)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build, SITE_ROOT, ROOT
from hostile import HOSTILE, poisoned_files
from html_page import read
from plansite.model import DATA_FILES, DATA_FOLDERS
from plansite.render.paths import AGENCIES, page_url
from site_content import SITE_DATA


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", SITE_ROOT if SITE_ROOT != ROOT else None)
    fields = poisoned_files(project)
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, fields


def test_every_kind_of_data_file_had_its_text_fields_poisoned(hostile):
    _, fields = hostile
    kinds = {name.rsplit("/", 1)[0] if name.count("/") > 1 else name for name in fields}
    assert kinds == {*(f"data/{n}" for n in DATA_FILES), *(f"data/{f}" for f in DATA_FOLDERS)}
    # campaigns.yml may hold no campaign (and so no text); every other file holds some.
    assert [name for name, found in fields.items() if not found] in ([], ["data/campaigns.yml"])


def test_no_page_carries_live_markup_from_the_data(hostile):
    site, _ = hostile
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
