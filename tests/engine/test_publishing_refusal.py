"""`make publish` refuses to run without a public https SITE_URL, and a publishing build that finds a loopback
address in a page stops and leaves the previous site as it was; the loopback scan itself (on a copy of the ended fixture site: the
refusal does not depend on the content; what a publishing build of the site writes: tests/site/test_publish_build.py)."""
from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from plansite.output.publishing import loopback_mentions
from snapshots import snapshot

PUBLIC = "https://ke-hoach.example.gov.vn/"
PUBLISH = {"PLANSITE_PUBLISH": "1", "SITE_URL": PUBLIC}


def make_publish(project: Path, site_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PLANSITE_PUBLISH")}
    if site_url is not None:
        env["SITE_URL"] = site_url
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), f"VENV={venv}", "-o", f"{venv}/.installed",
                           "publish"], cwd=project, capture_output=True, text=True, env=env)


# ---- the refusal

@pytest.mark.parametrize("site_url,why", [
    (None, "chưa đặt địa chỉ công khai của trang / the site's public address is not set"),
    ("", "chưa đặt địa chỉ công khai của trang / the site's public address is not set"),
    ("http://ke-hoach.example.gov.vn/", "không phải địa chỉ https / is not an https address"),
    ("https://127.0.0.1:8000/", "(loopback)"),
    ("https://localhost/", "(loopback)"),
    ("https://[::1]/", "(loopback)"),
])
def test_make_publish_refuses_without_a_public_https_site_url(project, site_url, why):
    result = make_publish(project, site_url)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    message = result.stderr.splitlines()
    assert message[0].startswith("Không xuất bản được / Not published: SITE_URL: ") and why in message[0], message
    assert f"SITE_URL={PUBLIC} make publish" in message[1]
    # Nothing written: no site, no staging folder, no MkDocs run at all.
    assert not (project / "site").exists()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_direct_publishing_build_refuses_too_and_leaves_the_previous_site(project, ended_site, tmp_path):
    out = tmp_path / "out" / "site"
    shutil.copytree(ended_site, out)  # the previous build
    before = snapshot(out)
    result = run_build(project, out, env={"PLANSITE_PUBLISH": "1", "SITE_URL": "http://127.0.0.1:8000/"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "SITE_URL: 'http://127.0.0.1:8000/' không phải địa chỉ https / is not an https address" in result.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_a_loopback_address_in_a_page_stops_the_publishing_build(project, ended_site, tmp_path):
    out = tmp_path / "out" / "site"
    shutil.copytree(ended_site, out)  # the previous build
    before = snapshot(out)
    guide = project / "docs/en/huong-dan.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[Preview](http://localhost:8000/en/)\n", encoding="utf-8")
    result = run_build(project, out, env=PUBLISH)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "loopback" in result.stderr and "en/huong-dan/index.html: http://localhost:8000/en/" in result.stderr
    assert snapshot(out) == before


def test_the_loopback_scan_reads_every_file_packed_or_not(tmp_path):
    (tmp_path / "a.html").write_text('<a href="http://localhost:8000/en/">x</a> `localhost` in prose')
    (tmp_path / "b.json").write_text('{"url": "http:\\/\\/127.0.0.1:8000\\/x"}')
    (tmp_path / "c.xml.gz").write_bytes(gzip.compress(b"<loc>https://[::1]/ke-hoach/</loc>"))
    (tmp_path / "d.ics").write_text("URL:https://ke-hoach.example.gov.vn/chien-dich/\nlocalhost.example.org")
    assert loopback_mentions(tmp_path) == [("a.html", "http://localhost:8000/en/"),
                                           ("b.json", "http:\\/\\/127.0.0.1:8000\\/x"),
                                           ("c.xml.gz", "https://[::1]/ke-hoach/")]
