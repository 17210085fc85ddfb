"""What a resident reads, true on the day of the build: where the plan stands (worked out from the data, in each
of its states), who answers for it now, only what the source says, and the pictures drawn from the data (on the
fixture sites, each built as of its own day)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ENDED, FIXTURE_URL, RUNNING
from html_page import read
from site_checks import assert_leaflet_presents_its_plan
from plansite.derive.pictures import timeline_x
from plansite.derive.views import period_state, plan_state
from plansite.render.catalogue import fill, text
from plansite.load.sitedata import load_site_data
from plansite.render.languages import date_text, due_text
from plansite.render.paths import PlanPaths, page_url

DATA = load_site_data(ENDED.content)
PLAN = DATA.main.plan
BUILD_DAY = ENDED.build_day.date()
LANGUAGES = (("", "vi"), ("en/", "en"))
UNKNOWNS_URL = "thong-tin-chua-co/"


def squeezed(text: str) -> str:
    return " ".join(text.split())


def status_block(site: Path, prefix: str):
    """The home page's {{ plan.status }} block (templates/facts/status.md), which the fixtures' home pages put
    straight after their title."""
    home = read(site / prefix / "index.html")
    [block] = home.select(".plan-status")
    assert block.find_previous_sibling().name == "h1"
    return block


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_status_says_where_the_plan_stands_and_links_what_the_site_lacks(ended_site, prefix, language):
    block = status_block(ended_site, prefix)
    assert BUILD_DAY > PLAN.period.end  # the site is read after the period: the block must say it ended
    assert squeezed(block.get_text(" ")).startswith(text(language, "home.state_ended"))
    # The final report, the next plan and the province: not said here, each linked to its entry on the page of
    # unknowns, once.
    fragments = sorted(a["href"].partition("#")[2] for a in block.select("a[href]") if UNKNOWNS_URL in a["href"])
    assert fragments == sorted([f"bao-cao-tong-ket-{PLAN.id}", f"ke-hoach-tiep-theo-{PLAN.id}", "tinh"])
    unknowns = read(ended_site / prefix / "thong-tin-chua-co/index.html")
    assert set(fragments) <= unknowns.ids


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_status_follows_what_the_site_owner_records(running_site, prefix, language):
    """The running fixture site records the province's change of 1/7/2025 and its name today, and its first plan's
    successor: the status says them, and the page of unknowns has no entry on the province."""
    block = squeezed(status_block(running_site, prefix).get_text(" "))
    province = load_site_data(RUNNING.content).site.province_reorganisation
    assert province.change(language) in block and province.current_name(language) in block
    assert not read(running_site / prefix / "thong-tin-chua-co/index.html").ids & {"tinh"}


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_a_replaced_plan_says_so_and_links_its_successor(running_site, prefix, language):
    """The running fixture site's first plan was closed by its final report and replaced by the plan in progress."""
    data = load_site_data(RUNNING.content)
    old, new = data.scope("cds-2021-2025"), data.plans["cds-2026-2030"]
    state = plan_state(old, language, RUNNING.build_day.date())
    assert state.kind == "superseded" and old.final_report() is not None
    overview = read(running_site / prefix / page_url(PlanPaths(old.plan).overview) / "index.html")
    [admonition] = overview.select("article .admonition")
    assert squeezed(admonition.get_text(" ")).endswith(squeezed(state.sentence))
    assert new.title(language) in state.sentence
    running = plan_state(data.scope(new.id), language, RUNNING.build_day.date())
    assert running.kind == "in-progress"
    assert squeezed(running.sentence) in squeezed(read(running_site / prefix / "ke-hoach/index.html").text)


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_tasks_without_a_report_say_what_the_site_knows(ended_site, prefix, language):
    """No report on the site: one status, past its deadline or not, never a claim about the world."""
    populated_site = ended_site
    overdue = text(language, "statuses.no-report")
    page = read(populated_site / prefix / "theo-doi/nhiem-vu/index.html")
    reported = {line.split("- task: ")[1].strip() for report in (ENDED.content / "data/reports").glob("*.yml")
                for line in report.read_text(encoding="utf-8").splitlines() if "- task: " in line}
    for _, task in DATA.main.tasks():
        badge = page.soup.find(id=task.id).find_next(lambda tag: "status-badge" in (tag.get("class") or "").split())
        if task.id in reported:
            assert badge.get_text() != overdue
        else:
            assert badge.get_text() == overdue, task.id
    group = read(populated_site / prefix / "ke-hoach/xa-hoi-hoc-tap/index.html")
    assert overdue not in group.text  # its one task has a report in the fixtures
    assert overdue in read(populated_site / prefix / "ke-hoach/cong-dong-ben-vung/index.html").text


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_no_task_is_given_a_lead_the_source_does_not_name(ended_site, prefix, language):
    site = ended_site
    lead = {"vi": "Cơ quan chủ trì:", "en": "Lead agency:"}[language]
    tasks = read(site / prefix / "theo-doi/nhiem-vu/index.html")
    for _, task in DATA.main.tasks():
        assert task.lead is None
        section = tasks.section(task.id)
        assert not any(lead in element.get_text() for element in section), task.id
    for group in PLAN.groups:
        assert lead not in read(site / prefix / f"ke-hoach/{group.id}/index.html").text
    organisation = squeezed(read(site / prefix / "ke-hoach/to-chuc-thuc-hien/index.html").text)
    front = DATA.agency("mttq-tinh").name(language)
    asked = {"vi": f"Được đề nghị phối hợp thực hiện chính sách xã hội: {front}",
             "en": f"Asked to coordinate on carrying out social policy: {front}"}[language]
    assert asked in organisation
    assert {"vi": "Cơ quan chủ trì toàn bộ Kế hoạch (cơ quan thường trực):",
            "en": "Leads the whole plan (standing agency):"}[language] in organisation
    # One line per role: the lead, the partners, each matter the plan asks others to coordinate on.
    roles = [li for li in read(site / prefix / "ke-hoach/to-chuc-thuc-hien/index.html").select("article li")
             if li.strong and li.strong.get_text().endswith(":")]
    assert len(roles) == 1 + bool(PLAN.organisation.partners) + len(PLAN.organisation.coordination)
    assert squeezed(roles[-1].get_text()).startswith(asked)


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_page_invents_a_foundation_group_or_ten_groups(ended_site):
    site = ended_site
    invented = re.compile(r"nhóm nền tảng|\b10 nhóm|mười nhóm|foundation group|\bten (content )?(and solution )?groups|\b10 groups",
                          re.IGNORECASE)
    pages = built_pages(site)
    assert len(pages) > 40 and any(p.name == "to-roi-ke-hoach.html" for p in pages)
    found = [f"{p.relative_to(site)}: {m.group(0)}" for p in pages for m in [invented.search(read(p).text)] if m]
    assert found == []


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_framework_figures_link_to_their_source_on_the_same_page(ended_site, prefix, language):
    site = ended_site
    framework = DATA.frameworks[PLAN.framework]
    figure = next(f for f in framework.figures if f.id == "key_result_areas")
    stated = f"{figure.value} {figure.label(language).lower()}"
    pages = [p for p in built_pages(site / prefix) if (prefix or "en/" not in str(p.relative_to(site)))
             and stated in squeezed(read(p).text).lower()]
    assert len(pages) >= 2  # the ASCC page and the news article
    for path in pages:
        links = [a["href"] for a in read(path).soup.select("article a[href]")]
        assert figure.source.url in links, path


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_bodies_are_named_as_they_are_today(ended_site, prefix, language):
    site = ended_site
    organisation = squeezed(read(site / prefix / "ke-hoach/to-chuc-thuc-hien/index.html").text)
    ministry, home_affairs = DATA.agency("bo-ldtbxh"), DATA.agency("bo-noi-vu")
    assert f"{ministry.name(language)} ({fill(language, 'changes.now', holder=home_affairs.name(language))}" in organisation
    # No reports and no task of its own: the standing agency is one entry in the directory, and who took over is
    # one tap away, on the page of unknowns.
    directory = read(site / prefix / "theo-doi/co-quan/index.html")
    standing = directory.section("so-ldtbxh")
    holder = DATA.agency("so-ldtbxh").successor
    said = squeezed(" ".join(e.get_text(" ") for e in standing))
    assert fill(language, "changes.gone_sentence", date=due_text(holder.date, language)) in said
    links = [a["href"] for e in standing for a in e.select("a[href]")]
    assert any(UNKNOWNS_URL in href for href in links)
    assert not holder.source or not holder.source.url or holder.source.url in links


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_timeline_picture_marks_today_where_the_dates_put_it(ended_site, prefix):
    site = ended_site
    page = read(site / prefix / "theo-doi/moc-thoi-gian/index.html")
    [svg] = page.select("figure.picture--timeline svg[role=img]")
    assert svg["aria-label"] and svg.title.get_text() == svg["aria-label"]
    assert page.soup.select_one("figure.picture--timeline figcaption").get_text() == svg["aria-label"]
    [today] = svg.select(".picture__today")
    day = dt.date.fromisoformat(today["data-date"])
    assert day == BUILD_DAY  # the build's moment, as the page says
    language = "en" if prefix else "vi"
    assert date_text(day, language) in page.text
    first, last = min(PLAN.period.start, day), max(PLAN.period.end, day)
    assert float(today["x1"]) == pytest.approx(timeline_x(day, first, last), abs=0.05)
    end = svg.select(".picture__period")[0]
    assert float(end["x"]) + float(end["width"]) == pytest.approx(timeline_x(PLAN.period.end, first, last), abs=0.1)
    assert float(today["x1"]) > float(end["x"]) + float(end["width"])  # after the period


def test_timeline_position_follows_the_date():
    first, last = dt.date(2021, 1, 1), dt.date(2031, 1, 1)
    assert timeline_x(first, first, last) < timeline_x(dt.date(2026, 1, 1), first, last) < timeline_x(last, first, last)
    assert period_state(PLAN.period, dt.date(2024, 1, 1)) == "ongoing"
    assert period_state(PLAN.period, dt.date(2026, 1, 1)) == "ended"
    assert period_state(PLAN.period, dt.date(2020, 1, 1)) == "upcoming"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_groups_and_tasks_pictures_are_drawn_from_the_data(ended_site, prefix):
    site = ended_site
    overview = read(site / prefix / "ke-hoach/index.html")
    [groups] = overview.select("figure.picture--groups svg[role=img]")
    assert groups["aria-label"]
    assert len(groups.select(".picture__tile")) == len([g for g in PLAN.groups if g.number is not None])
    assert [b.get_text() for b in groups.select(".picture__band-text")] == [
        g.title("en" if prefix else "vi") for g in PLAN.groups if g.number is None]
    dashboard = read(site / prefix / "theo-doi/index.html")
    [tasks] = dashboard.select("figure.picture--tasks svg[role=img]")
    assert tasks["aria-label"] and len(tasks.select("rect.picture__task")) == len(DATA.main.tasks())
    assert all(rect.title.get_text() for rect in tasks.select("rect.picture__task"))


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_leaflet_states_the_plan_and_carries_a_qr_code_to_its_page(ended_site, prefix, language):
    assert plan_state(DATA.main, language, BUILD_DAY).kind == "ended"
    assert_leaflet_presents_its_plan(ended_site / prefix / "tai-lieu/to-roi-ke-hoach.html", DATA.main, language, BUILD_DAY,
                                     FIXTURE_URL + prefix + page_url(PlanPaths(PLAN).overview))


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_campaign_state_follows_its_dates(ended_site, prefix, language):
    site, campaign = ended_site, DATA.campaigns[0]
    page = squeezed(read(site / prefix / f"chien-dich/{campaign.id}/index.html").soup.select_one("article").get_text(" "))
    state = period_state(campaign.period, BUILD_DAY)
    words = {"ended": {"vi": "(đã kết thúc)", "en": "(ended)"}, "ongoing": {"vi": "(đang diễn ra)", "en": "(under way)"},
             "upcoming": {"vi": "(chưa bắt đầu)", "en": "(not started yet)"}}
    expected = f"{date_text(campaign.period.start, language)} {'đến ngày' if language == 'vi' else 'to'} " \
               f"{date_text(campaign.period.end, language)} {words[state][language]}"
    assert expected in page
    assert "Trong suốt thời gian thực hiện Kế hoạch" not in page and "Throughout the plan" not in page
    later = squeezed(read(site / prefix / "chien-dich/tuan-le-asean-2027/index.html").text)  # in 2027
    assert words["upcoming"][language] in later
