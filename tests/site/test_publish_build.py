"""What a publishing build of the site writes: no loopback address in any file, the sitemap index and robots.txt;
a local build is marked noindex. (The refusals of `make publish`: tests/engine/test_publishing_refusal.py.)"""
from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SITE_ROOT, run_build
from page_types import SITE_PAGE_TYPES, PageType
from plansite.render.paths import PlanPaths, page_url
from site_content import SITE_DATA, article_url, published as published_articles, translated
from html_page import read

PUBLIC = "https://ke-hoach.example.gov.vn/"
PUBLISH = {"PLANSITE_PUBLISH": "1", "SITE_URL": PUBLIC}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Written independently of hooks/plansite/publishing.py: a loopback host after "//" or before a port.
LOOPBACK = re.compile(r"(?i)(?://|\\/\\/)(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)\b"
                      r"|\b(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0):\d+")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("published") / "site"
    result = run_build(SITE_ROOT, site_dir, env=PUBLISH)
    assert result.returncode == 0, result.stderr
    return site_dir


def unpacked(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", errors="replace")


# ---- what a publishing build writes

def test_no_loopback_address_in_a_publishing_build(published):
    files = [p for p in published.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".xml", ".gz", ".ics", ".csv", ".json", ".txt", ".pf_fragment"} <= kinds, kinds
    found = {p.relative_to(published).as_posix(): LOOPBACK.findall(unpacked(p)) for p in files}
    assert not {path: hits for path, hits in found.items() if hits}
    # And the absolute addresses that do exist name the public site.
    shared = [article_url(a) for a in published_articles("vi") if translated(a)][:1]  # the newest article in both languages
    for prefix in ("", "en/"):
        for path in [*shared, ""]:
            page = read(published / prefix / path / "index.html")
            assert page.meta["og:url"] == [f"{PUBLIC}{prefix}{path}"]
            assert page.meta["og:image"][0].startswith(PUBLIC)
        assert f"<link>{PUBLIC}{prefix}</link>" in (published / prefix / "feed_rss_created.xml").read_text()
        tasks = page_url(PlanPaths(SITE_DATA.main.plan).tasks)
        assert f",{PUBLIC}{prefix}{tasks}#" in (published / prefix / "data/tasks.csv").read_text(encoding="utf-8-sig")


def page_file(page_type: PageType) -> str:
    if page_type.kind == "not-found":
        return "404.html"
    path = page_type.path.split("?")[0]
    return path if page_type.standalone else path + "index.html"


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("page_type", [t for t in SITE_PAGE_TYPES if not t.standalone], ids=str)
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
