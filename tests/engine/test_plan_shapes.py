"""Every page right for any plan shape (issue 19, part 2), on the fixture sites: the running site holds a plan in
progress whose every task has a lead (cds-2026-2030) beside the plan it replaced (cds-2021-2025), whose standing
agency and task leads were taken over by a successor (so-tttt, now so-khcn); the ended site holds a plan that names
no lead for any single task."""
from __future__ import annotations

import datetime as dt
import shutil
from types import SimpleNamespace
from pathlib import Path

import pytest
import yaml

from conftest import ENDED, RUNNING
from html_page import Page, read
from plansite.derive.site import site_view
from plansite.load.sitedata import load_site_data
from plansite.derive.pictures import groups_picture
from plansite.render.catalogue import fill, text

PLAN, OLD_PLAN = "cds-2026-2030", "cds-2021-2025"
OLD, NEW = "so-tttt", "so-khcn"   # the body replaced, and its successor
PREFIXES = {"vi": "", "en": "en/"}
DATA = load_site_data(RUNNING.content)
NUMBERS = {plan_id: DATA.plans[plan_id].legal_basis.number for plan_id in (PLAN, OLD_PLAN)}

PLAN_PAGES = {PLAN: ["ke-hoach", "ke-hoach/kinh-phi", "ke-hoach/to-chuc-thuc-hien", "ke-hoach/ha-tang-so", "theo-doi",
                     "theo-doi/nhiem-vu", "theo-doi/trach-nhiem", "theo-doi/moc-thoi-gian"],
              OLD_PLAN: [f"ke-hoach/{OLD_PLAN}", f"ke-hoach/{OLD_PLAN}/kinh-phi", f"ke-hoach/{OLD_PLAN}/to-chuc-thuc-hien",
                         f"ke-hoach/{OLD_PLAN}/chinh-quyen-so", f"theo-doi/{OLD_PLAN}", f"theo-doi/{OLD_PLAN}/nhiem-vu",
                         f"theo-doi/{OLD_PLAN}/trach-nhiem", f"theo-doi/{OLD_PLAN}/moc-thoi-gian"]}


def page(site: Path, language: str, path: str) -> Page:
    return read(site / PREFIXES[language] / path / "index.html")


def words(shown: Page) -> str:
    return " ".join(shown.select("article")[0].get_text(" ").split())


def footer(shown: Page) -> str:
    return " ".join(shown.select(".md-copyright")[0].get_text(" ").split())


def task_items(shown: Page, tasks_page: str, task_ids: set[str]) -> list[list[str]]:
    """Per list item that links to one of these tasks on that tasks page: the tasks it links to."""
    items = []
    for item in shown.select("article li"):
        linked = [a["href"].rpartition("#")[2] for a in item.select("a[href*='#']")
                  if a["href"].rpartition("#")[0].rstrip("/").endswith(tasks_page)]
        if set(linked) & task_ids:
            items.append(linked)
    return items


def with_site(**changes):
    """The running site's data with some settings of data/site.yml changed."""
    site = DATA.site.model_copy(update=changes)
    return type(DATA)(**{**{f: getattr(DATA, f) for f in ("agencies", "frameworks", "plans", "reports", "authors",
                                                          "campaigns")}, "site": site})


@pytest.mark.parametrize("language", PREFIXES)
def test_a_task_list_has_one_item_per_task(running_site, language):
    """Group, organisation and agency pages: each task its own bullet, never "….- [next task]"."""
    lists = {"ke-hoach/ha-tang-so": ("nhiem-vu", {"cap-quang-thon", "trung-tam-du-lieu"}),
             f"ke-hoach/{OLD_PLAN}/chinh-quyen-so": (f"{OLD_PLAN}/nhiem-vu", {"mot-cua-dien-tu", "ho-so-cong-viec"}),
             "theo-doi/co-quan/so-noi-vu": ("nhiem-vu", {"thu-tuc-toan-trinh", "so-hoa-ho-so"})}
    for path, (tasks_page, tasks) in lists.items():
        shown = page(running_site, language, path)
        assert sorted(task_items(shown, tasks_page, tasks)) == sorted([t] for t in tasks), path
        assert ".- " not in words(shown), path


@pytest.mark.parametrize("language", PREFIXES)
def test_the_tasks_page_says_only_what_is_true_of_the_plans_leads(running_site, ended_site, language):
    none, every = text(language, "plan_shapes.task_leads_none"), text(language, "plan_shapes.task_leads_all")
    running = words(page(running_site, language, "theo-doi/nhiem-vu"))
    assert every in running and none not in running
    ended = words(page(ended_site, language, "theo-doi/nhiem-vu"))
    assert none in ended and every not in ended


@pytest.mark.parametrize("language", PREFIXES)
def test_the_groups_caption_fits_a_plan_without_an_unnumbered_group(running_site, ended_site, language):
    caption = page(running_site, language, "ke-hoach").select("figure.picture--groups figcaption")[0].get_text()
    assert caption == fill(language, "plan_shapes.groups_numbered", n=4)
    ended = load_site_data(ENDED.content).main.plan
    first = page(ended_site, language, "ke-hoach").select("figure.picture--groups figcaption")[0].get_text()
    numbered = sum(1 for g in ended.groups if g.number is not None)
    assert not first.startswith("-") and str(numbered) in first


def test_one_numbered_group_is_counted_in_the_singular():
    """A plan with a single numbered group: "1 numbered group of activities.", not "1 numbered groups"."""
    plan = load_site_data(RUNNING.content).main.plan
    one = plan.model_copy(update={"groups": [g for g in plan.groups if g.number is not None][:1]})
    label = groups_picture(SimpleNamespace(plan=one), "en").label
    assert label.startswith("1 ") and "group " in label and "groups" not in label, label
    many = groups_picture(SimpleNamespace(plan=plan), "en").label
    assert many.startswith("4 ") and "groups" in many, many


@pytest.mark.parametrize("language", PREFIXES)
def test_each_plans_pages_carry_its_own_footer_and_the_others_the_sites(running_site, language):
    for plan_id, paths in PLAN_PAGES.items():
        own, other = NUMBERS[plan_id], next(n for p, n in NUMBERS.items() if p != plan_id)
        for path in paths:
            shown = footer(page(running_site, language, path))
            assert own in shown and other not in shown, (path, shown)
    for path in ("", "theo-doi/co-quan", "chien-dich", "tai-lieu", "theo-doi/du-lieu-mo"):
        assert footer(page(running_site, language, path)) == text(language, "plan_shapes.site_footer"), path


def test_the_sites_footer_comes_from_site_yml():
    changed = with_site(footer=DATA.site.footer.model_copy(update={"vi": "Chân trang.", "en": "Foot."}))
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    assert [site_view(changed, language, now).footer for language in PREFIXES] == ["Chân trang.", "Foot."]


@pytest.mark.parametrize("language", PREFIXES)
def test_titles_and_headings_say_which_plan(running_site, language):
    for plan_id, paths in PLAN_PAGES.items():
        name = DATA.plans[plan_id].short_title(language)
        for path in paths:
            shown = page(running_site, language, path)
            assert name in shown.h1 and name in shown.soup.title.get_text(), (path, shown.h1)
    titles = [page(running_site, language, paths[5]).soup.title.get_text() for paths in PLAN_PAGES.values()]
    assert titles[0] != titles[1]
    options = [o.get_text() for o in page(running_site, language, "tai-lieu").select("select[name=group] option")[1:]]
    assert options and all(any(p.short_title(language) in o for p in DATA.plans.values()) for o in options)


@pytest.mark.parametrize("language", PREFIXES)
def test_a_successor_is_named_everywhere_and_its_page_lists_what_it_took_over(running_site, language):
    today = f"{DATA.agencies[OLD].name(language)} ({fill(language, 'changes.now', holder=DATA.agencies[NEW].name(language))})"
    tasks = page(running_site, language, f"theo-doi/{OLD_PLAN}/nhiem-vu")
    # Each link to the body is its name today; a note's source link (it names the source) is not one of them.
    leads = [" ".join(a.get_text(" ").split()) for a in tasks.select(f"article a[href*='{OLD}']")
             if a.get_text() != text(language, "changes.source")]
    assert leads and all(lead == today for lead in leads)
    assert today in words(page(running_site, language, f"ke-hoach/{OLD_PLAN}/chinh-quyen-so"))
    successor = page(running_site, language, f"theo-doi/co-quan/{NEW}")
    assert text(language, "tracker.role_standing") in words(successor)
    led = {t.id for _, t in DATA.scope(OLD_PLAN).tasks() if t.lead == OLD}
    assert len(led) >= 2
    assert sorted(task_items(successor, f"{OLD_PLAN}/nhiem-vu", led)) == sorted([t] for t in led)


@pytest.mark.parametrize("language", PREFIXES)
def test_plans_in_progress_lead_the_home_page_and_each_says_its_state(running_site, language):
    """Without main_plan the plan in progress leads; the home page lists it first, each plan with its state."""
    now = RUNNING.build_day
    view = site_view(with_site(main_plan=None), language, now)
    assert view.lead.id == PLAN and [p.id for p in view.home_plans] == [PLAN, OLD_PLAN]
    home = page(running_site, language, "")
    assert home.h1.strip().rstrip("¶").strip() == DATA.plans[PLAN].short_title(language)
    titles = [DATA.plans[p].title(language) for p in (PLAN, OLD_PLAN)]
    listed = [" ".join(li.get_text(" ").split()) for li in home.select("article li") if li.strong]
    plans = [item for item in listed if any(item.startswith(t) for t in titles)]
    assert [next(t for t in titles if p.startswith(t)) for p in plans] == titles
    assert [p.split(": ", 1)[1] for p in plans] == [v.state.sentence for v in view.home_plans]


def test_main_plan_leads_the_home_page_but_no_other_plans_page():
    view = site_view(with_site(main_plan=OLD_PLAN), "vi", RUNNING.build_day)
    assert view.lead.id == OLD_PLAN
    assert NUMBERS[PLAN] in view.plan(PLAN).footer and NUMBERS[OLD_PLAN] in view.plan(OLD_PLAN).footer


def test_a_running_plans_period_is_in_the_present_tense_and_its_bodies_are_listed_one_by_one(running_site):
    """The home page's status says the period in the present tense and no final report is looked for yet; the
    bodies the plan reports to are each one item of the organisation page's list (issue 22: the status says
    only what the site has or lacks, the organisation page who reports to whom)."""
    plan = DATA.plans[PLAN]
    reports_to = plan.organisation.reports_to
    assert len(reports_to) == 2
    home = words(page(running_site, "en", ""))
    assert "It runs from 10 February 2026 to 31 December 2030." in home and "It ran from" not in home
    assert text("en", "home.final_report") not in home
    for language in PREFIXES:
        items = [" ".join(li.get_text(" ").split())
                 for li in page(running_site, language, "ke-hoach/to-chuc-thuc-hien").select("article li")]
        assert all(any(item.startswith(DATA.agencies[a].name(language)) for item in items) for a in reports_to), items


@pytest.mark.parametrize("language", PREFIXES)
def test_the_issuing_body_is_named_with_the_province_once(running_site, language):
    """"Ủy ban nhân dân tỉnh" of "tỉnh Sơn Hà" is "Ủy ban nhân dân tỉnh Sơn Hà", never "tỉnh tỉnh"."""
    body = {"vi": "Ủy ban nhân dân tỉnh Sơn Hà", "en": "Provincial People's Committee of Sơn Hà province"}[language]
    shown = footer(page(running_site, language, "ke-hoach"))
    assert body in shown and "tỉnh tỉnh" not in shown
    assert body in words(page(running_site, language, ""))


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("language", PREFIXES)
def test_the_timeline_of_a_running_plan_shows_every_date_whole(browser, running_server, language, width):
    """In Chromium: every label of the picture lies inside the drawing ("31 Decembe…" was cut off)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        shown = context.new_page()
        for path in ("theo-doi/moc-thoi-gian/", f"theo-doi/{OLD_PLAN}/moc-thoi-gian/"):
            shown.goto(running_server + PREFIXES[language] + path)
            svg = shown.locator("figure.picture--timeline svg")
            box = svg.bounding_box()
            labels = svg.locator("text")
            assert labels.count() >= 2
            for n in range(labels.count()):
                label = labels.nth(n).bounding_box()
                assert box["x"] - 0.5 <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"] + 0.5, \
                    (path, labels.nth(n).text_content(), label, box)
    finally:
        context.close()


def test_a_plan_with_leads_for_some_tasks_says_how_many(tmp_path):
    """The third shape: leads named for some tasks only. The tasks page counts them, and says nothing untrue."""
    from plansite.render.tracker_pages import tracker_pages

    shutil.copytree(RUNNING.content / "data", tmp_path / "data")
    shutil.copytree(RUNNING.content / "docs", tmp_path / "docs")
    plan_file = tmp_path / "data/plans" / f"{PLAN}.yml"
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    del plan["groups"][1]["tasks"][0]["lead"]
    plan_file.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    total = len(DATA.scope(PLAN).tasks())
    for language in PREFIXES:
        view = site_view(load_site_data(tmp_path), language, RUNNING.build_day)
        shown = view.plan(PLAN)
        assert (shown.task_leads, shown.with_lead, len(shown.tasks)) == ("some", total - 1, total)
        tasks = " ".join(tracker_pages(view, shown)[shown.paths.tasks].split())
        assert text(language, "plan_shapes.task_leads_some").format(n=total - 1, total=total) in tasks
        assert text(language, "plan_shapes.task_leads_none") not in tasks
