"""The tracker's pages: dashboard counts against fixture reports, report history, matrix, timeline, agencies."""
from __future__ import annotations

import datetime as dt
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, run_build
from plansite.model import Milestone, Text
from plansite.derive.progress import split_timeline
from plansite.load.sitedata import load_site_data

FIXTURES = ROOT / "tests" / "fixtures" / "reports"
STATUS_COLUMNS = ["not-started", "in-progress", "done", "delayed", "no-report"]


class Tables(HTMLParser):
    """Every table of a page by caption: its column headers, and its rows as (row header, cells)."""

    def __init__(self, path: Path):
        super().__init__()
        self.tables: dict[str, dict] = {}
        self.ids: set[str] = set()
        self.bars: list[str] = []
        self.scopes: list[str] = []
        self._table = None
        self._cell = None
        self._text: list[str] | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("class") == "status-bar":
            self.bars.append(a.get("aria-label", ""))
            assert a.get("role") == "img"
        if tag == "table":
            self._table = {"caption": "", "head": [], "rows": []}
        elif self._table is not None and tag in ("caption", "th", "td"):
            self._text = []
            if tag == "th":
                self.scopes.append(a.get("scope", ""))
                self._cell = a.get("scope")
        elif self._table is not None and tag == "tr":
            self._row: list[str] = []

    def handle_endtag(self, tag):
        if self._table is None:
            return
        if tag == "caption":
            self._table["caption"] = "".join(self._text).strip()
        elif tag in ("th", "td"):
            text = " ".join("".join(self._text).split())
            if tag == "th" and self._cell == "col":
                self._table["head"].append(text)
            else:
                self._row.append(text)
        elif tag == "tr" and self._row:
            self._table["rows"].append((self._row[0], self._row[1:]))
        elif tag == "table":
            self.tables[self._table["caption"]] = self._table
            self._table = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def plain(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def expected_statuses(report_files: list[Path]) -> dict[str, str]:
    """Worked out from the YAML alone: the latest report's word on each task, else no-report."""
    plan = plain(ROOT / "data/plans/ascc-2025.yml")
    tasks = [t["id"] for t in plan["common_tasks"]] + [t["id"] for g in plan["groups"] for t in g["tasks"]]
    latest: dict[str, tuple] = {}
    for path in report_files:
        report = plain(path)
        for entry in report["tasks"]:
            if entry["task"] not in latest or latest[entry["task"]][0] <= report["date"]:
                latest[entry["task"]] = (report["date"], entry["status"])
    return {task: latest[task][1] if task in latest else "no-report" for task in tasks}


def counts(statuses: list[str]) -> list[str]:
    return [str(statuses.count(s)) for s in STATUS_COLUMNS] + [str(len(statuses))]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The project with the fixture reports added, built once for this module."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("tracker") / "project")
    for report in FIXTURES.glob("*.yml"):
        shutil.copy(report, project / "data/reports" / report.name)
    site_dir = project.parent / "site"
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_fixture_dashboard_counts_match_the_fixture_reports(fixture_site):
    statuses = expected_statuses(sorted(FIXTURES.glob("*.yml")))
    plan, agencies = plain(ROOT / "data/plans/ascc-2025.yml"), plain(ROOT / "data/agencies.yml")["agencies"]
    page = Tables(fixture_site / "theo-doi/index.html")

    overall = page.tables["Số nhiệm vụ theo tình trạng, toàn bộ Kế hoạch"]
    assert overall["head"][1:6] == ["Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Chậm tiến độ", "Chưa có báo cáo"]
    assert overall["rows"][0][1][:6] == counts(list(statuses.values()))

    by_group = page.tables["Số nhiệm vụ theo tình trạng, theo nhóm nội dung"]["rows"]
    groups = [("Nhiệm vụ chung", plan["common_tasks"])] + [
        (("Nhóm nền tảng" if g.get("number") is None else f"Nhóm {g['number']}") + f": {g['title']['vi']}", g["tasks"])
        for g in plan["groups"]]
    assert [name for name, _ in by_group] == [name for name, _ in groups]
    for (_, cells), (_, tasks) in zip(by_group, groups):
        assert cells[:6] == counts([statuses[t["id"]] for t in tasks])

    by_agency = dict(page.tables["Số nhiệm vụ theo tình trạng, theo cơ quan chủ trì hoặc phối hợp"]["rows"])
    all_tasks = plan["common_tasks"] + [t for g in plan["groups"] for t in g["tasks"]]
    for agency in agencies:
        involved = [t for t in all_tasks if t["lead"] == agency["id"] or agency["id"] in t.get("partners", [])]
        if involved:
            assert by_agency[agency["name"]["vi"]][:6] == counts([statuses[t["id"]] for t in involved])
        else:
            assert agency["name"]["vi"] not in by_agency


def test_fixture_bars_say_their_counts_in_words(fixture_site):
    statuses = list(expected_statuses(sorted(FIXTURES.glob("*.yml"))).values())
    english = Tables(fixture_site / "en/theo-doi/index.html")
    whole = english.bars[0]
    assert whole.startswith(f"The whole plan: {len(statuses)} task(s): ")
    assert f"Done {statuses.count('done')}" in whole and f"No report yet {statuses.count('no-report')}" in whole


def test_fixture_report_history_per_task(fixture_site):
    page = Tables(fixture_site / "en/theo-doi/nhiem-vu/index.html")
    history = page.tables["Reports on the task: Every sector and level of government draws up its plan to carry out "
                          "the ASEAN Socio-Cultural Community goals"]
    assert history["head"] == ["Report date", "Reporting period", "Reporting agency", "Status", "Note", "Indicators"]
    assert [row[0] for row in history["rows"]] == ["10 July 2022", "15 January 2023"]
    assert [row[1][2] for row in history["rows"]] == ["In progress", "Done"]
    assert history["rows"][1][1][3] == "Second test note."
    indicator = page.tables["Reports on the task: Carry out communication and education on the goals of the ASEAN "
                            "Socio-Cultural Community"]["rows"][0][1][4]
    assert indicator == "Test sessions: 1,234.5 sessions (30 June 2022; source: Test report)"
    vi = Tables(fixture_site / "theo-doi/nhiem-vu/index.html")
    assert "Số buổi thử nghiệm: 1.234,5 buổi" in str(vi.tables)


def test_fixture_agency_pages_list_reports_sent(fixture_site):
    text = (fixture_site / "en/theo-doi/co-quan/mttq-tinh/index.html").read_text(encoding="utf-8")
    assert "5 July 2023: 1 January 2023 – 30 June 2023" in text
    counts_row = Tables(fixture_site / "en/theo-doi/co-quan/mttq-tinh/index.html").tables[
        "Tasks by status: Provincial Committee of the Viet Nam Fatherland Front"]["rows"][0][1]
    assert counts_row[:6] == ["0", "1", "0", "0", "0", "1"]


def test_published_dashboard_is_honestly_empty(site):
    data = load_site_data(ROOT)
    assert data.reports == {}
    task_count = len(data.main.tasks())
    for prefix, no_report in (("", "Chưa có báo cáo"), ("en/", "No report yet")):
        page = Tables(site / prefix / "theo-doi/index.html")
        whole = next(t for caption, t in page.tables.items() if caption.endswith(("toàn bộ Kế hoạch", "whole plan")))
        assert whole["rows"][0][1][:6] == ["0", "0", "0", "0", str(task_count), str(task_count)]
        assert no_report in (site / prefix / "theo-doi/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_task_has_a_stable_anchor(site, prefix):
    ids = Tables(site / prefix / "theo-doi/nhiem-vu/index.html").ids
    for _, task in load_site_data(ROOT).main.tasks():
        assert task.id in ids


def test_matrix_is_an_accessible_table_matching_the_plan(site):
    data = load_site_data(ROOT)
    page = Tables(site / "en/theo-doi/trach-nhiem/index.html")
    matrix = page.tables["Lead and partner agencies by content group"]
    assert set(page.scopes) == {"col", "row"}
    short_names = matrix["head"][1:]
    for (_, cells), group in zip(matrix["rows"][1:], data.main.plan.groups):
        for short, cell in zip(short_names, cells):
            agency = next(a for a in data.agencies.values() if a.short_name("en") == short)
            roles = (["Leads"] if any(t.lead == agency.id for t in group.tasks) else []) + \
                    (["Partner"] if any(agency.id in t.partners for t in group.tasks) else [])
            assert cell == ", ".join(roles)


def test_timeline_splits_at_the_given_day():
    def milestone(date):
        return Milestone(date=date, title=Text(vi="x", en="x"), source=Text(vi="y", en="y"))

    items = [milestone(dt.date(2021, 12, 31)), milestone(2025)]
    assert split_timeline(items, dt.date(2025, 6, 1)) == (items[:1], items[1:])
    assert split_timeline(items, dt.date(2025, 12, 31)) == (items[:1], items[1:])  # the year's last day is not past
    assert split_timeline(items, dt.date(2026, 1, 1)) == (items, [])


def test_timeline_page_shows_the_plan_dates_past_or_upcoming(site):
    text = (site / "en/theo-doi/moc-thoi-gian/index.html").read_text(encoding="utf-8")
    past, upcoming = text.split('id="upcoming"')
    for date in ("25 January 2016", "22 July 2021", "31 December 2021"):
        assert date in past
    # The end of the plan's period is past once its day is.
    assert ("31 December 2025" in past) == (dt.date.today() > dt.date(2025, 12, 31))
    assert ("31 December 2025" in upcoming) == (dt.date.today() <= dt.date(2025, 12, 31))


def test_agency_pages_show_roles_and_unknown_contacts(site):
    text = (site / "en/theo-doi/co-quan/bo-ldtbxh/index.html").read_text(encoding="utf-8")
    assert "Receives the standing agency&rsquo;s reports" in text or "Receives the standing agency's reports" in text
    assert "Website:</strong> not known" in text
    directory = Tables(site / "theo-doi/co-quan/index.html").tables["Các cơ quan được nêu trong Kế hoạch"]
    assert len(directory["rows"]) == len(load_site_data(ROOT).agencies)


def test_successor_keeps_old_reports_and_links_both_ways(project, tmp_path):
    agencies = project / "data/agencies.yml"
    text = agencies.read_text(encoding="utf-8") + (
        "  - id: co-quan-moi\n    name: {vi: Cơ quan mới thử nghiệm, en: Test successor body}\n"
        "    short_name: {vi: CQM, en: TSB}\n    kind: provincial-department\n")
    agencies.write_text(text.replace("      agency: bo-noi-vu\n", "      agency: co-quan-moi\n"), encoding="utf-8")
    report = (FIXTURES / "2023-06.yml").read_text(encoding="utf-8").replace("agency: mttq-tinh", "agency: bo-ldtbxh")
    (project / "data/reports/2023-06.yml").write_text(report, encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    old = (tmp_path / "out/en/theo-doi/co-quan/bo-ldtbxh/index.html").read_text(encoding="utf-8")
    new = (tmp_path / "out/en/theo-doi/co-quan/co-quan-moi/index.html").read_text(encoding="utf-8")
    assert "the duties of this body are held by the" in old and "Test successor body" in old
    assert "Took over the tasks of" in new and "Ministry of Labour, Invalids and Social Affairs" in new
    assert "5 July 2023" in new  # the old body's report is listed with its successor


def test_tracker_pages_open_their_data_file_for_editing(project, tmp_path):
    site_yml = project / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace('  url: ""\n  branch', "  url: https://git.example.org/p/s\n  branch", 1))
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    expected = {
        "theo-doi/index.html": "data/reports/README.md",
        "theo-doi/nhiem-vu/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/trach-nhiem/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/moc-thoi-gian/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/co-quan/index.html": "data/agencies.yml",
        "theo-doi/co-quan/so-ldtbxh/index.html": "data/agencies.yml",
        "theo-doi/du-lieu-mo/index.html": "data/site.yml",
    }
    for page, source in expected.items():
        for prefix in ("", "en/"):
            html = (tmp_path / "out" / prefix / page).read_text(encoding="utf-8")
            assert f'href="https://git.example.org/p/s/edit/main/{source}"' in html, (prefix, page)


def test_links_on_tracker_pages_resolve(site):
    from test_build import Page

    for html in [*site.glob("theo-doi/**/*.html"), *site.glob("en/theo-doi/**/*.html")]:
        for url in Page(html).urls:
            if "://" in url or url.startswith(("#", "mailto:")):
                continue
            target = (html.parent / url.split("#")[0]).resolve()
            if url.split("#")[0].endswith("/") or url.split("#")[0] in ("", "."):
                target = target / "index.html"
            assert target.exists(), f"{html}: {url}"
