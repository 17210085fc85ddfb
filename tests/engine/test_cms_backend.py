"""The CMS's local backend (tools.cms_backend) answers Decap's proxy API from Git objects: a pending entry's files
are its own even after main moves, every language's file can be read, and the repository's folder is never
touched (what decap-server 3.11.3's Git mode got wrong; the Chromium tests in test_cms.py drive the same
traps through the form)."""
from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from tools.cms_backend import BackendError, GitBackend


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    (repo / "data" / "plans").mkdir(parents=True)
    (repo / "data" / "reports").mkdir()
    (repo / "docs" / "vi").mkdir(parents=True)
    (repo / "docs" / "en").mkdir(parents=True)
    (repo / "data" / "plans" / "ke-hoach.yml").write_text("id: ke-hoach\n# a comment\ndeadline: 2025\n", encoding="utf-8")
    (repo / "docs" / "vi" / "bai.md").write_text("---\ntitle: Bài\n---\nNội dung.\n", encoding="utf-8")
    (repo / "docs" / "en" / "bai.md").write_text("---\ntitle: Article\n---\nText.\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    return repo


def call(backend: GitBackend, action: str, **params):
    return backend.handle({"action": action, "params": params})


def save(backend: GitBackend, collection: str, slug: str, files: dict[str, str], assets: dict[str, bytes] | None = None):
    return call(backend, "persistEntry", dataFiles=[{"path": path, "slug": slug, "raw": raw} for path, raw in files.items()],
                assets=[{"path": path, "content": base64.b64encode(content).decode(), "encoding": "base64"}
                        for path, content in (assets or {}).items()],
                options={"useWorkflow": True, "collectionName": collection, "commitMessage": f"save {slug}", "status": "draft"})


def test_a_pending_entrys_files_stay_its_own_after_main_moves(repo):
    """Trap: decap-server listed a pending report's files with `git diff main <branch>` (two dots): once a plan
    change was published, the plan file counted as the report's, and the report opened with the plan's data."""
    backend = GitBackend(repo, "main")
    save(backend, "reports", "ke-hoach-2026-01-15", {"data/reports/ke-hoach-2026-01-15.yml": "plan: ke-hoach\n"})
    save(backend, "plans", "ke-hoach", {"data/plans/ke-hoach.yml": "id: ke-hoach\n# a comment\ndeadline: 2024-06-30\n"})
    call(backend, "publishUnpublishedEntry", collection="plans", slug="ke-hoach")
    entry = call(backend, "unpublishedEntry", id="reports/ke-hoach-2026-01-15")
    assert [diff["path"] for diff in entry["diffs"]] == ["data/reports/ke-hoach-2026-01-15.yml"]
    # Saved again, the branch takes main in (so the plan stays as published) and changes the report alone.
    save(backend, "reports", "ke-hoach-2026-01-15", {"data/reports/ke-hoach-2026-01-15.yml": "plan: ke-hoach\ndate: 2026-01-15\n"})
    branch = "cms/reports/ke-hoach-2026-01-15"
    assert git(repo, "diff", "--name-only", f"main...{branch}").split() == ["data/reports/ke-hoach-2026-01-15.yml"]
    assert git(repo, "show", f"{branch}:data/plans/ke-hoach.yml") == git(repo, "show", "main:data/plans/ke-hoach.yml")
    call(backend, "publishUnpublishedEntry", collection="reports", slug="ke-hoach-2026-01-15")
    assert "deadline: 2024-06-30" in git(repo, "show", "main:data/plans/ke-hoach.yml")
    assert "date: 2026-01-15" in git(repo, "show", "main:data/reports/ke-hoach-2026-01-15.yml")


def test_every_language_of_a_pending_entry_can_be_read(repo):
    """Trap: after a Vietnamese-only edit the English file was not among the branch's changes, decap-server
    refused to read it (an empty id), and the entry reopened without its English half."""
    backend = GitBackend(repo, "main")
    save(backend, "news", "bai", {"docs/vi/bai.md": "---\ntitle: Bài (sửa)\n---\nNội dung.\n",
                                  "docs/en/bai.md": "---\ntitle: Article\n---\nText.\n"})
    entry = call(backend, "unpublishedEntry", collection="news", slug="bai")
    assert [diff["path"] for diff in entry["diffs"]] == ["docs/vi/bai.md"]
    english = call(backend, "unpublishedEntryDataFile", collection="news", slug="bai", path="docs/en/bai.md", id="")
    assert english == {"data": "---\ntitle: Article\n---\nText.\n"}


def test_the_repositorys_folder_is_never_touched(repo):
    """Trap: decap-server checked each branch out in the repository's folder (the preview server rebuilt from
    half-checked-out branches and reloaded /admin/) and committed the folder's other files with `git add .`."""
    (repo / "notes.txt").write_text("an editor's own unsaved work\n", encoding="utf-8")
    plan = repo / "data" / "plans" / "ke-hoach.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# typed, not saved\n", encoding="utf-8")
    before = {path: path.stat().st_mtime_ns for path in repo.rglob("*") if ".git" not in path.parts}
    head = git(repo, "rev-parse", "HEAD")
    backend = GitBackend(repo, "main")
    save(backend, "news", "bai", {"docs/vi/bai.md": "---\ntitle: Bài mới\n---\nNội dung.\n", "docs/en/bai.md": "---\ntitle: New\n---\nText.\n"},
         {"docs/assets/anh.png": b"\x89PNG"})
    call(backend, "unpublishedEntry", collection="news", slug="bai")
    call(backend, "entriesByFolder", folder="docs", extension="md", depth=3)
    assert {path: path.stat().st_mtime_ns for path in repo.rglob("*") if ".git" not in path.parts} == before
    assert git(repo, "rev-parse", "HEAD") == head
    assert sorted(git(repo, "diff", "--name-only", "main...cms/news/bai").split()) == [
        "docs/assets/anh.png", "docs/en/bai.md", "docs/vi/bai.md"]
    assert "notes.txt" not in git(repo, "ls-tree", "-r", "--name-only", "cms/news/bai")


def test_publishing_brings_the_checked_out_folder_along(repo):
    """Published, main moves; where the folder has main checked out, the entry's files change there too (as a
    fast-forward would), and nothing else does; a file with changes of its own there stops the publishing."""
    (repo / "notes.txt").write_text("unsaved\n", encoding="utf-8")
    backend = GitBackend(repo, "main")
    save(backend, "news", "bai", {"docs/vi/bai.md": "---\ntitle: Bài mới\n---\nNội dung.\n"})
    call(backend, "publishUnpublishedEntry", collection="news", slug="bai")
    assert (repo / "docs" / "vi" / "bai.md").read_text(encoding="utf-8") == "---\ntitle: Bài mới\n---\nNội dung.\n"
    assert git(repo, "status", "--porcelain") == "?? notes.txt\n"
    assert git(repo, "branch", "--format=%(refname:short)").split() == ["main"]
    (repo / "docs" / "en" / "bai.md").write_text("edited by hand\n", encoding="utf-8")
    save(backend, "news", "bai", {"docs/en/bai.md": "---\ntitle: Article (edited)\n---\nText.\n"})
    with pytest.raises(BackendError):
        call(backend, "publishUnpublishedEntry", collection="news", slug="bai")
    assert (repo / "docs" / "en" / "bai.md").read_text(encoding="utf-8") == "edited by hand\n"
    assert "cms/news/bai" in git(repo, "branch", "--format=%(refname:short)").split()


def test_a_language_emptied_later_goes_back_to_mains(repo):
    """A save writes the entry's whole set of files: one it wrote before and no longer writes (an English
    column emptied, a picture removed) is as main has it again."""
    backend = GitBackend(repo, "main")
    save(backend, "news", "moi", {"docs/vi/moi.md": "---\ntitle: Mới\n---\n", "docs/en/moi.md": "---\ntitle: New\n---\n"},
         {"docs/assets/anh.png": b"\x89PNG"})
    save(backend, "news", "moi", {"docs/vi/moi.md": "---\ntitle: Mới\ntranslated: false\n---\n"})
    assert git(repo, "diff", "--name-only", "main...cms/news/moi").split() == ["docs/vi/moi.md"]


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", ".git/config", "docs/../../x"])
def test_paths_outside_the_repository_are_refused(repo, path):
    backend = GitBackend(repo, "main")
    with pytest.raises(BackendError):
        save(backend, "news", "x", {path: "x"})
    with pytest.raises(BackendError):
        call(backend, "getEntry", path=path)
