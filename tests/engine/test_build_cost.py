"""What a build costs grows with its pages only where it must. The hooks find the site's sources (a walk of every
file under data/ and docs/, `adapter.fingerprint`) once per build and language, not once per page: a hook that
asked for the site's data on every page spent 195 s of a 320 s build of 1,000 posts per language walking them
(`make bench` put the build at 3.5 times plain Material's, against its 1.3)."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ENDED, PAGINATED_POSTS, add_paginated_news, fixture_project

# `mkdocs build --strict`, with every walk of the sources counted into a file (the hooks import the same
# `adapter` module, found on the same path).
COUNTED_BUILD = """
import runpy, sys
from pathlib import Path
count, site_dir = Path(sys.argv[1]), sys.argv[2]
sys.path.insert(0, "hooks")
import adapter
walk = adapter.fingerprint
def counted(root):
    with count.open("a") as counting:
        counting.write(".")
    return walk(root)
adapter.fingerprint = counted
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", site_dir]
runpy.run_module("mkdocs", run_name="__main__")
"""


def walks(project, folder) -> int:
    count = folder / "walks"
    count.write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", COUNTED_BUILD, str(count), str(folder / "site")], cwd=project,
                            capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENDED.build_env()})
    assert result.returncode == 0, result.stderr[-3000:]
    return len(count.read_text(encoding="utf-8"))


def test_the_sources_are_walked_once_per_build_not_per_page(tmp_path):
    project = fixture_project(ENDED, tmp_path / "project")
    before = walks(project, tmp_path)
    add_paginated_news(project, PAGINATED_POSTS + 40)   # 40 more articles per language, 80 more pages
    after = walks(project, tmp_path)
    assert 0 < before == after, (before, after)
