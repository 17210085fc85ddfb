"""`make publish`: refused without a public https SITE_URL, no loopback address in any file it writes,
the sitemap index and robots.txt; a local build is marked noindex."""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from page_types import PAGE_TYPES, PageType
from plansite.output.publishing import loopback_mentions
from html_page import read
from test_output import snapshot

PUBLIC = "https://ke-hoach.example.gov.vn/"
PUBLISH = {"PLANSITE_PUBLISH": "1", "SITE_URL": PUBLIC}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Written independently of hooks/plansite/publishing.py: a loopback host after "//" or before a port.
LOOPBACK = re.compile(r"(?i)(?://|\\/\\/)(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)\b"
                      r"|\b(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0):\d+")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("published") / "site"
    result = run_build(ROOT, site_dir, env=PUBLISH)
    assert result.returncode == 0, result.stderr
    return site_dir


def make_publish(project: Path, site_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PLANSITE_PUBLISH")}
    if site_url is not None:
        env["SITE_URL"] = site_url
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), f"VENV={venv}", "-o", f"{venv}/.installed",
                           "publish"], cwd=project, capture_output=True, text=True, env=env)


def unpacked(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", errors="replace")


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


def test_a_direct_publishing_build_refuses_too_and_leaves_the_previous_site(project, tmp_path):
    out = tmp_path / "out" / "site"
    assert run_build(project, out).returncode == 0
    before = snapshot(out)
    result = run_build(project, out, env={"PLANSITE_PUBLISH": "1", "SITE_URL": "http://127.0.0.1:8000/"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "SITE_URL: 'http://127.0.0.1:8000/' không phải địa chỉ https / is not an https address" in result.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_a_loopback_address_in_a_page_stops_the_publishing_build(project, tmp_path):
    out = tmp_path / "out" / "site"
    assert run_build(project, out, env=PUBLISH).returncode == 0
    before = snapshot(out)
    guide = project / "docs/en/huong-dan.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[Preview](http://localhost:8000/en/)\n", encoding="utf-8")
    result = run_build(project, out, env=PUBLISH)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "loopback" in result.stderr and "en/huong-dan/index.html: http://localhost:8000/en/" in result.stderr
    assert snapshot(out) == before


# ---- what a publishing build writes

def test_no_loopback_address_in_a_publishing_build(published):
    files = [p for p in published.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".xml", ".gz", ".ics", ".csv", ".json", ".txt", ".pf_fragment"} <= kinds, kinds
    found = {p.relative_to(published).as_posix(): LOOPBACK.findall(unpacked(p)) for p in files}
    assert not {path: hits for path, hits in found.items() if hits}
    # And the absolute addresses that do exist name the public site.
    for prefix in ("", "en/"):
        article = read(published / prefix / "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/index.html")
        assert article.meta["og:url"] == [f"{PUBLIC}{prefix}tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/"]
        assert article.meta["og:image"][0].startswith(PUBLIC)
        assert f"<link>{PUBLIC}{prefix}</link>" in (published / prefix / "feed_rss_created.xml").read_text()
        assert f",\"{PUBLIC}{prefix}theo-doi/nhiem-vu/#" in (published / prefix / "data/tasks.csv").read_text(encoding="utf-8-sig")


def page_file(page_type: PageType) -> str:
    if page_type.kind == "not-found":
        return "404.html"
    path = page_type.path.split("?")[0]
    return path if page_type.standalone else path + "index.html"


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("page_type", [t for t in PAGE_TYPES if not t.populated and not t.standalone], ids=str)
def test_a_local_build_is_noindex_and_a_published_one_is_not(site, published, prefix, page_type):
    assert read(site / prefix / page_file(page_type)).meta.get("robots") == ["noindex, nofollow"]
    assert "robots" not in read(published / prefix / page_file(page_type)).meta


def test_robots_txt_names_the_sitemap_index_only_when_published(site, published):
    assert (published / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {PUBLIC}sitemap.xml\n"
    local = [line for line in (site / "robots.txt").read_text().splitlines() if not line.startswith("#")]
    assert local == ["User-agent: *", "Disallow: /"]


def test_the_sitemap_index_covers_both_languages_sitemaps(published):
    index = ET.parse(published / "sitemap.xml").getroot()
    assert index.tag == "{%s}sitemapindex" % SITEMAP_NS["s"]
    locations = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert locations == [f"{PUBLIC}sitemap-vi.xml", f"{PUBLIC}en/sitemap.xml"]
    listed = {}
    for location in locations:
        sitemap = ET.parse(published / location.removeprefix(PUBLIC)).getroot()
        assert sitemap.tag == "{%s}urlset" % SITEMAP_NS["s"]
        listed[location] = {loc.text for loc in sitemap.findall("s:url/s:loc", SITEMAP_NS)}
    vi, en = listed.values()
    assert vi and en and not any(url.startswith(f"{PUBLIC}en/") for url in vi)
    assert all(url.startswith(f"{PUBLIC}en/") for url in en)
    # Every page of the site is in one of them (not /admin/, the CMS: noindex, not a page of the site).
    pages = {PUBLIC + p.relative_to(published).parent.as_posix().removeprefix(".") + "/"
             for p in published.rglob("index.html")
             if "pagefind" not in p.parts and p.relative_to(published).parts[0] != "admin"}
    assert {url.replace(PUBLIC + "/", PUBLIC) for url in pages} == vi | en


def test_the_loopback_scan_reads_every_file_packed_or_not(tmp_path):
    (tmp_path / "a.html").write_text('<a href="http://localhost:8000/en/">x</a> `localhost` in prose')
    (tmp_path / "b.json").write_text('{"url": "http:\\/\\/127.0.0.1:8000\\/x"}')
    (tmp_path / "c.xml.gz").write_bytes(gzip.compress(b"<loc>https://[::1]/ke-hoach/</loc>"))
    (tmp_path / "d.ics").write_text("URL:https://ke-hoach.example.gov.vn/chien-dich/\nlocalhost.example.org")
    assert loopback_mentions(tmp_path) == [("a.html", "http://localhost:8000/en/"),
                                           ("b.json", "http:\\/\\/127.0.0.1:8000\\/x"),
                                           ("c.xml.gz", "https://[::1]/ke-hoach/")]
