"""The pull-request workflow files agree with each other and with the data."""
from __future__ import annotations

import re

from ruamel.yaml import YAML

from conftest import ROOT
from plansite.load.sitedata import load_site_data

STAFF_TEAMS = {"quan-tri-trang", "truyen-thong", "ky-thuat"}


def test_both_forges_offer_the_same_checklist():
    github = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert (ROOT / ".gitlab/merge_request_templates/Default.md").read_text(encoding="utf-8") == github
    assert github.count("- [ ]") == 5


def test_codeowners_example_names_agencies_from_the_data():
    agencies = set(load_site_data(ROOT).agencies)
    teams = set(re.findall(r"@tinh/([a-z0-9-]+)", (ROOT / ".github/CODEOWNERS.example").read_text(encoding="utf-8")))
    assert teams - STAFF_TEAMS and teams - STAFF_TEAMS <= agencies


def test_ci_runs_checks_and_tests_keeps_a_preview_and_deploys_from_main():
    yaml = YAML(typ="safe", pure=True)
    github = yaml.load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", step.get("uses", "")) for step in github["jobs"]["check-test-build"]["steps"]]
    assert {"make check", "make test", "make build"} <= set(steps)
    assert any(s.startswith("actions/upload-artifact") for s in steps)
    assert github["jobs"]["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    gitlab = yaml.load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["check"]["script"] == ["make check", "make test"]
    assert gitlab["site"]["artifacts"]["paths"] == ["site/"]
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
