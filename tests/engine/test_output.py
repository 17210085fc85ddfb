"""The published folder: replaced whole or not at all, and the same bytes for the same inputs on any day (on the
ended fixture site)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from conftest import ENDED, fixture_project, run_build
from html_page import read
from plansite.output.atomic import replace_dir, staging_dir
from snapshots import snapshot
from tools.project import copy_project

# `mkdocs build` with the clock moved to another day (freezegun, in the build's own process).
FROZEN_BUILD = ("import sys, freezegun; freezegun.freeze_time(sys.argv.pop(1), tick=True).start(); "
                "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()")
BUILD_DAY = dt.datetime(2025, 6, 1, 8, 0, tzinfo=dt.timezone.utc)  # the build date given as an input


def test_replace_dir_swaps_whole_folders_and_keeps_them_readable(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staged = staging_dir(target)
    (staged / "new.html").write_text("new")
    replace_dir(staged, target)
    assert snapshot(target) == {"new.html": hashlib.sha256(b"new").hexdigest()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert target.stat().st_mode & 0o055 == 0o055  # readable by the web server's user


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A copy of the project built once into its own default site/, for tests to copy and break."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project", ENDED.content)
    result = run_build(project, None)
    assert result.returncode == 0, result.stderr
    return project


def break_project(project: Path, breakage: str) -> str:
    """Break the project one way; returns what the build's message must say."""
    if breakage == "data":
        plan = project / "data/plans/ascc-2025.yml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("framework: ascc", "framework: [ascc"),
                        encoding="utf-8")
        return "data/plans/ascc-2025.yml:"
    if breakage == "english page":
        # A failure at the very end of the English build, after every Vietnamese page was written.
        (project / "hooks/fail_late.py").write_text(
            "from mkdocs.exceptions import PluginError\n\n"
            "def on_post_build(config):\n"
            "    if config.theme['language'] == 'en':\n"
            "        raise PluginError('late failure')\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/fail_late.py\n"),
                          encoding="utf-8")
        return "late failure"
    if breakage == "search index":
        # Pagefind reads its settings from the folder it runs in: unreadable ones stop it, after both languages.
        (project / "pagefind.yml").write_text("exclude_selectors: [\n", encoding="utf-8")
        return "Pagefind failed"
    raise ValueError(breakage)


@pytest.mark.parametrize("breakage", ["data", "english page", "search index"])
def test_a_failed_build_leaves_the_previous_default_site_byte_for_byte(built_project, tmp_path, breakage):
    project = tmp_path / "project"
    shutil.copytree(built_project, project)
    before, listing = snapshot(project / "site"), sorted(p.name for p in project.iterdir())
    assert {"index.html", "en/index.html", "pagefind/pagefind-entry.json"} <= set(before)
    expected = break_project(project, breakage)
    failed = run_build(project, None)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert expected in failed.stderr, failed.stderr[-2000:]
    assert snapshot(project / "site") == before
    # No staging folder left behind beside site/ (only what the breakage itself added).
    assert sorted(p.name for p in project.iterdir() if p.name not in ("pagefind.yml",)) == listing


def test_a_failed_build_leaves_a_site_dir_given_on_the_command_line(built_project, tmp_path):
    project, out = tmp_path / "project", tmp_path / "out" / "site"
    shutil.copytree(built_project, project)
    shutil.copytree(project / "site", out)
    before = snapshot(out)
    expected = break_project(project, "data")
    failed = run_build(project, out)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr and expected in failed.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_the_first_build_failing_leaves_no_site_and_no_staging_folder(project):
    listing = sorted(p.name for p in project.iterdir())
    expected = break_project(project, "english page")
    failed = run_build(project, None)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr and expected in failed.stderr
    # Nothing new but the plugins' download cache: no site/, no staging folder.
    assert sorted(p.name for p in project.iterdir() if p.name != ".cache") == listing and "site" not in listing


def timeline_dates(page, section: str) -> list[str]:
    return [time["datetime"] for element in page.section(section) for time in element.select("time[datetime]")]


@pytest.fixture(scope="module")
def builds_on_two_days(tmp_path_factory) -> tuple[Path, Path]:
    """The ended fixture site (events, reports, news) built twice, the clock a day and some hours apart,
    with the same build date given as SOURCE_DATE_EPOCH."""
    project = fixture_project(ENDED, tmp_path_factory.mktemp("days") / "project")
    sites = []
    for day in ("2031-03-01 09:00:00", "2031-03-02 17:30:00"):
        sites.append(project.parent / day[:10])
        result = subprocess.run(
            [sys.executable, "-c", FROZEN_BUILD, day, "build", "--site-dir", str(sites[-1])], cwd=project,
            capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(BUILD_DAY.timestamp()))})
        assert result.returncode == 0, result.stderr[-3000:]
    return sites[0], sites[1]


def test_two_builds_with_the_same_inputs_are_identical_on_different_days(builds_on_two_days):
    one, two = builds_on_two_days
    assert snapshot(one) == snapshot(two)


def test_the_build_date_is_the_input_not_the_clock(builds_on_two_days):
    site = builds_on_two_days[0]
    assert json.loads((site / "data/plan.json").read_text(encoding="utf-8"))["generated"] == "2025-06-01"
    for prefix in ("", "en/"):
        calendar = icalendar.Calendar.from_ical((site / prefix / "chien-dich/su-kien.ics").read_bytes())
        stamps = [event.decoded("DTSTAMP") for event in calendar.walk("VEVENT")]
        assert stamps and set(stamps) == {BUILD_DAY}
    timeline = read(site / "en/theo-doi/moc-thoi-gian/index.html")
    assert "as of 1 June 2025" in timeline.text
    assert timeline_dates(timeline, "past") == ["2016-01-25", "2021-07-22", "2021-12-31"]
    assert timeline_dates(timeline, "upcoming") == ["2025-12-31"]  # on 1 June 2025 the period's end is still ahead
