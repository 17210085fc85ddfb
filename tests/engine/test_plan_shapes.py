"""Every page right for any plan shape (issue 19, part 2): a site holding an ended plan without task leads (today's
data) and a plan in progress whose every task has a lead, and whose standing agency was replaced by a successor.

The second plan is tests/fixtures/second-plan/, reshaped here the way an official would write it: two tasks with
leads in one group, tasks of the whole plan, three bodies to report to, and its standing agency taken over by a
new body from 1/9/2026."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, copy_project, run_build
from html_page import Page, read
from plansite.derive.site import site_view
from plansite.load.sitedata import load_site_data
from plansite.render.catalogue import text

SECOND = FIXTURES / "second-plan"
PLAN, OLD, NEW = "ke-hoach-thu-nghiem", "so-cu-thu-nghiem", "so-moi-thu-nghiem"
TEST_NUMBER, FIRST_NUMBER = "99/NQ-TEST", "161/QĐ-TTg"
# The build's day: the second plan (2026-2030) is in progress, the first (2021-2025) has ended.
EPOCH = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp()))
PREFIXES = {"vi": "", "en": "en/"}

AGENCIES = f"""
  - id: {OLD}
    name: {{vi: Sở Cũ thử nghiệm, en: Old Test Department}}
    short_name: {{vi: Sở Cũ, en: Old Dept}}
    kind: provincial-department
    successor:
      agency: {NEW}
      date: 2026-09-01
  - id: {NEW}
    name: {{vi: Sở Mới thử nghiệm, en: New Test Department}}
    short_name: {{vi: Sở Mới, en: New Dept}}
    kind: provincial-department
"""


def second_plan(project: Path) -> None:
    """The second plan, its report and its bodies, added as a pull request would add them."""
    plan = yaml.safe_load((SECOND / f"{PLAN}.yml").read_text(encoding="utf-8"))
    skills = next(g for g in plan["groups"] if g["id"] == "thu-nghiem-ky-nang")
    skills["tasks"].append({"id": "ky-nang-2", "title": {"vi": "Nhiệm vụ kỹ năng thứ hai", "en": "Second skills task"},
                            "lead": OLD, "deadline": 2029})
    plan["common_tasks"] = [
        {"id": f"chung-{n}", "title": {"vi": f"Nhiệm vụ chung {n}", "en": f"Common task {n}"}, "lead": OLD,
         "deadline": 2030} for n in (1, 2)]
    plan["organisation"]["standing_agency"] = OLD
    plan["organisation"]["reports_to"] = ["ubnd-tinh", "hdnd-thu-nghiem", "bo-noi-vu"]
    (project / "data/plans" / f"{PLAN}.yml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    shutil.copy(SECOND / "2026-06-thu-nghiem.yml", project / "data/reports")
    agencies = project / "data/agencies.yml"
    agencies.write_text(agencies.read_text(encoding="utf-8") + (SECOND / "agencies.yml").read_text(encoding="utf-8")
                        + AGENCIES, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("plan-shapes") / "project")
    second_plan(project)
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    site = project.parent / "site"
    result = run_build(project, site, "--strict", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def data(project):
    return load_site_data(project)


def page(site: Path, language: str, path: str) -> Page:
    return read(site / PREFIXES[language] / path / "index.html")


def words(page: Page) -> str:
    return " ".join(page.select("article")[0].get_text(" ").split())


def footer(page: Page) -> str:
    return " ".join(page.select(".md-copyright")[0].get_text(" ").split())


PLAN_PAGES = {PLAN: [f"ke-hoach/{PLAN}", f"ke-hoach/{PLAN}/kinh-phi", f"ke-hoach/{PLAN}/to-chuc-thuc-hien",
                     f"ke-hoach/{PLAN}/thu-nghiem-ky-nang", f"theo-doi/{PLAN}", f"theo-doi/{PLAN}/nhiem-vu",
                     f"theo-doi/{PLAN}/trach-nhiem", f"theo-doi/{PLAN}/moc-thoi-gian"],
              "ascc-2025": ["ke-hoach", "ke-hoach/kinh-phi", "ke-hoach/to-chuc-thuc-hien", "ke-hoach/cong-dong-gan-ket",
                            "theo-doi", "theo-doi/nhiem-vu", "theo-doi/trach-nhiem", "theo-doi/moc-thoi-gian"]}


def task_items(page: Page, task_ids: set[str]) -> list[list[str]]:
    """Per list item that links to a task: the tasks it links to."""
    items = []
    for item in page.select("article li"):
        linked = [a["href"].rpartition("#")[2] for a in item.select("a[href*='nhiem-vu/#']")]
        if set(linked) & task_ids:
            items.append(linked)
    return items


@pytest.mark.parametrize("language", PREFIXES)
def test_a_task_list_has_one_item_per_task(site, language):
    """Group, organisation and agency pages: each task its own bullet, never "….- [next task]"."""
    lists = {f"ke-hoach/{PLAN}/thu-nghiem-ky-nang": {"ky-nang", "ky-nang-2"},
             f"ke-hoach/{PLAN}/to-chuc-thuc-hien": {"chung-1", "chung-2"},
             f"theo-doi/co-quan/{OLD}": {"ky-nang-2", "chung-1", "chung-2"}}
    for path, tasks in lists.items():
        shown = page(site, language, path)
        assert sorted(task_items(shown, tasks)) == sorted([t] for t in tasks), path
        assert ".- " not in words(shown), path


@pytest.mark.parametrize("language", PREFIXES)
def test_the_tasks_page_says_only_what_is_true_of_the_plans_leads(site, language):
    none = text(language, "plan_shapes.task_leads_none")
    running = words(page(site, language, f"theo-doi/{PLAN}/nhiem-vu"))
    assert none not in running
    assert text(language, "plan_shapes.task_leads_all") in running
    assert none in words(page(site, language, "theo-doi/nhiem-vu"))  # the first plan names no task leads


@pytest.mark.parametrize("language", PREFIXES)
def test_the_groups_caption_fits_a_plan_without_an_unnumbered_group(site, language):
    caption = page(site, language, f"ke-hoach/{PLAN}").select("figure.picture--groups figcaption")[0].get_text()
    assert caption == text(language, "plan_shapes.groups_numbered").format(count=4)
    first = page(site, language, "ke-hoach").select("figure.picture--groups figcaption")[0].get_text()
    assert not first.startswith("-") and "9" in first


@pytest.mark.parametrize("language", PREFIXES)
def test_each_plans_pages_carry_its_own_footer_and_the_others_the_sites(site, language):
    for plan, own, other in ((PLAN, TEST_NUMBER, FIRST_NUMBER), ("ascc-2025", FIRST_NUMBER, TEST_NUMBER)):
        for path in PLAN_PAGES[plan]:
            shown = footer(page(site, language, path))
            assert own in shown and other not in shown, (path, shown)
    for path in ("", "theo-doi/co-quan", "chien-dich", "tai-lieu", "theo-doi/du-lieu-mo"):
        assert footer(page(site, language, path)) == text(language, "plan_shapes.site_footer"), path


def test_the_sites_footer_comes_from_site_yml(data):
    site = data.site.model_copy(update={"footer": data.site.footer.model_copy(update={"vi": "Chân trang.", "en": "Foot."})})
    changed = type(data)(**{**{f: getattr(data, f) for f in ("agencies", "frameworks", "plans", "reports", "authors",
                                                            "campaigns")}, "site": site})
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    assert [site_view(changed, lang, now).footer for lang in PREFIXES] == ["Chân trang.", "Foot."]


@pytest.mark.parametrize("language", PREFIXES)
def test_titles_and_headings_say_which_plan(site, data, language):
    for plan_id, paths in PLAN_PAGES.items():
        name = data.plans[plan_id].short_title(language)
        for path in paths:
            shown = page(site, language, path)
            assert name in shown.h1 and name in shown.soup.title.get_text(), (path, shown.h1)
    titles = [page(site, language, paths[5]).soup.title.get_text() for paths in PLAN_PAGES.values()]
    assert titles[0] != titles[1]
    options = [o.get_text() for o in page(site, language, "tai-lieu").select("select[name=group] option")[1:]]
    assert options and all(any(p.short_title(language) in o for p in data.plans.values()) for o in options)


@pytest.mark.parametrize("language", PREFIXES)
def test_a_successor_is_named_everywhere_and_its_page_lists_what_it_took_over(site, data, language):
    new = data.agencies[NEW].name(language)
    today = text(language, "tracker.today_name").format(name=data.agencies[OLD].name(language), holder=new)
    tasks = page(site, language, f"theo-doi/{PLAN}/nhiem-vu")
    leads = [a.get_text(" ") for a in tasks.select(f"a[href*='{OLD}']")]
    assert leads and all(" ".join(lead.split()) == today for lead in leads)
    group = words(page(site, language, f"ke-hoach/{PLAN}/thu-nghiem-ky-nang"))
    assert today in group
    successor = page(site, language, f"theo-doi/co-quan/{NEW}")
    inherited = words(successor)
    assert text(language, "tracker.role_standing") in inherited
    assert sorted(task_items(successor, {"ky-nang-2", "chung-1", "chung-2"})) == [["chung-1"], ["chung-2"], ["ky-nang-2"]]


@pytest.mark.parametrize("language", PREFIXES)
def test_plans_in_progress_lead_the_home_page_and_each_says_its_state(site, data, language):
    home = page(site, language, "")
    running, ended = data.plans[PLAN], data.plans["ascc-2025"]
    assert home.h1.strip().rstrip("¶").strip() == running.short_title(language)
    listed = [" ".join(li.get_text(" ").split()) for li in home.select("article li")
              if li.select(f"a[href$='{PLAN}/'], a[href$='ke-hoach/']") and li.strong]
    titles = [running.title(language), ended.title(language)]
    plans = [item for item in listed if any(item.startswith(t) for t in titles)]
    assert [next(t for t in titles if p.startswith(t)) for p in plans] == titles
    view = site_view(data, language, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
    assert [p.split(": ", 1)[1] for p in plans] == [v.state.sentence for v in view.home_plans]


def test_main_plan_leads_the_home_page_but_no_other_plans_page(data):
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    site = data.site.model_copy(update={"main_plan": "ascc-2025"})
    chosen = type(data)(**{**{f: getattr(data, f) for f in ("agencies", "frameworks", "plans", "reports", "authors",
                                                           "campaigns")}, "site": site})
    view = site_view(chosen, "vi", now)
    assert view.lead.id == "ascc-2025"
    assert TEST_NUMBER in view.plan(PLAN).footer and FIRST_NUMBER in view.plan("ascc-2025").footer


def test_a_running_plans_period_is_in_the_present_tense_and_lists_read_naturally(site, data):
    home = words(page(site, "en", ""))
    assert "It runs from 10 February 2026 to 31 December 2030." in home and "It ran from" not in home
    names = {a: data.agencies[a].name("en") for a in ("ubnd-tinh", "hdnd-thu-nghiem", "bo-noi-vu")}
    assert f"to the {names['ubnd-tinh']}, the {names['hdnd-thu-nghiem']} and the {names['bo-noi-vu']}." in home
    vi = words(page(site, "vi", ""))
    names = {a: data.agencies[a].name("vi") for a in ("ubnd-tinh", "hdnd-thu-nghiem", "bo-noi-vu")}
    assert f"{names['ubnd-tinh']}, {names['hdnd-thu-nghiem']} và {names['bo-noi-vu']}" in vi
    assert " và ".join(names.values()) not in vi


@pytest.fixture(scope="module")
def server(site):
    from tools import local_nginx

    with local_nginx.serve(site) as address:
        yield address


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", PREFIXES)
def test_the_timeline_of_a_running_plan_shows_every_date_whole(browser, server, language, width):
    """In Chromium: every label of the picture lies inside the drawing ("31 Decembe…" was cut off)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        shown = context.new_page()
        for path in (f"theo-doi/{PLAN}/moc-thoi-gian/", "theo-doi/moc-thoi-gian/"):
            shown.goto(server + PREFIXES[language] + path)
            svg = shown.locator("figure.picture--timeline svg")
            box = svg.bounding_box()
            labels = svg.locator("text")
            assert labels.count() == 3
            for n in range(labels.count()):
                label = labels.nth(n).bounding_box()
                assert box["x"] - 0.5 <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"] + 0.5, \
                    (path, labels.nth(n).text_content(), label, box)
    finally:
        context.close()


def test_a_plan_with_leads_for_some_tasks_says_how_many(project, tmp_path):
    """The third shape: leads named for some tasks only. The tasks page counts them, and says nothing untrue."""
    from plansite.render.tracker_pages import tracker_pages

    shutil.copytree(project / "data", tmp_path / "data")
    shutil.copytree(project / "docs", tmp_path / "docs")
    plan_file = tmp_path / "data/plans" / f"{PLAN}.yml"
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    del next(g for g in plan["groups"] if g["id"] == "thu-nghiem-dich-vu")["tasks"][0]["lead"]
    plan_file.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    for language in PREFIXES:
        view = site_view(load_site_data(tmp_path), language, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
        shown = view.plan(PLAN)
        assert (shown.task_leads, shown.with_lead, len(shown.tasks)) == ("some", 6, 7)
        tasks = " ".join(tracker_pages(view, shown)[shown.paths.tasks].split())
        assert text(language, "plan_shapes.task_leads_some").format(n=6, total=7) in tasks
        assert text(language, "plan_shapes.task_leads_none") not in tasks
