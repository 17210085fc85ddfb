"""The published folder: replaced whole or not at all, and the same bytes for the same commit."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from plansite.output.atomic import replace_dir, staging_dir


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below folder, with a hash of each file's bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


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


@pytest.mark.parametrize("breakage", ["data", "english page"])
def test_a_failed_build_leaves_the_previous_site_byte_for_byte(project, tmp_path, breakage):
    out = tmp_path / "out" / "site"
    first = run_build(project, out)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert "index.html" in before and "en/index.html" in before and "pagefind/pagefind-entry.json" in before
    if breakage == "data":
        plan = project / "data/plans/ascc-2025.yml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("framework: ascc", "framework: [ascc"),
                        encoding="utf-8")
    else:
        # A failure at the very end of the English build, after every Vietnamese page was written.
        (project / "hooks/fail_late.py").write_text(
            "from mkdocs.exceptions import PluginError\n\n"
            "def on_post_build(config):\n"
            "    if config.theme['language'] == 'en':\n"
            "        raise PluginError('late failure')\n", encoding="utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/fail_late.py\n"),
                          encoding="utf-8")
    failed = run_build(project, out)
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert ("late failure" if breakage == "english page" else "data/plans/ascc-2025.yml:") in failed.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]  # no staging folder left behind


def test_two_builds_of_one_commit_are_identical(site, tmp_path):
    again = tmp_path / "site"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    assert snapshot(again) == snapshot(site)


def test_sitemap_dates_come_from_the_last_commit_not_the_clock(site):
    stamp = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout)
    day = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap-vi.xml").read_text())) == {day}
    with gzip.open(site / "sitemap-vi.xml.gz") as packed:
        packed.read()  # MkDocs stamps the archive with the newest page date, at midnight
        assert dt.datetime.fromtimestamp(packed.mtime, dt.timezone.utc).date().isoformat() == day
