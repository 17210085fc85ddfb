"""What a resident reads, true on the day of the build: where the plan stands (worked out from the data, in
both of its states), who answers for it now, only what the source says, and the pictures drawn from the data."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import segno

from conftest import FIXTURES, copy_project, run_build
from html_page import read
from plansite.derive.pictures import timeline_x
from plansite.derive.views import period_state, plan_state
from plansite.render.catalogue import fill, text
from plansite.load.sitedata import load_site_data
from plansite.render.languages import date_text
from plansite.render.paths import PlanPaths, page_url
from tools.project import ROOT

DATA = load_site_data(ROOT)
PLAN = DATA.main.plan
LANGUAGES = (("", "vi"), ("en/", "en"))
SECOND = FIXTURES / "second-plan"
SECOND_ID = "ke-hoach-thu-nghiem"
UNKNOWNS_URL = "thong-tin-chua-co/"
# A made-up record of the province's change, only in the changed build below.
PROVINCE_CHANGE = {"vi": "Tỉnh thử nghiệm hợp nhất với tỉnh bên cạnh (văn bản thử nghiệm).",
                   "en": "The test province merged with its neighbour (test document)."}
PROVINCE_NAME = {"vi": "Tỉnh Hợp Nhất Thử", "en": "Merged Test Province"}
FINAL_REPORT = f"""# TEST FIXTURE: a made-up final report; never published.
plan: {PLAN.id}
date: 2026-03-15
agency: ubnd-tinh
final: true
period:
  start: {PLAN.period.start.isoformat()}
  end: {PLAN.period.end.isoformat()}
tasks:
  - task: ke-hoach-cua-nganh-cap
    status: done
"""


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory) -> Path:
    """The project with what the site owner may record later: a successor plan, a final report, the province's
    change of 1/7/2025."""
    project = copy_project(tmp_path_factory.mktemp("citizens") / "project")
    shutil.copy(SECOND / f"{SECOND_ID}.yml", project / "data/plans")
    agencies = project / "data/agencies.yml"
    agencies.write_text(agencies.read_text(encoding="utf-8") + (SECOND / "agencies.yml").read_text(encoding="utf-8"),
                        encoding="utf-8")
    plan = project / f"data/plans/{PLAN.id}.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("\naim:\n", f"\nsuperseded_by: {SECOND_ID}\n\naim:\n", 1),
                    encoding="utf-8")
    (project / "data/reports/2025-12.yml").write_text(FINAL_REPORT, encoding="utf-8")
    site_yml = project / "data/site.yml"
    recorded = (f'province_reorganisation:\n  change:\n    vi: "{PROVINCE_CHANGE["vi"]}"\n    en: "{PROVINCE_CHANGE["en"]}"\n'
                f'  current_name:\n    vi: "{PROVINCE_NAME["vi"]}"\n    en: "{PROVINCE_NAME["en"]}"\n')
    text = site_yml.read_text(encoding="utf-8")
    empty = re.search(r"province_reorganisation:\n(  .*\n|    .*\n)+", text).group(0)
    site_yml.write_text(text.replace(empty, recorded), encoding="utf-8")
    site = project.parent / "site"
    result = run_build(project, site, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def squeezed(text: str) -> str:
    return " ".join(text.split())


def first_screen(site: Path, prefix: str):
    """The home page's first screen (overrides/home.html): the hero, before the cards."""
    [hero] = read(site / prefix / "index.html").select(".home-hero")
    return hero


def state_words(language: str, kind: str) -> str:
    return text(language, f"home.state_{kind}").rstrip(".")


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_first_screen_says_where_the_plan_stands_today(site, prefix, language):
    hero = first_screen(site, prefix)
    assert hero.h1.get_text().rstrip("¶") == PLAN.short_title(language)
    assert dt.date.today() > PLAN.period.end  # the site is read after the period: the line must say it ended
    state = squeezed(hero.select_one(".home-hero__state").get_text())
    assert state.startswith(state_words(language, "ended")) and f"{PLAN.period.start.year}–{PLAN.period.end.year}" in state
    # One or two actions; what the site does not have is not said on the first screen, but one tap from the page.
    assert 1 <= len(hero.select(".home-hero__actions a[href]")) <= 2
    assert not [a for a in hero.select("a[href]") if UNKNOWNS_URL in a["href"]]
    assert [a for a in read(site / prefix / "index.html").select(".home-cards a[href]") if UNKNOWNS_URL in a["href"]]


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_first_screen_follows_what_the_site_owner_records(changed_site, prefix, language):
    hero = first_screen(changed_site, prefix)
    assert squeezed(hero.select_one(".home-hero__state").get_text()).startswith(state_words(language, "superseded"))
    successor = hero.select(".home-hero__next a[href]")
    second = load_site_data(changed_site.parent / "project").plans[SECOND_ID]
    assert [a.get_text() for a in successor] == [second.short_title(language)]
    assert successor[0]["href"] == page_url(PlanPaths(second).overview)
    assert PROVINCE_NAME[language] in hero.get_text()
    # Recorded facts leave the page of unknowns: no final report, next plan or province entry for the plan.
    unknowns = read(changed_site / prefix / "thong-tin-chua-co/index.html")
    assert not unknowns.ids & {f"bao-cao-tong-ket-{PLAN.id}", f"ke-hoach-tiep-theo-{PLAN.id}", "tinh"}


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_tasks_without_a_report_say_what_the_site_knows(populated_site, prefix, language):
    """No report on the site: one status, past its deadline or not, never a claim about the world."""
    overdue = text(language, "statuses.no-report")
    page = read(populated_site / prefix / "theo-doi/nhiem-vu/index.html")
    reported = {line.split("- task: ")[1].strip() for report in (FIXTURES / "reports").glob("*.yml")
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
def test_no_task_is_given_a_lead_the_source_does_not_name(site, prefix, language):
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


def test_no_page_invents_a_foundation_group_or_ten_groups(site):
    invented = re.compile(r"nhóm nền tảng|\b10 nhóm|mười nhóm|foundation group|\bten (content )?(and solution )?groups|\b10 groups",
                          re.IGNORECASE)
    pages = built_pages(site)
    assert len(pages) > 40 and any(p.name == "to-roi-ke-hoach.html" for p in pages)
    found = [f"{p.relative_to(site)}: {m.group(0)}" for p in pages for m in [invented.search(read(p).text)] if m]
    assert found == []


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_framework_figures_link_to_their_source_on_the_same_page(site, prefix, language):
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
def test_bodies_are_named_as_they_are_today(site, prefix, language):
    organisation = squeezed(read(site / prefix / "ke-hoach/to-chuc-thuc-hien/index.html").text)
    ministry, home_affairs = DATA.agency("bo-ldtbxh"), DATA.agency("bo-noi-vu")
    assert f"{ministry.name(language)} ({fill(language, 'changes.now', holder=home_affairs.name(language))};" in organisation
    # No reports and no task of its own: the standing agency is one entry in the directory, with its source, and
    # who took over is one tap away, on the page of unknowns.
    directory = read(site / prefix / "theo-doi/co-quan/index.html")
    standing = directory.section("so-ldtbxh")
    holder = DATA.agency("so-ldtbxh").successor
    assert fill(language, "changes.gone_sentence", date=date_text(holder.date, language)) in squeezed(" ".join(e.get_text(" ") for e in standing))
    links = [a["href"] for e in standing for a in e.select("a[href]")]
    assert holder.source.url in links and any(UNKNOWNS_URL in href for href in links)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_timeline_picture_marks_today_where_the_dates_put_it(site, prefix):
    page = read(site / prefix / "theo-doi/moc-thoi-gian/index.html")
    [svg] = page.select("figure.picture--timeline svg[role=img]")
    assert svg["aria-label"] and svg.title.get_text() == svg["aria-label"]
    assert page.soup.select_one("figure.picture--timeline figcaption").get_text() == svg["aria-label"]
    [today] = svg.select(".picture__today")
    day = dt.date.fromisoformat(today["data-date"])
    # The build's moment (the site was built by this test run, which may have crossed midnight), as the page says.
    assert 0 <= (dt.date.today() - day).days <= 1
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
def test_groups_and_tasks_pictures_are_drawn_from_the_data(site, prefix):
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
def test_leaflet_states_the_plan_and_carries_a_qr_code_to_its_page(site, prefix, language):
    leaflet = read(site / prefix / "tai-lieu/to-roi-ke-hoach.html")
    assert leaflet.h1 == PLAN.short_title(language)
    state = plan_state(DATA.main, language, dt.date.today())
    assert state.kind == "ended" and leaflet.soup.select_one(".state").get_text() == state.sentence
    [box] = leaflet.select(".qr-box")
    address = box.select_one(".address").get_text()
    assert address == "http://127.0.0.1:8000/" + prefix + page_url(PlanPaths(PLAN).overview)
    drawn = box.select_one("svg.qr path")["d"]
    expected = segno.make(address, error="m").svg_inline(scale=3, svgclass="qr", lineclass=None)
    assert f'd="{drawn}"' in expected
    assert box.select_one("[role=img]")["aria-label"].endswith(address)


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_campaign_state_follows_its_dates(populated_site, prefix, language):
    later = squeezed(read(populated_site / prefix / "chien-dich/thu/index.html").text)  # the fixture's, in 2030
    words = {"vi": "(chưa bắt đầu)", "en": "(not started yet)"}
    assert words[language] in later
