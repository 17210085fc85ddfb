"""The CMS at /admin/ on the site: off until the site owner sets a sign-in, its explanation page accessible, and
every data file and page of the site saved unchanged, byte for byte, by the CMS's own YAML and front-matter code
(what an editor's save of an untouched file would write). (The CMS itself: tests/engine/test_cms.py.)"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from browser_checks import Load, axe
from conftest import ROOT, SITE_ROOT
from html_page import read
from plansite.cms.config import cms_config
from plansite.render.catalogue import text as catalogue_text
from site_content import SITE_DATA
from tools.cms_local import NODE

ROUNDTRIP = ROOT / "tools" / "cms_roundtrip.mjs"


def test_cms_is_off_until_the_site_owner_sets_a_sign_in(site):
    if cms_config(SITE_DATA, "/") is not None:
        assert (site / "admin" / "config.yml").is_file()
        return
    page = read(site / "admin" / "index.html")
    assert page.soup.find("script") is None
    assert "repository.cms.gitlab_app_id" in page.soup.get_text()
    assert not (site / "admin" / "config.yml").exists()


def content_files() -> list[Path]:
    """Every data file and page of the site; of another copy of it (PLANSITE_SITE_ROOT: a pull request's, see
    test_pull_request.py), those it adds or changes, the others being the repository's own, saved in its run."""
    files = [*sorted((SITE_ROOT / "data").rglob("*.yml")), *sorted((SITE_ROOT / "docs").rglob("*.md"))]
    if SITE_ROOT == ROOT:
        return files
    mine = {path: ROOT / path.relative_to(SITE_ROOT) for path in files}
    return [path for path, own in mine.items() if not own.is_file() or own.read_bytes() != path.read_bytes()]


@pytest.mark.parametrize("path", content_files(), ids=lambda path: str(path.relative_to(SITE_ROOT)))
def test_cms_saves_an_unchanged_file_byte_for_byte(path):
    result = subprocess.run([NODE, str(ROUNDTRIP), str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(result.stdout)["unchanged"], f"{path}: saved unchanged, the CMS would change it"


def test_cms_explanation_page_has_no_axe_violation(browser, site_server, axe_incomplete):
    load = Load(browser, "desktop")
    try:
        load.page.goto(site_server + "admin/")
        assert load.page.locator("h1").inner_text() == catalogue_text("vi", "cms.title")
        assert axe(load.page, "light", "/admin/", axe_incomplete) == []
    finally:
        load.context.close()
