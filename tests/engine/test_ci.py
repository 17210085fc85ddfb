"""The CI workflows of both forges: checks and tests on every pull request, a preview, publishing from main on
push and daily."""
from __future__ import annotations

from ruamel.yaml import YAML

from conftest import ROOT


def test_ci_runs_checks_and_tests_keeps_a_preview_and_publishes_main_on_push_and_daily():
    yaml = YAML(typ="safe", pure=True)
    github = yaml.load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    job = github["jobs"]["check-test-build"]
    steps = {step.get("run", step.get("uses", "")): step.get("if") for step in job["steps"]}
    # make check-report: make check, its messages also on the pull request (a CMS save opens one).
    assert {"make check-report", "make test", "make build", "make publish"} <= set(steps)
    assert steps["make test"] == "github.event_name != 'schedule'"
    assert steps["make build"] == "env.PUBLISH != 'true'" and steps["make publish"] == "env.PUBLISH == 'true'"
    assert job["env"]["PUBLISH"] == "${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main' }}"
    assert job["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    assert github["on"]["schedule"] == [{"cron": "5 17 * * *"}]  # 00:05 in Viet Nam
    assert any(s.startswith("actions/upload-artifact") for s in steps)
    assert github["jobs"]["pages"]["if"].startswith("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'")
    gitlab = yaml.load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["check"]["script"] == ["make check-report", "make test"]
    assert gitlab["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE != "schedule"'}]
    assert gitlab["preview"]["script"] == ["make build"] and gitlab["preview"]["artifacts"]["paths"] == ["site/"]
    assert gitlab["site"]["script"][-1] == "make publish"
    # Pipeline schedules run on the default branch, so the rule that publishes main also publishes daily.
    assert gitlab["site"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert gitlab["pages"]["needs"] == ["site"]
