"""What a content contributor can do: change files in a copy of the repository, commit them through git and
have CI build a fresh clone of the commit (a symbolic link is committed as a link, and the clone recreates
it). Shared by the tests that attack the build as a contributor would."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_build

GIT = {"GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bien-tap@example.gov.vn",
       "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bien-tap@example.gov.vn"}


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env={**os.environ, **GIT})


def commit_and_clone(project: Path, clone: Path) -> Path:
    """Commit everything in project (a copy of the repository, links included) and clone it as CI would."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Nội dung mới / new content")
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True, capture_output=True)
    return clone


def link(project: Path, path: str, target: str | Path) -> Path:
    """A symbolic link at project/path pointing at target, as a contributor commits one."""
    at = project / path
    at.parent.mkdir(parents=True, exist_ok=True)
    at.symlink_to(target)
    return at


def check(project: Path) -> subprocess.CompletedProcess:
    """`make check` on the project."""
    return subprocess.run([sys.executable, "-m", "plansite.check", str(project)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": os.environ["PATH"]})


def build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project into site, as CI's preview build runs it."""
    return run_build(project, site, "--strict", env=env)


def assert_refused(result: subprocess.CompletedProcess, *expected: str) -> str:
    """A refusal as editors get it: a non-zero exit, each expected text in the message, no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    for text in expected:
        assert text in output, (text, output[-3000:])
    return output
