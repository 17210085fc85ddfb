"""`make new-site DIR=...` gives a new province a site of its own: the engine and an empty plan skeleton that
build with --strict and pass `make check`, in both languages, with nothing of this site's plan in it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, strict_build
from html_page import read
from plansite.render.catalogue import text

# This site's own plan, bodies and pictures: none of it may reach a new site.
THIS_SITE = re.compile(r"ASEAN|ASCC|Cộng đồng Văn hóa|Socio-Cultural|ascc-2025|so-ldtbxh|LĐTBXH|L\.Q\.L", re.IGNORECASE)


def make(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    """make with this test run's Python; the virtual environment is the caller's (make test made it)."""
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", f"PY={sys.executable}", *arguments],
                          cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory) -> tuple[Path, Path]:
    """A site made by `make new-site`, and its strict build."""
    target = tmp_path_factory.mktemp("province") / "trang-moi"
    made = make("new-site", f"DIR={target}", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    assert str(target / "README.md") in made.stdout
    return target, strict_build(target, target.parent / "site")


def test_the_new_site_passes_make_check(new_site):
    target, _ = new_site
    checked = make("check", cwd=target)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Không có lỗi / no problems" in checked.stdout


def test_the_new_site_holds_the_engine_and_a_skeleton_of_its_own(new_site):
    target, _ = new_site
    for part in ("README.md", "hooks/plansite", "templates", "overrides", "locales", "mkdocs.yml", "Makefile", "tests",
                 "data/schemas/plan.schema.json", "docs/vi/index.md", "docs/en/index.md"):
        assert (target / part).exists(), part
    assert sorted(p.name for p in (target / "data/plans").iterdir()) == ["ke-hoach.yml"]
    assert not (target / "data/frameworks").exists() and not (target / "screenshots").exists()
    sources = [p for folder in ("data", "docs") for p in (target / folder).rglob("*") if p.suffix in (".yml", ".md", ".svg")]
    assert [p for p in sources if THIS_SITE.search(p.read_text(encoding="utf-8"))] == []


def test_every_page_of_the_new_site_is_built_in_both_languages_with_nothing_of_this_site(new_site):
    _, site_dir = new_site
    pages = sorted(site_dir.rglob("index.html"))
    english = [p for p in pages if p.relative_to(site_dir).parts[0] == "en"]
    assert len(english) >= 15 and len(pages) - len(english) >= 15
    for path in pages:
        page = read(path)
        assert not THIS_SITE.search(page.text), path
        assert page.lang == ("en" if path in english else "vi"), path
    home = read(site_dir / "index.html")
    assert home.h1.startswith("Kế hoạch")


def test_the_skeleton_plan_says_on_its_pages_that_it_is_not_filled_in_yet(new_site):
    _, site_dir = new_site
    for language, notice in (("", "nội dung Kế hoạch chưa được nhập"), ("en/", "the plan's content has not been entered yet")):
        for path in ("ke-hoach/index.html", "ke-hoach/nhom-1/index.html", "theo-doi/index.html", "theo-doi/nhiem-vu/index.html"):
            page = read(site_dir / f"{language}{path}")
            first = page.select("article .admonition")[0]
            assert notice in first.get_text(), path


def test_the_sites_name_is_shared_as_written_and_the_home_page_links_the_objectives(new_site):
    """The starter's English name holds an apostrophe: share previews carry it once escaped, as written."""
    _, site_dir = new_site
    home = read(site_dir / "en/index.html")
    assert home.meta["og:site_name"] == home.meta["og:title"] == ["The province's plan"]
    assert home.meta["og:image:alt"] == home.meta["twitter:image:alt"] == ["Logo and name of the site: The province's plan"]
    # The objectives are written out on the plan's page only; the home page links there.
    assert "A specific objective of the plan" not in home.text
    assert "ke-hoach/#muc-tieu" in home.links


def test_the_skeleton_plans_pages_say_nothing_doubled_or_untrue(new_site):
    """The starter's issuing body is also its standing agency, and its one group has no tasks yet: the home page
    names the body once where residents ask (a group's page says where to ask only once the site has a contact),
    no page names it twice in a row, and none says anything of task leads."""
    _, site_dir = new_site
    for language in ("", "en/"):
        language_code = "en" if language else "vi"
        body = "Provincial People's Committee" if language else "Ủy ban nhân dân tỉnh"
        for path in ("index.html", "ke-hoach/nhom-1/index.html"):
            words = " ".join(read(site_dir / f"{language}{path}").select("article")[0].get_text(" ").split())
            assert (body in words or path != "index.html") and f"{body} {'or' if language else 'hoặc'} {body}" not in words, path
        tasks = read(site_dir / f"{language}theo-doi/nhiem-vu/index.html").text
        for shape in ("none", "some", "all"):
            leads = text(language_code, f"plan_shapes.task_leads_{shape}").split("{")[0]
            assert leads not in tasks, shape
