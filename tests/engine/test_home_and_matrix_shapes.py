"""The home page and the responsibility matrix for a site of another shape (tests/fixtures/second-plan/: a second
plan of four groups whose tasks have leads and partners): the home page takes its plans, groups, leaflet and
news from the data, and on a phone the matrix is a list per group instead of a table."""
from __future__ import annotations

import re

import pytest

from html_page import read
from plansite.load.sitedata import load_site_data
from plansite.render.paths import PlanPaths, page_url
from test_second_plan import PLAN_ID, two_plans  # noqa: F401  (the fixture: both plans, built once here)
from tools import local_nginx
from tools.project import ROOT

LANGUAGES = (("", "vi"), ("en/", "en"))


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_home_page_takes_its_content_from_the_data(two_plans, prefix, language):
    from plansite.render.campaigns import material_path, plan_leaflet
    data = load_site_data(two_plans.parent / "project")
    home = read(two_plans / prefix / "index.html")
    plans = home.select("#home-plans + ul a[href]")
    assert [(a.get_text(), a["href"]) for a in plans] == [
        (s.plan.short_title(language), page_url(PlanPaths(s.plan).overview)) for s in data.scopes()]
    groups = home.select(".home-list--groups a[href]")
    assert [a["href"] for a in groups] == [page_url(PlanPaths(data.main.plan).group(g)) for g in data.main.plan.groups]
    # The leaflet card opens the main plan's leaflet; the library lists every plan's.
    [leaflet] = [a["href"] for a in home.select("#home-leaflet ~ p a.md-button")]
    assert leaflet == material_path(plan_leaflet(data.main), language)
    library = read(two_plans / prefix / "tai-lieu/index.html")
    assert len(library.select('.material[data-type="leaflet"]')) == len(data.plans)
    for scope in data.scopes():
        assert (two_plans / prefix / material_path(plan_leaflet(scope), language)).is_file()


def test_the_home_template_names_no_plan():
    """overrides/home.html draws what plansite.render.home gives it: no words of its own outside comments."""
    template = re.sub(r"\{#.*?#\}", "", (ROOT / "overrides/home.html").read_text(encoding="utf-8"), flags=re.S)
    words = re.sub(r"\{[{%].*?[%}]\}|<[^>]+>", " ", template, flags=re.S).split()
    assert words == []


@pytest.fixture(scope="module")
def served(two_plans):
    with local_nginx.serve(two_plans) as address:
        yield address


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_matrix_is_a_list_per_group_on_a_phone_and_a_table_on_a_desktop(browser, two_plans, served, prefix):
    path = f"{prefix}theo-doi/{PLAN_ID}/trach-nhiem/"
    built = read(two_plans / path / "index.html")
    rows = [[cell.get_text().strip() for cell in tr.select("td")] for tr in built.select(".matrix-table tbody tr")]
    assert len(rows) > 1 and any(not all(row) for row in rows)  # several groups; some bodies have no part in one
    for width, list_shown in ((360, True), (1280, False)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(served + path)
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
