"""The data model fits real plans (issue 19, part 3): agency kinds, objectives with their own deadlines and
targets, campaigns that name their plan, report files named per plan, a plan's notice. Most run on a new
site made by `make new-site` (tools/new_site.py), with the shape added as a pull request would add it; the
last pin how the fixture sites that hold these fields render them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import RUNNING
from html_page import Page, read
from plansite.load.pages import markdown_renderer, render
from plansite.load.sitedata import load_site_data
from plansite.derive.site import site_views
from plansite.generated import generated_pages
from plansite.render.paths import PlanPaths, page_url
from starter_sites import PLAN, append, edit, line_of, problems, second_plan, site  # noqa: F401 (site: a fixture)

NOW = dt.datetime(2026, 12, 15, tzinfo=dt.timezone.utc)


def page(root: Path, language: str, path: str) -> Page:
    """A generated page as a reader's browser gets it: its Markdown rendered as MkDocs renders it."""
    markdown = generated_pages(root, site_views(load_site_data(root), NOW), language)[path]
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    return Page(f"<html><body>{render(markdown_renderer(root), body)}</body></html>")


# ---- agency kinds

NEW_BODIES = """\
  - id: tinh-uy
    name: {vi: Tỉnh ủy, en: Provincial Party Committee}
    short_name: {vi: Tỉnh ủy, en: Party Committee}
    kind: party-committee
  - id: hdnd-tinh
    name: {vi: Hội đồng nhân dân tỉnh, en: Provincial People's Council}
    short_name: {vi: HĐND tỉnh, en: People's Council}
    kind: peoples-council
  - id: cong-an-tinh
    name: {vi: Công an tỉnh, en: Provincial Police}
    short_name: {vi: Công an tỉnh, en: Police}
    kind: police
  - id: vnpt-tinh
    name: {vi: Viễn thông tỉnh, en: Provincial Telecommunications}
    short_name: {vi: Viễn thông tỉnh, en: Telecommunications}
    kind: enterprise
  - id: lien-minh-htx
    name: {vi: Liên minh Hợp tác xã tỉnh, en: Provincial Cooperative Alliance}
    short_name: {vi: Liên minh HTX, en: Cooperative Alliance}
    kind: other
    kind_label: {vi: Tổ chức kinh tế tập thể, en: Collective economic organisation}
"""


def test_party_councils_police_enterprises_and_other_bodies_are_agencies(site):
    append(site, "data/agencies.yml", NEW_BODIES)
    data = load_site_data(site)
    assert [data.agency(a).kind for a in ("tinh-uy", "hdnd-tinh", "cong-an-tinh", "vnpt-tinh", "lien-minh-htx")] == [
        "party-committee", "peoples-council", "police", "enterprise", "other"]
    for language, kinds in (("vi", ["Cấp ủy Đảng", "Hội đồng nhân dân", "Công an", "Doanh nghiệp",
                                    "Tổ chức kinh tế tập thể"]),
                            ("en", ["Party committee", "People's Council", "Police", "Enterprise",
                                    "Collective economic organisation"])):
        directory = page(site, language, "theo-doi/co-quan/index.md")
        for agency, kind in zip(("tinh-uy", "hdnd-tinh", "cong-an-tinh", "vnpt-tinh", "lien-minh-htx"), kinds):
            entry = " ".join(element.get_text(" ") for element in directory.section(agency))
            assert kind in entry, (language, agency, entry)


def test_a_body_of_kind_other_needs_its_label_and_only_other_takes_one(site):
    append(site, "data/agencies.yml", NEW_BODIES.replace(
        "    kind_label: {vi: Tổ chức kinh tế tập thể, en: Collective economic organisation}\n", "").replace(
        "    kind: police\n", "    kind: police\n    kind_label: {vi: Lực lượng vũ trang, en: Armed force}\n"))
    police, other = line_of(site, "data/agencies.yml", "id: cong-an-tinh"), line_of(site, "data/agencies.yml", "id: lien-minh-htx")
    assert problems(site) == [
        f"data/agencies.yml:{police}:5: agencies[3]: kind_label chỉ dùng với loại other, không dùng với police / "
        "kind_label goes with kind other only, not with police",
        f"data/agencies.yml:{other}:5: agencies[5]: loại other cần tên loại trong kind_label / "
        "kind other needs its name in kind_label",
    ]


# ---- objectives: their own deadlines, numeric targets

OBJECTIVES = """\
objectives_deadline: 2030
objectives:
  - vi: Mục tiêu chung hạn.
    en: An objective due by the plan's deadline.
  - vi: Phổ cập điện thoại thông minh.
    en: Smartphones for all.
    deadline: 2028-06-30
    targets:
      - value: 80.5
        unit: {vi: "% dân số trưởng thành", en: "% of adults"}
        year: 2028
      - value: 1500
        unit: {vi: xã, en: communes}
        year: 2030
"""
SKELETON_OBJECTIVES = """\
objectives:
  - vi: Mục tiêu cụ thể của Kế hoạch, như văn bản nêu.
    en: A specific objective of the plan, as the document states it.
"""


def test_objectives_show_their_own_deadlines_and_targets(site):
    edit(site, PLAN, SKELETON_OBJECTIVES, OBJECTIVES)
    plan = load_site_data(site).plans["ke-hoach"]
    assert plan.objective_deadline(plan.objectives[0]) == 2030
    assert plan.objective_deadline(plan.objectives[1]) == dt.date(2028, 6, 30)
    overview = PlanPaths(plan).overview
    vi, en = page(site, "vi", overview), page(site, "en", overview)
    # One objective has a deadline of its own: the heading names none, each objective its own or the plan's.
    assert vi.soup.find(id="muc-tieu").get_text() == "Mục tiêu cụ thể¶"
    items = vi.section("muc-tieu")[0].find_all("li", recursive=False)
    assert [li.find(string=True, recursive=False).strip() for li in items] == [
        "Mục tiêu chung hạn.", "Phổ cập điện thoại thông minh."]
    assert [" ".join(li.get_text().split()) for li in items[0].select("li")] == ["Thời hạn: năm 2030"]
    assert [" ".join(li.get_text().split()) for li in items[1].select("li")] == [
        "Thời hạn: 30/6/2028", "Chỉ tiêu: 80,5 % dân số trưởng thành, năm 2028", "Chỉ tiêu: 1.500 xã, năm 2030"]
    assert [" ".join(li.get_text().split()) for li in en.section("muc-tieu")[0].select("li li")] == [
        "Due by 2030", "Due by 30 June 2028", "Target: 80.5 % of adults by 2028", "Target: 1,500 communes by 2030"]


def test_objectives_due_by_the_plans_one_deadline_say_it_once_in_the_heading(site):
    edit(site, PLAN, SKELETON_OBJECTIVES, OBJECTIVES.replace("    deadline: 2028-06-30\n", ""))
    overview = page(site, "en", "ke-hoach/index.md")
    assert overview.soup.find(id="muc-tieu").get_text() == "Objectives by 2030¶"
    assert "Due by" not in overview.section("muc-tieu")[0].get_text()


def test_without_a_plan_deadline_the_objectives_heading_names_none(site):
    edit(site, PLAN, SKELETON_OBJECTIVES, OBJECTIVES.replace("objectives_deadline: 2030\n", ""))
    overview = page(site, "en", "ke-hoach/index.md")
    assert overview.soup.find(id="muc-tieu").get_text().startswith("Objectives")
    assert [" ".join(li.get_text().split()) for li in overview.section("muc-tieu")[0].select("li li")][:1] == [
        "Due by 30 June 2028"]  # the other objective is due by nothing the plan gives


def test_deadlines_and_target_years_outside_the_plan_period_are_named_with_a_fix(site):
    edit(site, PLAN, SKELETON_OBJECTIVES, OBJECTIVES.replace("objectives_deadline: 2030", "objectives_deadline: 2031")
         .replace("deadline: 2028-06-30", "deadline: 2025-06-30").replace("year: 2030", "year: 2035"))
    found = problems(site)
    assert found == [
        f"data/plans/ke-hoach.yml:{line_of(site, PLAN, 'objectives_deadline:')}:1: objectives_deadline: "
        "2031 nằm ngoài thời gian của Kế hoạch (2026-01-01 – 2030-12-31) / 2031 is outside the plan period "
        "(2026-01-01 – 2030-12-31)\n"
        "    → dùng một ngày hoặc một năm trong khoảng 2026-01-01 – 2030-12-31 / use a date or year within "
        "2026-01-01 – 2030-12-31",
        f"data/plans/ke-hoach.yml:{line_of(site, PLAN, 'deadline: 2025-06-30')}:5: objectives[1].deadline: "
        "2025-06-30 nằm ngoài thời gian của Kế hoạch (2026-01-01 – 2030-12-31) / 2025-06-30 is outside the "
        "plan period (2026-01-01 – 2030-12-31)\n"
        "    → dùng một ngày hoặc một năm trong khoảng 2026-01-01 – 2030-12-31 / use a date or year within "
        "2026-01-01 – 2030-12-31",
        f"data/plans/ke-hoach.yml:{line_of(site, PLAN, 'year: 2035')}:9: objectives[1].targets[1].year: "
        "2035 nằm ngoài thời gian của Kế hoạch (2026 – 2030) / 2035 is outside the plan period (2026 – 2030)\n"
        "    → dùng một năm từ 2026 đến 2030 / use a year from 2026 to 2030",
    ]


# ---- a plan's notice

def test_a_plans_notice_opens_each_of_its_pages_once(site):
    data = load_site_data(site)
    pages = generated_pages(site, site_views(data, NOW), "en")
    plan_pages = [path for path in pages if path.startswith(("ke-hoach/", "theo-doi/")) and "co-quan" not in path
                  and "du-lieu-mo" not in path]
    assert len(plan_pages) >= 8
    for path in plan_pages:
        shown = page(site, "en", path)
        notices = [a for a in shown.select(".admonition") if "This site was just made from the starter" in a.get_text()]
        assert len(notices) == 1, path
        assert shown.select(".admonition")[0] is notices[0], f"{path}: the notice comes first"
    edit(site, PLAN, "notice:\n", "notice_was:\n")
    edit(site, PLAN, "notice_was:\n  vi: Trang này vừa được tạo từ mẫu; nội dung Kế hoạch chưa được nhập.\n"
         "  en: This site was just made from the starter; the plan's content has not been entered yet.\n", "")
    assert "made from the starter" not in page(site, "en", "ke-hoach/index.md").text


# ---- campaigns name their plan

CAMPAIGN = """\
campaigns:
  - id: chien-dich-mau
    plan: {plan}
    title: {{vi: Chiến dịch thử, en: A test campaign}}
    summary: {{vi: Tóm tắt., en: Summary.}}
    period: {{start: 2027-01-01, end: 2027-03-31}}
    audiences: [{{vi: Người dân, en: Residents}}]
    channels: [{{vi: Đài, en: Radio}}]
    key_messages: [{{vi: Thông điệp., en: A message.}}]
    groups: [{group}]
"""
def test_a_campaign_names_its_plan_and_its_page_says_which(site):
    second_plan(site)
    edit(site, "data/campaigns.yml", "campaigns: []\n", CAMPAIGN.format(plan="ke-hoach-hai", group="nhom-mot"))
    data = load_site_data(site)
    assert data.campaign_scope(data.campaigns[0]).plan.id == "ke-hoach-hai"
    shown = page(site, "en", "chien-dich/chien-dich-mau.md")
    link = next(a for a in shown.select("a") if a.get_text() == "The plan's full title, as the document gives it")
    assert link["href"] == "../ke-hoach-hai/index.md"  # MkDocs makes it the page's address


def test_a_campaign_left_without_plan_serves_its_first_groups_plan(site):
    second_plan(site)
    edit(site, "data/campaigns.yml", "campaigns: []\n", CAMPAIGN.format(plan="ke-hoach", group="nhom-mot")
         .replace("    plan: ke-hoach\n", ""))
    data = load_site_data(site)
    assert data.campaign_scope(data.campaigns[0]).plan.id == "ke-hoach-hai"


def test_a_campaigns_unknown_plan_and_a_group_of_another_plan_are_named(site):
    second_plan(site)
    edit(site, "data/campaigns.yml", "campaigns: []\n", CAMPAIGN.format(plan="ke-hoach", group="nhom-mot"))
    line = line_of(site, "data/campaigns.yml", "groups: [nhom-mot]")
    assert problems(site) == [
        f'data/campaigns.yml:{line}:14: campaigns[0].groups[0]: nhóm "nhom-mot" thuộc kế hoạch ke-hoach-hai, không '
        f'thuộc kế hoạch ke-hoach của chiến dịch / group "nhom-mot" belongs to plan ke-hoach-hai, not to the '
        "campaign's plan ke-hoach\n"
        "    → dùng một nhóm của kế hoạch ke-hoach, hoặc sửa plan của chiến dịch / use a group of plan ke-hoach, or "
        "change the campaign's plan: nhom-1"]
    edit(site, "data/campaigns.yml", "    plan: ke-hoach\n", "    plan: ke-hoach-ba\n")
    [message] = problems(site)
    assert message.startswith(f'data/campaigns.yml:{line_of(site, "data/campaigns.yml", "plan: ke-hoach-ba")}:5: campaigns[0].plan: không có kế hoạch "ke-hoach-ba" / '
                              'unknown plan "ke-hoach-ba"\n    → dùng một mã trong data/plans/ / use an id from '
                              "data/plans/: ke-hoach, ke-hoach-hai")


# ---- report files named per plan

REPORT = """\
# yaml-language-server: $schema=../schemas/report.schema.json
plan: {plan}
date: 2027-07-10
agency: ubnd-tinh
period: {{start: 2027-01-01, end: 2027-06-30}}
tasks:
  - task: viec-mot
    status: in-progress
"""
TASK = "    tasks: []\n"
WITH_TASK = "    tasks:\n      - id: viec-mot\n        title: {vi: Việc một, en: Task one}\n"


def test_two_plans_reporting_the_same_month_do_not_clash(site):
    second_plan(site)
    edit(site, PLAN, TASK, WITH_TASK)
    edit(site, "data/plans/ke-hoach-hai.yml", TASK, WITH_TASK)
    for plan in ("ke-hoach", "ke-hoach-hai"):
        (site / f"data/reports/{plan}-2027-07-10.yml").write_text(REPORT.format(plan=plan), encoding="utf-8")
    data = load_site_data(site)
    assert sorted(data.reports) == ["data/reports/ke-hoach-2027-07-10.yml", "data/reports/ke-hoach-hai-2027-07-10.yml"]
    assert [r.plan for r in data.scope("ke-hoach").reports.values()] == ["ke-hoach"]


@pytest.mark.parametrize("name", ["2027-06.yml", "ke-hoach-2027-07-11.yml", "ke-hoach-hai-2027-07-10.yml"])
def test_a_report_whose_name_disagrees_with_its_plan_and_date_names_the_right_name(site, name):
    second_plan(site)
    edit(site, PLAN, TASK, WITH_TASK)
    (site / f"data/reports/{name}").write_text(REPORT.format(plan="ke-hoach"), encoding="utf-8")
    assert problems(site) == [
        f"data/reports/{name}:1:1: tên tệp không khớp với plan và date của báo cáo / the file's name does not match "
        "the report's plan and date\n"
        "    → đổi tên tệp thành data/reports/ke-hoach-2027-07-10.yml (mã kế hoạch, rồi ngày báo cáo) / rename the "
        "file data/reports/ke-hoach-2027-07-10.yml (the plan's id, then the report's date)"]


# ---- the new fields are plain text wherever they show

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>[a](javascript:alert(3)) {{ plan.title }}'


def test_the_new_fields_stay_inert_text_on_every_page_that_shows_them(site):
    quoted = HOSTILE.replace("'", "''")
    edit(site, PLAN, "  vi: Trang này vừa được tạo từ mẫu; nội dung Kế hoạch chưa được nhập.\n", f"  vi: '{quoted}'\n")
    edit(site, PLAN, SKELETON_OBJECTIVES, OBJECTIVES.replace("Phổ cập điện thoại thông minh.", f"'{quoted}'")
         .replace('unit: {vi: xã, en: communes}', f"unit: {{vi: '{quoted}', en: communes}}"))
    append(site, "data/agencies.yml", NEW_BODIES.replace("kind_label: {vi: Tổ chức kinh tế tập thể,",
                                                         f"kind_label: {{vi: '{quoted}',"))
    edit(site, "data/campaigns.yml", "campaigns: []\n", CAMPAIGN.format(plan="ke-hoach", group="nhom-1"))
    edit(site, PLAN, "  vi: Tên đầy đủ của Kế hoạch, như trong văn bản\n", f"  vi: '{quoted}'\n")
    for path in ("ke-hoach/index.md", "theo-doi/index.md", "theo-doi/co-quan/index.md", "chien-dich/chien-dich-mau.md"):
        shown = page(site, "vi", path)
        assert shown.scripts == [] and shown.handlers == [] and shown.javascript == [], path
        assert HOSTILE in shown.text, path


# ---- on the fixture sites: the running site's plan in progress has a notice, objectives with deadlines and
# targets of their own, a campaign that names it, and bodies of the new kinds; the minimal site's plan gives no
# deadline for its objectives.

def squeezed(element) -> str:
    return " ".join(element.get_text().split())


def plan_pages(plan_id: str) -> list[str]:
    paths = PlanPaths(load_site_data(RUNNING.content).plans[plan_id])
    return [f"{page_url(source)}index.html" for source in [*paths.plan_pages(), *paths.tracker_pages()]]


@pytest.mark.parametrize("prefix,title,notice", [
    ("", "Lưu ý", "Tỉnh ủy đang xem xét điều chỉnh Nghị quyết số 05-NQ/TU"),
    ("en/", "Please note", "The Provincial Party Committee is reviewing Resolution 05-NQ/TU")])
def test_the_running_plans_notice_opens_each_of_its_pages_and_its_leaflet(running_site, prefix, title, notice):
    pages = plan_pages("cds-2026-2030")
    assert len(pages) == 11
    for path in pages:
        admonitions = read(running_site / prefix / path).select(".admonition")
        assert [squeezed(a) for a in admonitions if notice in a.get_text()] == [squeezed(admonitions[0])], path
        assert squeezed(admonitions[0].select_one(".admonition-title")) == title, path
    for path in plan_pages("cds-2021-2025"):  # the other plan's pages have no notice
        assert notice not in read(running_site / prefix / path).text, path
    leaflet = read(running_site / prefix / "tai-lieu/to-roi-chuyen-doi-so.html")
    assert notice in squeezed(leaflet.select("header p.state")[0])


OBJECTIVES_SHOWN = {
    "": [("Mọi thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.",
          ["Thời hạn: 31/12/2028", "Chỉ tiêu: 1.250 thủ tục trực tuyến toàn trình, năm 2028"]),
         ("Tám trên mười người trưởng thành có kỹ năng số cơ bản.",
          ["Thời hạn: 31/12/2030", "Chỉ tiêu: 80 trên 100 người trưởng thành có kỹ năng số cơ bản, năm 2030"]),
         ("Nộp hồ sơ trực tuyến trở thành cách làm thủ tục thông thường của người dân.",
          ["Thời hạn: năm 2029", "Chỉ tiêu: 2,5 triệu hồ sơ trực tuyến mỗi năm, năm 2029"])],
    "en/": [("Every eligible administrative procedure is available fully online.",
             ["Due by 31 December 2028", "Target: 1,250 procedures fully online by 2028"]),
            ("Eight adults in ten have basic digital skills.",
             ["Due by 31 December 2030", "Target: 80 adults in 100 with basic digital skills by 2030"]),
            ("Applying online becomes the usual way residents complete a procedure.",
             ["Due by 2029", "Target: 2.5 million online applications a year by 2029"])],
}


def objectives(page) -> list[tuple[str, list[str]]]:
    [listing] = [element for element in page.section("muc-tieu") if element.name == "ul"]
    return [(" ".join(item.find(string=True, recursive=False).split()), [squeezed(li) for li in item.select("li")])
            for item in listing.find_all("li", recursive=False)]


@pytest.mark.parametrize("prefix,heading,ended_heading,minimal_heading", [
    ("", "Mục tiêu cụ thể", "Mục tiêu cụ thể đến ngày 31/12/2025", "Mục tiêu cụ thể"),
    ("en/", "Objectives", "Objectives by 31 December 2025", "Objectives")])
def test_objectives_show_their_own_deadlines_and_targets_and_share_one_in_the_heading(
        running_site, minimal_site, prefix, heading, ended_heading, minimal_heading):
    overview = read(running_site / prefix / "ke-hoach/index.html")
    assert squeezed(overview.soup.find(id="muc-tieu")).rstrip("¶") == heading
    assert objectives(overview) == OBJECTIVES_SHOWN[prefix]
    # The plan it replaced: both objectives due by the plan's one deadline, said once in the heading.
    ended = read(running_site / prefix / "ke-hoach/cds-2021-2025/index.html")
    assert squeezed(ended.soup.find(id="muc-tieu")).rstrip("¶") == ended_heading
    assert [items for _, items in objectives(ended)] == [[], []]
    # A plan that gives no deadline for its objectives names none.
    minimal = read(minimal_site / prefix / "ke-hoach/index.html")
    assert squeezed(minimal.soup.find(id="muc-tieu")).rstrip("¶") == minimal_heading
    assert [items for _, items in objectives(minimal)] == [[]]


def timeline(site: Path, path: str) -> list[str]:
    page = read(site / path)
    return [squeezed(li).split(". Source:")[0] for heading in ("past", "upcoming")
            for element in page.section(heading) for li in element.select("li")]


def test_the_timeline_names_each_day_an_objective_is_due(running_site, minimal_site):
    assert [item for item in timeline(running_site, "en/theo-doi/moc-thoi-gian/index.html") if "objectives" in item] == [
        "31 December 2028: Deadline for some of the plan's specific objectives",
        "2029: Deadline for some of the plan's specific objectives",
        "31 December 2030: Deadline for some of the plan's specific objectives"]
    assert "31 December 2025: Deadline for the plan's specific objectives" in timeline(
        running_site, "en/theo-doi/cds-2021-2025/moc-thoi-gian/index.html")
    assert timeline(minimal_site, "en/theo-doi/moc-thoi-gian/index.html") == [
        "15 March 2017: The Prime Minister issues Decision 329/QĐ-TTg",
        "20 November 2026: The Provincial People's Committee issues the plan",
        "31 December 2028: End of the plan's period"]


@pytest.mark.parametrize("prefix,label", [("", "Thuộc"), ("en/", "Part of")])
def test_a_campaign_links_the_plan_it_names(running_site, prefix, label):
    page = read(running_site / prefix / "chien-dich/thang-chuyen-doi-so-2027/index.html")
    [line] = [p for p in page.select("article p") if squeezed(p).startswith(f"{label}:")]
    [link] = line.select("a")
    assert squeezed(link) == load_site_data(RUNNING.content).plans["cds-2026-2030"].title(prefix.rstrip("/") or "vi")
    assert page.resolve(link["href"], running_site)[0] == running_site / prefix / "ke-hoach/index.html"


@pytest.mark.parametrize("prefix,kinds", [
    ("", {"tinh-uy": "Cấp ủy Đảng", "cong-an-tinh": "Công an", "doanh-nghiep-vien-thong": "Doanh nghiệp",
          "to-cong-nghe-so": "Tổ tự quản ở cơ sở", "ubnd-tinh": "Ủy ban nhân dân"}),
    ("en/", {"tinh-uy": "Party committee", "cong-an-tinh": "Police", "doanh-nghiep-vien-thong": "Enterprise",
             "to-cong-nghe-so": "Self-managed community team", "ubnd-tinh": "People's committee"})])
def test_each_body_is_named_by_its_kind_or_its_own_label(running_site, prefix, kinds):
    directory = read(running_site / prefix / "theo-doi/co-quan/index.html")
    kind = "Loại" if not prefix else "Kind"
    for agency, name in kinds.items():
        entry = [squeezed(li) for element in directory.section(agency) for li in element.select("li")]
        assert f"{kind}: {name}" in entry, agency
    page = read(running_site / prefix / "theo-doi/co-quan/cong-an-tinh/index.html")
    assert f"{kind}: {kinds['cong-an-tinh']}" in [squeezed(li) for li in page.select("article li")]
