"""The home page and the responsibility matrix for sites of other shapes: the campaign home page
(overrides/home.html) takes its plans, groups, leaflet and news from the data of the running fixture site (two
plans, a campaign) and of the minimal one (no news, one group); on a phone the running site's matrix (tasks with
leads and partners) is a list per group instead of a table."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL, RUNNING, FixtureSite, fixture_project, strict_build
from html_page import read
from plansite.derive.views import plan_state
from plansite.load.sitedata import load_site_data
from plansite.render.catalogue import text
from plansite.render.paths import PlanPaths, page_url
from tools.project import ROOT

LANGUAGES = (("", "vi"), ("en/", "en"))
UNKNOWNS_URL = "thong-tin-chua-co/"
# A site's home page as a campaign page: its title and key message; everything else comes from the data.
HOME = {language: f"---\ntemplate: home.html\ndescription: {words}\nhide: [navigation, toc]\n---\n\n# {{{{ plan.name }}}}\n\n{words}\n"
        for language, words in (("vi", "Thông điệp chính thử."), ("en", "A test key message."))}


@pytest.fixture(scope="module", params=[RUNNING, MINIMAL], ids=str)
def home_site(request, tmp_path_factory) -> tuple[FixtureSite, Path, Path]:
    """The fixture site with the campaign home page: (the fixture, its content, its build)."""
    folder = tmp_path_factory.mktemp(f"home-{request.param.name}")
    project = fixture_project(request.param, folder / "project")
    for language, page in HOME.items():
        (project / "docs" / language / "index.md").write_text(page, encoding="utf-8")
    return request.param, project, strict_build(project, folder / "site", request.param.build_env())


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_page_takes_its_content_from_the_data(home_site, prefix, language):
    from plansite.derive.site import plan_leaflet
    from plansite.render.campaigns import material_path
    fixture, project, site = home_site
    data = load_site_data(project)
    home = read(site / prefix / "index.html")
    hero = home.soup.select_one(".home-hero")
    assert hero.h1.get_text().rstrip("¶") == data.main.plan.short_title(language)
    # The first screen: where the main plan stands on the build's day, in one line with its years; one or two
    # actions; what the site lacks is not said there, but one tap from the cards.
    state, period = plan_state(data.main, language, fixture.build_day.date()), data.main.plan.period
    line = " ".join(hero.select_one(".home-hero__state").get_text().split())
    assert line.startswith(text(language, f"home.state_{state.kind}").rstrip(".")), line
    assert f"{period.start.year}–{period.end.year}" in line
    assert 1 <= len(hero.select(".home-hero__actions a[href]")) <= 2
    assert not [a for a in hero.select("a[href]") if UNKNOWNS_URL in a["href"]]
    assert [a for a in home.select(".home-cards a[href]") if UNKNOWNS_URL in a["href"]]
    plans = home.select("#home-plans + ul a[href]")  # listed once there are several
    assert [(a.get_text(), a["href"]) for a in plans] == ([
        (s.plan.short_title(language), page_url(PlanPaths(s.plan).overview)) for s in data.scopes()]
        if len(data.plans) > 1 else [])
    groups = home.select(".home-list--groups a[href]")
    assert [a["href"] for a in groups] == [page_url(PlanPaths(data.main.plan).group(g)) for g in data.main.plan.groups]
    # The leaflet card opens the main plan's leaflet; the library lists every plan's, and each campaign's.
    [leaflet] = [a["href"] for a in home.select("#home-leaflet ~ p a.md-button")]
    assert leaflet == material_path(plan_leaflet(data.main), language)
    library = read(site / prefix / "tai-lieu/index.html")
    assert len(library.select(".material")) == len(data.plans) + sum(len(c.materials) for c in data.campaigns)
    for scope in data.scopes():
        assert (site / prefix / material_path(plan_leaflet(scope), language)).is_file()
    # News with their pictures, or one line where there is none.
    assert len(home.select(".home-news li")) == min(3, len(list((project / "docs" / language / "tin-tuc/posts").glob("*.md"))))


def test_the_home_template_names_no_plan():
    """overrides/home.html draws what plansite.render.home gives it: no words of its own outside comments."""
    template = re.sub(r"\{#.*?#\}", "", (ROOT / "overrides/home.html").read_text(encoding="utf-8"), flags=re.S)
    words = re.sub(r"\{[{%].*?[%}]\}|<[^>]+>", " ", template, flags=re.S).split()
    assert words == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_matrix_is_a_list_per_group_on_a_phone_and_a_table_on_a_desktop(browser, running_site, running_server,
                                                                              prefix):
    path = f"{prefix}{page_url(PlanPaths(load_site_data(RUNNING.content).main.plan).matrix)}"
    built = read(running_site / path / "index.html")
    rows = [[cell.get_text().strip() for cell in tr.select("td")] for tr in built.select(".matrix-table tbody tr")]
    assert len(rows) > 1 and any(not all(row) for row in rows)  # several groups; some bodies have no part in one
    for width, list_shown in ((360, True), (1280, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(running_server + path)
        assert page.locator(".matrix-list").is_visible() is list_shown
        assert page.locator(".matrix-table").is_visible() is not list_shown
        if list_shown:
            groups = page.locator(".matrix-list > li")
            assert groups.count() == len(rows)
            for n, row in enumerate(rows):  # each group lists each body with a part, and only those
                assert groups.nth(n).locator("li").count() == sum(1 for cell in row if cell)
            # Nothing on the page scrolls or sticks out sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert page.evaluate("""() => [...document.querySelectorAll('.md-content *')].filter(e =>
                ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1).length""") == 0
        context.close()
