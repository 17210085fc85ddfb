"""The pull-request files a site owner adapts agree with each other and with the site's data. (The CI workflows:
tests/engine/test_ci.py.)"""
from __future__ import annotations

import re

from conftest import ROOT
from site_content import SITE_DATA

STAFF_TEAMS = {"quan-tri-trang", "truyen-thong", "ky-thuat"}


def test_both_forges_offer_the_same_checklist():
    github = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert (ROOT / ".gitlab/merge_request_templates/Default.md").read_text(encoding="utf-8") == github
    assert github.count("- [ ]") == 5


def test_codeowners_example_names_agencies_from_the_data():
    agencies = set(SITE_DATA.agencies)
    teams = set(re.findall(r"@tinh/([a-z0-9-]+)", (ROOT / ".github/CODEOWNERS.example").read_text(encoding="utf-8")))
    assert teams - STAFF_TEAMS and teams - STAFF_TEAMS <= agencies
