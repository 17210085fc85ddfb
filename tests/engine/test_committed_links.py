"""Attack 1: a symbolic link committed under a folder the build reads. Git stores it as a link and a fresh
clone recreates it; it must never make the build read or publish a file of the machine that builds the site
(its environment, its password file, the clone's .git/config, a private key), whether it points at a file,
at a folder or at nothing. `make check` and the build both refuse it, as a file:line problem, before
anything is read; nothing is published and the previous site stays."""
from __future__ import annotations

from pathlib import Path

import pytest

from contributed import assert_refused, build, check, commit_and_clone, link

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n"


@pytest.fixture
def home(tmp_path) -> Path:
    """A stand-in for the build machine's home folder, with a private key in .ssh."""
    ssh = tmp_path / "home" / ".ssh"
    ssh.mkdir(parents=True)
    (ssh / "id_ed25519").write_text(SECRET)
    return tmp_path / "home"


# (where the link is committed, where it points: a path, or "HOME/…" for the stand-in home folder)
LINKS = [
    ("docs/assets/tai-lieu/x.txt", "/proc/self/environ"),
    ("docs/assets/tai-lieu/cau-hinh.txt", "../../../.git/config"),
    ("docs/assets/images/passwd.png", "/etc/passwd"),
    ("docs/vi/x", "HOME/.ssh"),                       # a folder: MkDocs would walk into it
    ("docs/en/huong-dan-2.md", "/etc/passwd"),         # a page
    ("docs/vi/khong-co.md", "/khong/co/tep/nay"),      # dangling: a traceback today
    ("docs/assets/khong-co", "HOME/khong-co"),         # a dangling folder
    ("data/plans/z.yml", "/etc/passwd"),               # data: its YAML error would quote the file
    ("data/reports", "HOME/.ssh"),                     # a whole data folder
    ("overrides/partials/x.html", "/etc/passwd"),
    ("templates/news/x.md", "HOME/.ssh/id_ed25519"),
]


@pytest.mark.parametrize("where,target", LINKS, ids=[where for where, _ in LINKS])
def test_a_committed_link_is_refused_by_the_check_and_the_build(project, tmp_path, home, where, target):
    if (project / where).is_dir():
        import shutil
        shutil.rmtree(project / where)
    link(project, where, str(target).replace("HOME", str(home)))
    clone = commit_and_clone(project, tmp_path / "clone")
    assert (clone / where).is_symlink()  # git kept it as a link
    message = f"{where}:1:1: liên kết tượng trưng (symlink) không được phép / a symbolic link is not allowed"
    checked = assert_refused(check(clone), message)
    site = tmp_path / "site"
    built = assert_refused(build(clone, site), message)
    assert not site.exists()
    for output in (checked, built):
        assert "BEGIN OPENSSH" not in output and "root:x:0:0" not in output and "repositoryformatversion" not in output


def test_every_link_is_listed_in_one_run(project, tmp_path, home):
    link(project, "docs/assets/a.txt", "/etc/passwd")
    link(project, "data/b.yml", str(home))
    clone = commit_and_clone(project, tmp_path / "clone")
    output = assert_refused(check(clone), "docs/assets/a.txt:1:1:", "data/b.yml:1:1:", "2 lỗi / problem(s)")
    assert "git rm --cached" in output  # how to fix it


def test_published_files_are_regular_files_of_the_repository_on_their_resolved_path(tmp_path):
    """The build's last word before copying (hooks/safety.py on_files), whatever the checks saw."""
    from plansite.check.repository_files import published_outside

    root = tmp_path / "repo"
    (root / "docs/assets").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git/config").write_text("[core]\n")
    (root / "docs/assets/ok.pdf").write_text("%PDF")
    (root / "docs/assets/git.txt").symlink_to(root / ".git/config")   # inside the folder, still not published
    (root / "docs/assets/etc").symlink_to("/etc")
    theme = "/usr/lib/python3/dist-packages/material/templates/base.html"
    sources = [str(root / "docs/assets/ok.pdf"), str(root / "docs/assets/git.txt"),
               str(root / "docs/assets/etc/passwd"), theme]
    assert published_outside(root, sources) == sources[1:3]
