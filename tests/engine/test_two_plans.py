"""Two plans on one site (the running fixture site): the plan in progress, at the site's first addresses, and
the plan it replaced, at the default ones; each reads as its own data says and counts only its own reports."""
from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import RUNNING
from html_page import Page, read
from plansite.load.sitedata import load_site_data
from plansite.render.paths import PlanPaths, page_url

DATA = load_site_data(RUNNING.content)
NEW, OLD = "cds-2026-2030", "cds-2021-2025"
GROUPS = ["ha-tang-so", "dich-vu-cong-truc-tuyen", "ky-nang-so", "an-toan-thong-tin"]


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
@pytest.mark.parametrize("plan_id", [NEW, OLD])
def test_each_plan_has_its_pages_where_its_data_puts_them(running_site, prefix, plan_id):
    paths = PlanPaths(DATA.plans[plan_id])
    for source in [*paths.plan_pages(), *paths.tracker_pages()]:
        assert (running_site / prefix / page_url(source) / "index.html").is_file(), source
    expected = "ke-hoach/" if plan_id == NEW else f"ke-hoach/{OLD}/"
    assert page_url(paths.overview) == expected


def test_the_plan_in_progress_reads_as_its_own_data_says(running_site):
    overview = content(running_site, "ke-hoach/index.html")
    assert "Nghị quyết số 05-NQ/TU ngày 15/12/2025 của Tỉnh ủy" in overview
    assert "Resolution 05-NQ/TU of 15 December 2025 by the Provincial Party Committee" in content(
        running_site, "en/ke-hoach/index.html")
    for number, group in enumerate(GROUPS, 1):
        assert f"Nhóm {number}:" in overview
        assert "Gắn với" not in content(running_site, f"ke-hoach/{group}/index.html")  # no framework
    assert "Nhóm nền tảng" not in overview and "Quyết định" not in overview
    assert "ASEAN" not in overview and "ASCC" not in overview
    # Built as of 15 May 2027: in progress.
    assert "Kế hoạch đang trong thời gian thực hiện, từ ngày 10/2/2026 đến ngày 31/12/2030." in overview


def test_each_plan_counts_only_its_own_reports(running_site):
    assert "Latest report: 20 January 2027." in text(running_site, "en/theo-doi/index.html")
    assert "Latest report: 20 January 2026." in text(running_site, f"en/theo-doi/{OLD}/index.html")
    # The same task id in both plans, each on its own plan's tasks page with its own reports.
    new = Page((running_site / "en/theo-doi/nhiem-vu/index.html").read_text(encoding="utf-8"))
    old = Page((running_site / f"en/theo-doi/{OLD}/nhiem-vu/index.html").read_text(encoding="utf-8"))
    assert "ke-hoach-hang-nam" in new.ids and "ke-hoach-hang-nam" in old.ids
    assert "Offer every eligible procedure fully online" in new.text
    assert "Offer every eligible procedure fully online" not in old.text
    assert "Thirty-seven procedures still wait" in new.text and "Fourteen villages" in old.text


def test_menu_home_agencies_and_open_data_list_both_plans(running_site):
    home = content(running_site, "en/index.html")
    assert DATA.plans[NEW].title("en") in home and DATA.plans[OLD].title("en") in home  # {{ site.plans }}
    # The menu has a section per plan, named by its short title.
    menu = text(running_site, f"en/ke-hoach/{OLD}/index.html")
    assert "Digital transformation 2026 to 2030" in menu and "Digital transformation 2021 to 2025" in menu
    agency = text(running_site, "en/theo-doi/co-quan/so-khcn/index.html")
    assert "Bring optical fibre to every village" in agency
    assert "Digital transformation 2026 to 2030: Standing agency for the plan." in agency
    exported = json.loads((running_site / "data/plan.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in exported["plans"]] == [NEW, OLD]  # the main plan first (data/site.yml: main_plan)
    rows = list(csv.DictReader(io.StringIO((running_site / "en/data/tasks.csv").read_text(encoding="utf-8-sig"))))
    assert [r["url"] for r in rows if r["plan"] == OLD][0].endswith(f"/en/theo-doi/{OLD}/nhiem-vu/#ke-hoach-hang-nam")
    assert {r["lead"] for r in rows if r["plan"] == NEW} == {"so-khcn", "so-noi-vu", "tinh-doan", "cong-an-tinh"}
