"""What a resident reads on the site's plan and tracker pages, true of its data on the day of the build: every task
has its anchor, no progress and no lead is claimed that the data does not give, the pictures are drawn from the
data and mark today, every leaflet and campaign states where it stands today, and a framework's figures link
their source. (The same pages pinned on the fixture sites: tests/engine/test_citizens.py, test_tracker.py.)"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest

from conftest import LOCAL_URL
from html_page import read
from plansite.derive.pictures import timeline_x
from plansite.derive.views import period_state
from plansite.render.campaigns import campaign_path, material_path
from plansite.render.catalogue import text as catalogue_text
from plansite.render.languages import date_text
from plansite.render.paths import page_url
from site_checks import assert_leaflet_presents_its_plan
from site_content import LANGUAGES, SITE_DATA, built_pages, page_file, paths


def squeezed(text: str) -> str:
    return " ".join(text.split())


def build_day(site) -> dt.date:
    """The day the site was built as of (the build reads the clock: this run may have crossed midnight)."""
    [today] = read(site / page_file(paths().timeline)).select(".picture__today")
    day = dt.date.fromisoformat(today["data-date"])
    assert 0 <= (dt.date.today() - day).days <= 1
    return day


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_task_has_a_stable_anchor(site, language):
    for scope in SITE_DATA.scopes():
        ids = read(site / LANGUAGES[language] / page_file(paths(scope).tasks)).ids
        assert [task.id for _, task in scope.tasks() if task.id not in ids] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_dashboard_says_so_when_there_is_no_report(site, language):
    no_reports = squeezed(catalogue_text(language, "tracker.no_reports")).split(".")[0]
    for scope in SITE_DATA.scopes():
        page = read(site / LANGUAGES[language] / page_file(paths(scope).dashboard))
        if scope.reports:
            assert page.tables and no_reports not in squeezed(page.text)
        else:  # no table of zeros: the page says once that there is no report
            assert page.tables == {} and no_reports in squeezed(page.text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_task_names_a_lead_only_where_the_data_gives_one(site, language):
    label = catalogue_text(language, "tracker.task_line_lead").split("{")[0].strip()
    for scope in SITE_DATA.scopes():
        tasks = read(site / LANGUAGES[language] / page_file(paths(scope).tasks))
        for _, task in scope.tasks():
            section = squeezed(" ".join(element.get_text(" ") for element in tasks.section(task.id)))
            if task.lead is None:
                assert label not in section, task.id
            else:
                assert scope.agency(task.lead).name(language) in section, task.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_picture_marks_today_where_the_dates_put_it(site, language):
    prefix, plan, day = LANGUAGES[language], SITE_DATA.main.plan, build_day(site)
    page = read(site / prefix / page_file(paths().timeline))
    [svg] = page.select("figure.picture--timeline svg[role=img]")
    assert svg["aria-label"] and svg.title.get_text() == svg["aria-label"]
    assert page.soup.select_one("figure.picture--timeline figcaption").get_text() == svg["aria-label"]
    [today] = svg.select(".picture__today")
    assert date_text(day, language) in page.text
    first, last = min(plan.period.start, day), max(plan.period.end, day)
    assert float(today["x1"]) == pytest.approx(timeline_x(day, first, last), abs=0.05)
    end = svg.select(".picture__period")[0]
    assert float(end["x"]) + float(end["width"]) == pytest.approx(timeline_x(plan.period.end, first, last), abs=0.1)
    after = float(today["x1"]) > float(end["x"]) + float(end["width"])
    assert after == (day > plan.period.end)


@pytest.mark.parametrize("language", LANGUAGES)
def test_groups_and_tasks_pictures_are_drawn_from_the_data(site, language):
    prefix, plan = LANGUAGES[language], SITE_DATA.main.plan
    [groups] = read(site / prefix / page_file(paths().overview)).select("figure.picture--groups svg[role=img]")
    assert groups["aria-label"]
    assert len(groups.select(".picture__tile")) == len([g for g in plan.groups if g.number is not None])
    assert [b.get_text() for b in groups.select(".picture__band-text")] == [
        g.title(language) for g in plan.groups if g.number is None]
    [tasks] = read(site / prefix / page_file(paths().dashboard)).select("figure.picture--tasks svg[role=img]")
    assert tasks["aria-label"] and len(tasks.select("rect.picture__task")) == len(SITE_DATA.main.tasks())
    assert all(rect.title.get_text() for rect in tasks.select("rect.picture__task"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_leaflets_state_their_plan_and_carry_a_qr_code_to_its_page(site, language):
    prefix, day = LANGUAGES[language], build_day(site)
    for material in (m for c in SITE_DATA.campaigns for m in c.materials if m.generated == "leaflet"):
        scope = SITE_DATA.group_scope(material.groups[0])  # a leaflet presents the plan of its first group
        assert_leaflet_presents_its_plan(site / prefix / material_path(material, language), scope, language, day,
                                         LOCAL_URL + prefix + page_url(paths(scope).overview))


@pytest.mark.parametrize("language", LANGUAGES)
def test_campaign_state_follows_its_dates(site, language):
    day = build_day(site)
    for campaign in SITE_DATA.campaigns:
        page = read(site / LANGUAGES[language] / page_url(campaign_path(campaign)) / "index.html")
        state = period_state(campaign.period, day)
        expected = catalogue_text(language, f"campaigns.period_{state}").format(
            start=date_text(campaign.period.start, language), end=date_text(campaign.period.end, language))
        assert squeezed(expected) in squeezed(page.soup.select_one("article").get_text(" ")), campaign.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_framework_figures_link_to_their_source_on_the_same_page(site, language):
    prefix = LANGUAGES[language]
    pages = [p for p in built_pages(site) if p.startswith("en/") == bool(prefix) and p.endswith("index.html")]
    for framework in SITE_DATA.frameworks.values():
        for figure in framework.figures:
            stated = f"{figure.value} {figure.label(language).lower()}"
            for path in pages:
                page = read(site / path)
                if stated in squeezed(page.text).lower():
                    links = [a["href"] for a in page.soup.select("article a[href]")]
                    assert figure.source.url in links or not urlsplit(figure.source.url).scheme, (path, figure.id)
