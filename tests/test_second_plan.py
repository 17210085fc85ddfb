"""A second, made-up plan of another shape (tests/fixtures/second-plan/) built beside the real one with no code
change: four numbered groups, no framework, a resolution as legal basis, its own report."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from html_page import Page, read

SECOND = Path(__file__).parent / "fixtures" / "second-plan"
PLAN_ID = "ke-hoach-thu-nghiem"
GROUPS = ["thu-nghiem-ha-tang", "thu-nghiem-ky-nang", "thu-nghiem-dich-vu", "thu-nghiem-giam-sat"]
PLAN_PAGES = [f"ke-hoach/{PLAN_ID}/{page}index.html" for page in ("", "kinh-phi/", "to-chuc-thuc-hien/",
                                                                  *(f"{g}/" for g in GROUPS))]
TRACKER_PAGES = [f"theo-doi/{PLAN_ID}/{page}index.html" for page in ("", "nhiem-vu/", "trach-nhiem/", "moc-thoi-gian/")]


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("second-plan") / "project")
    shutil.copy(SECOND / f"{PLAN_ID}.yml", project / "data/plans")
    shutil.copy(SECOND / "2026-06-thu-nghiem.yml", project / "data/reports")
    agencies = project / "data/agencies.yml"
    agencies.write_text(agencies.read_text(encoding="utf-8") + (SECOND / "agencies.yml").read_text(encoding="utf-8"),
                        encoding="utf-8")
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def text(site: Path, page: str) -> str:
    return " ".join(read(site / page).text.split())


class Article(HTMLParser):
    """The page's own content, without the menu and footer (which name the other plan)."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.depth, self.text = 0, ""
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "article"

    def handle_endtag(self, tag):
        self.depth -= tag == "article"

    def handle_data(self, data):
        if self.depth:
            self.text += data


def content(site: Path, page: str) -> str:
    return " ".join(Article(site / page).text.split())


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_second_plan_has_its_own_pages_and_the_first_keeps_its_addresses(two_plans, prefix):
    for page in [*PLAN_PAGES, *TRACKER_PAGES]:
        assert (two_plans / prefix / page).is_file(), page
    for page in ("ke-hoach/index.html", "ke-hoach/cong-dong-gan-ket/index.html", "theo-doi/nhiem-vu/index.html"):
        assert "Communication and education" in text(two_plans, "en/" + page) or prefix == ""
        assert (two_plans / prefix / page).is_file()


def test_the_second_plan_reads_as_its_own_data_says(two_plans):
    overview = content(two_plans, f"ke-hoach/{PLAN_ID}/index.html")
    assert "Nghị quyết số 99/NQ-TEST ngày 15/12/2025 của Hội đồng nhân dân thử nghiệm" in overview
    assert "Resolution 99/NQ-TEST of 15 December 2025 by the Test People's Council" in text(two_plans, f"en/ke-hoach/{PLAN_ID}/index.html")
    for number, group in enumerate(GROUPS, 1):
        assert f"Nhóm {number}:" in overview
        assert "Gắn với" not in content(two_plans, f"ke-hoach/{PLAN_ID}/{group}/index.html")  # no framework
    assert "Nhóm nền tảng" not in overview and "Quyết định" not in overview
    assert "ASEAN" not in overview and "ASCC" not in overview
    running = dt.date(2026, 2, 10) <= dt.date.today() <= dt.date(2030, 12, 31)
    assert ("Kế hoạch đang trong thời gian thực hiện, từ ngày 10/2/2026 đến ngày 31/12/2030." in overview) == running


def test_each_plan_counts_only_its_own_reports(two_plans):
    second = text(two_plans, f"en/theo-doi/{PLAN_ID}/index.html")
    assert "Latest report: 5 July 2026." in second
    first = text(two_plans, "en/theo-doi/index.html")
    assert "This site has no published progress report" in first
    # The same task id in both plans, each on its own plan's tasks page.
    tasks = Page((two_plans / f"en/theo-doi/{PLAN_ID}/nhiem-vu/index.html").read_text(encoding="utf-8"))
    assert "Test monitoring task" in tasks.text and "Delayed" in tasks.text
    assert "Test monitoring task" not in text(two_plans, "en/theo-doi/nhiem-vu/index.html")


def test_menu_home_agencies_and_open_data_list_both_plans(two_plans):
    home = content(two_plans, "en/index.html")
    # The home page lists every plan by its short title once there are several.
    assert "Test plan 2026 to 2030" in home and "Plan to implement the ASEAN Socio-Cultural Community goals to 2025" in home
    # The menu has a section per plan, named by its short title.
    menu = text(two_plans, f"en/ke-hoach/{PLAN_ID}/index.html")
    assert "Test plan 2026 to 2030" in menu and "Plan to implement the ASEAN Socio-Cultural Community goals to 2025" in menu
    agency = text(two_plans, "en/theo-doi/co-quan/so-ban-nganh-tinh/index.html")
    assert "Test infrastructure task" in agency and "Test plan 2026 to 2030: Standing agency for the plan." in agency
    exported = json.loads((two_plans / "data/plan.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in exported["plans"]] == ["ascc-2025", PLAN_ID]
    rows = list(csv.DictReader(io.StringIO((two_plans / "en/data/tasks.csv").read_text(encoding="utf-8-sig"))))
    assert [r["url"] for r in rows if r["plan"] == PLAN_ID][-1].endswith(f"/en/theo-doi/{PLAN_ID}/nhiem-vu/#ke-hoach-cua-nganh-cap")
