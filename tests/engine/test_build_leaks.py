"""Attack 6 (the last line): whatever brings a secret or a path of the build machine into the output (a link,
a plugin, a template), no build that holds one is kept. Every file is read, copied assets and packed files
included, for the build's secret environment values, the shapes of secrets, and the machine's paths."""
from __future__ import annotations

import gzip
from pathlib import Path

from contributed import assert_refused, build, commit_and_clone

KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\n-----END OPENSSH PRIVATE KEY-----\n"
ENVIRON = {"HOME": "/home/runner", "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
           "DEPLOY_TOKEN": "tok-8f3a9c1d2e7b", "LANG": "C.UTF-8"}


def test_each_kind_of_leak_is_found_in_any_file(tmp_path):
    from plansite.output.leaks import build_leaks

    root = tmp_path / "repo"
    site = tmp_path / "site"
    (site / "assets/images").mkdir(parents=True)
    planted = {
        "assets/images/anh.png": b"\x89PNG\r\n" + KEY.encode(),
        "assets/tai-lieu/moi-truong.txt": b"HOME=/home/runner\x00PATH=" + ENVIRON["PATH"].encode() + b"\x00",
        "assets/tai-lieu/passwd.txt": b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\n",
        "assets/tai-lieu/cau-hinh.txt": b"[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n",
        "assets/tai-lieu/header.txt": b"[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3M=\n",
        "trang/index.html": f"<p>{root}/docs/vi/x.md</p>".encode(),
        "sitemap.xml.gz": gzip.compress(b"<loc>tok-8f3a9c1d2e7b</loc>"),
        "pagefind/x.pf_fragment": gzip.compress(b"ghp_" + b"a" * 36),
        "assets/tai-lieu/token.txt": b"GH_TOKEN=github_pat_" + b"B1" * 20,
        "data/x.json": b'{"u": "https://gitlab-ci-token:abcdefgh1234@gitlab.example.org/a/b.git"}',
        "ok.html": b"<p>Tra cuu HOME, PATH, root: va ke hoach.</p>",
    }
    for name, data in planted.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    found = dict(build_leaks(site, root, ENVIRON))
    assert set(found) == set(planted) - {"ok.html"}, found
    assert found["sitemap.xml.gz"] == "$DEPLOY_TOKEN" and found["assets/images/anh.png"] == "a private key"
    assert "tok-8f3a9c1d2e7b" not in str(found)  # named, never printed


def test_a_build_that_would_publish_a_secret_is_not_kept(project, tmp_path):
    """A secret of the build's environment reaching a page (here typed in, standing for any way in): the build
    fails naming the file and the variable, never the value, and writes no site."""
    page = project / "docs/vi/huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nMã: tok-8f3a9c1d2e7b\n", encoding="utf-8")
    clone = commit_and_clone(project, tmp_path / "clone")
    site = tmp_path / "site"
    output = assert_refused(build(clone, site, PLANSITE_DEPLOY_TOKEN="tok-8f3a9c1d2e7b"),
                            "huong-dan/index.html: $PLANSITE_DEPLOY_TOKEN")
    assert "tok-8f3a9c1d2e7b" not in output and not site.exists()
