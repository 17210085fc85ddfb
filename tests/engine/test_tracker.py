"""The tracker's pages on the fixture sites: dashboard counts against the reports, report history, matrix, timeline,
agencies, successors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

from conftest import ENDED, FIXTURE_REPOSITORY, MINIMAL
from html_page import read
from plansite.model import Milestone, Text
from plansite.derive.progress import split_timeline
from plansite.load.sitedata import load_site_data

FIXTURES = ENDED.content / "data" / "reports"   # the ended fixture site's reports
STATUS_COLUMNS = ["not-started", "in-progress", "done", "delayed", "no-report"]


def plain(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def expected_statuses(report_files: list[Path]) -> dict[str, str]:
    """Worked out from the YAML alone: the latest report's word on each task, else no-report."""
    plan = plain(ENDED.content / "data/plans/ascc-2025.yml")
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


def test_fixture_dashboard_counts_match_the_fixture_reports(ended_site):
    statuses = expected_statuses(sorted(FIXTURES.glob("*.yml")))
    plan = plain(ENDED.content / "data/plans/ascc-2025.yml")
    page = read(ended_site / "theo-doi/index.html")

    overall = page.tables["Số nhiệm vụ theo tình trạng, toàn bộ Kế hoạch"]
    assert overall["head"][1:6] == ["Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Chậm tiến độ", "Chưa có báo cáo công khai"]
    assert overall["rows"][0][1][:6] == counts(list(statuses.values()))

    by_group = page.tables["Số nhiệm vụ theo tình trạng, theo nhóm nội dung"]["rows"]
    groups = [("Nhiệm vụ chung", plan["common_tasks"])] + [
        (g["title"]["vi"] if g.get("number") is None else f"Nhóm {g['number']}: {g['title']['vi']}", g["tasks"])
        for g in plan["groups"]]
    assert [name for name, _ in by_group] == [name for name, _ in groups]
    for (_, cells), (_, tasks) in zip(by_group, groups, strict=True):
        assert cells[:6] == counts([statuses[t["id"]] for t in tasks])

    # The plan names no body per task: no per-agency counts, the whole plan's lead and partners instead.
    assert not any("theo cơ quan" in caption for caption in page.tables)
    assert "Cơ quan chủ trì toàn bộ Kế hoạch (cơ quan thường trực): Sở Lao động - Thương binh và Xã hội" in " ".join(page.text.split())


def test_fixture_bars_say_their_counts_in_words(ended_site):
    statuses = list(expected_statuses(sorted(FIXTURES.glob("*.yml"))).values())
    bars = read(ended_site / "en/theo-doi/index.html").select(".status-bar")
    assert bars and {bar.get("role") for bar in bars} == {"img"}  # one picture, named by its text alternative
    whole = bars[0]["aria-label"]
    assert whole.startswith(f"The whole plan: {len(statuses)} tasks (")  # a real plural: no "task(s)"
    assert f"Done: {statuses.count('done')}" in whole and f"No published report: {statuses.count('no-report')}" in whole


def test_fixture_report_history_per_task(ended_site):
    page = read(ended_site / "en/theo-doi/nhiem-vu/index.html")
    history = page.tables["Reports on the task: Every sector and level of government draws up its plan to carry out "
                          "the ASEAN Socio-Cultural Community goals"]
    assert history["head"] == ["Report date", "Reporting period", "Reporting agency", "Status", "Note", "Indicators"]
    assert [row[0] for row in history["rows"]] == ["10 July 2022", "15 January 2023"]
    assert [row[1][2] for row in history["rows"]] == ["In progress", "Done"]
    assert history["rows"][1][1][3] == "Every department and district now has its implementation plan."
    indicator = page.tables["Reports on the task: Carry out communication and education on the goals of the ASEAN "
                            "Socio-Cultural Community"]["rows"][0][1][4]
    assert indicator == "Awareness sessions: 1,234.5 sessions (30 June 2022; source: Report for the first half of 2022)"
    vi = read(ended_site / "theo-doi/nhiem-vu/index.html")
    assert "Số buổi tuyên truyền: 1.234,5 buổi" in str(vi.tables)


def test_fixture_agency_pages_list_reports_sent(ended_site):
    text = read(ended_site / "en/theo-doi/co-quan/mttq-tinh/index.html").text
    assert "5 July 2023: 1 January 2023 – 30 June 2023" in text
    assert "Asked to coordinate on carrying out social policy." in text


def test_a_dashboard_without_reports_is_honestly_empty(minimal_site):
    data = load_site_data(MINIMAL.content)
    assert data.reports == {}
    task_count = len(data.main.tasks())
    site = minimal_site
    for prefix, no_report in (("", "Trang chưa có báo cáo tiến độ công khai nào"), ("en/", "This site has no published progress report")):
        page = read(site / prefix / "theo-doi/index.html")
        # No table of zeros: the page says once that there is no report, and lists the tasks per group.
        assert page.tables == {}
        assert no_report in page.text
        assert f" {task_count} " in " ".join(page.select(".dashboard-known")[0].find_previous("p").text.split())
        listed = page.select(".dashboard-known li")
        assert [li["id"] for li in listed] == [*(["nhiem-vu-chung"] if data.main.plan.common_tasks else []),
                                               *(f"nhom-{g.number}" if g.number else g.id for g in data.main.plan.groups)]


def test_matrix_shows_the_whole_plans_roles_and_no_role_per_group_the_source_does_not_give(ended_site):
    data, site = load_site_data(ENDED.content), ended_site
    organisation = data.main.plan.organisation
    page = read(site / "en/theo-doi/trach-nhiem/index.html")
    matrix = page.tables["Lead and partner bodies"]
    assert set(matrix["scopes"]) == {"col", "row"}
    [(heading, cells)] = matrix["rows"]  # the plan's tasks name no body of their own: one row, the whole plan
    assert heading == "The whole plan"
    roles = dict(zip(matrix["head"][1:], cells, strict=True))
    assert roles[data.agency(organisation.standing_agency).short_name("en")] == "Leads"
    for partner in organisation.partners:
        assert roles[data.agency(partner).short_name("en")] == "Partner"
    for agency_id in organisation.coordination[0].agencies:
        assert roles[data.agency(agency_id).short_name("en")] == "Coordinates on carrying out social policy"


def test_timeline_splits_at_the_given_day():
    def milestone(date):
        return Milestone(date=date, title=Text(vi="x", en="x"), source=Text(vi="y", en="y"))

    items = [milestone(dt.date(2021, 12, 31)), milestone(2025)]
    assert split_timeline(items, dt.date(2025, 6, 1)) == (items[:1], items[1:])
    assert split_timeline(items, dt.date(2025, 12, 31)) == (items[:1], items[1:])  # the year's last day is not past
    assert split_timeline(items, dt.date(2026, 1, 1)) == (items, [])


def test_timeline_page_shows_the_plan_dates_past_or_upcoming(ended_site):
    page = read(ended_site / "en/theo-doi/moc-thoi-gian/index.html")
    past, upcoming = ([" ".join(li.get_text().split()) for element in page.section(heading) for li in element.select("li")]
                      for heading in ("past", "upcoming"))
    assert [item.split(":")[0] for item in past[:3]] == ["25 January 2016", "22 July 2021", "31 December 2021"]
    # Built as of 1 December 2026: the period's end is past (tests/engine/test_output.py builds it as of a day
    # before, when it is upcoming).
    assert [item.split(":")[0] for item in past][-1] == "31 December 2025"
    assert not [item for item in upcoming if item.startswith("31 December 2025:")]


def test_directory_entries_show_roles_and_no_placeholder_contacts(ended_site):
    directory = read(ended_site / "en/theo-doi/co-quan/index.html")
    entry = " ".join(" ".join(e.get_text() for e in directory.section("bo-ldtbxh")).split())
    assert "Receives the standing agency’s reports" in entry or "Receives the standing agency's reports" in entry
    assert "held by the Ministry of Home Affairs" in entry
    # Nothing recorded, nothing listed: one sentence says so, instead of "not known" under every body.
    assert "Website" not in entry and "not known" not in directory.text
    assert [a for a in directory.select("article a[href]") if a["href"].endswith("thong-tin-chua-co/#lien-he")]
    assert {a for a in load_site_data(ENDED.content).agencies} <= directory.ids


def test_successor_keeps_old_reports_and_links_both_ways(running_site):
    """The running fixture site's Department of Information and Communications was merged into the Department of
    Science and Technology in 2025; it filed a report on the first plan before that."""
    old = read(running_site / "en/theo-doi/co-quan/so-tttt/index.html").text
    new = read(running_site / "en/theo-doi/co-quan/so-khcn/index.html").text
    assert "the duties of this body are held by the" in old and "Department of Science and Technology" in old
    assert "Took over the tasks of" in new and "Department of Information and Communications" in new
    assert "20 December 2023" in new  # the old body's report is listed with its successor


def test_tracker_pages_open_their_data_file_for_editing(ended_site):
    expected = {
        "theo-doi/index.html": "data/reports/README.md",
        "theo-doi/nhiem-vu/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/trach-nhiem/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/moc-thoi-gian/index.html": "data/plans/ascc-2025.yml",
        "theo-doi/co-quan/index.html": "data/agencies.yml",
        "theo-doi/co-quan/mttq-tinh/index.html": "data/agencies.yml",
        "theo-doi/du-lieu-mo/index.html": "data/site.yml",
    }
    for page, source in expected.items():
        for prefix in ("", "en/"):
            edits = [a["href"] for a in read(ended_site / prefix / page).select("a.md-content__button[href]")
                     if "/edit/" in a["href"]]
            assert edits == [f"{FIXTURE_REPOSITORY}/edit/main/{source}"], (prefix, page)
