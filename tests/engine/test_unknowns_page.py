"""The page of unknowns (plansite.derive.unknowns, plansite.render.unknowns) lists what the data does not hold, on the day of the build,
and each entry goes as soon as the data holds the fact: a final report, a successor plan, the body that took
over a dissolved one's duties, a contact, the province's name and change."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

from plansite.load.sitedata import load_site_data
from plansite.derive.site import site_view
from plansite.derive.unknowns import unknowns
from plansite.derive.views import CONTACT, PROVINCE, agency_anchor, final_anchor, next_anchor
from plansite.render.unknowns import unknowns_page

yaml = YAML(typ="safe")
yaml.default_flow_style = False
LATER, DURING = dt.date(2040, 1, 1), dt.date(2000, 1, 1)
NEXT = "ke-hoach-tiep-theo-thu"
SOURCE = {"document": {"vi": "Văn bản thử", "en": "Test document"}, "url": "https://example.org/van-ban"}


def rewrite(path: Path, change) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def nothing_recorded(project: Path) -> tuple[str, str]:
    """The plan ended (after LATER's year it has), no final report or successor plan, a body gone with no successor
    named, no contact, no province: the main plan's id and the gone body's id."""
    [plan_file] = sorted((project / "data/plans").glob("*.yml"))
    plan = yaml.load(plan_file.read_text(encoding="utf-8"))
    gone = plan["organisation"]["standing_agency"]
    rewrite(plan_file, lambda p: p.pop("superseded_by", None))
    rewrite(project / "data/agencies.yml", lambda a: [agency.update(successor={"date": "2025-03-01", "source": SOURCE})
                                                     for agency in a["agencies"] if agency["id"] == gone])
    rewrite(project / "data/site.yml", lambda s: s.update(
        contact={"vi": "", "en": ""}, province={"vi": "", "en": ""},
        province_reorganisation={"change": {"vi": "", "en": ""}, "current_name": {"vi": "", "en": ""}, "source": SOURCE}))
    for report in (project / "data/reports").glob("*.yml"):
        report.unlink()
    return plan["id"], gone


def anchors(project: Path, today: dt.date, language: str = "vi") -> list[str]:
    return [u.anchor for u in unknowns(load_site_data(project), language, today)]


def test_each_missing_fact_has_one_entry_and_its_source(project):
    plan, gone = nothing_recorded(project)
    assert anchors(project, LATER) == [final_anchor(plan), next_anchor(plan), agency_anchor(gone), CONTACT, PROVINCE]
    found = {u.anchor: u for u in unknowns(load_site_data(project), "en", LATER)}
    assert found[agency_anchor(gone)].url == found[PROVINCE].url == SOURCE["url"]
    page = unknowns_page(site_view(load_site_data(project), "en", dt.datetime.combine(LATER, dt.time(), dt.timezone.utc)))
    assert all(f"{{ #{anchor} }}" in page for anchor in found) and page.count(SOURCE["url"]) == 2


def test_no_final_report_or_next_plan_is_missing_while_the_plan_runs(project):
    plan, _ = nothing_recorded(project)
    assert not {final_anchor(plan), next_anchor(plan)} & set(anchors(project, DURING))


def test_an_entry_goes_once_the_data_holds_the_fact(project):
    plan, gone = nothing_recorded(project)
    agencies = yaml.load((project / "data/agencies.yml").read_text(encoding="utf-8"))["agencies"]
    holder = next(a["id"] for a in agencies if a["id"] != gone)
    rewrite(project / "data/agencies.yml", lambda a: [agency["successor"].update(agency=holder)
                                                     for agency in a["agencies"] if agency["id"] == gone])
    rewrite(project / "data/site.yml", lambda s: (s.update(contact={"vi": "Số điện thoại thử", "en": "Test phone"}),
                                                 s["province_reorganisation"].update(
                                                     change={"vi": "Không đổi", "en": "Unchanged"},
                                                     current_name={"vi": "Tỉnh thử", "en": "Test province"})))
    first = load_site_data(project).main.plan
    (project / f"data/reports/{plan}-2026-01-15.yml").write_text(
        f"plan: {plan}\ndate: 2026-01-15\nagency: {holder}\nfinal: true\n"
        f"period: {{start: {first.period.start}, end: {first.period.end}}}\n"
        f"tasks:\n  - task: {next(t.id for _, t in load_site_data(project).main.tasks())}\n    status: done\n",
        encoding="utf-8")
    assert anchors(project, LATER) == [next_anchor(plan)]  # no plan that follows it is recorded yet
    # A plan that follows it is named.
    follow_with_a_new_plan(project, plan)
    assert not {final_anchor(plan), next_anchor(plan)} & set(anchors(project, LATER))  # (the new plan has its own)


def follow_with_a_new_plan(project: Path, plan: str) -> None:
    """A made-up plan after this one, 2026 to 2030, at its own folders, and `superseded_by:` naming it."""
    data = yaml.load((project / f"data/plans/{plan}.yml").read_text(encoding="utf-8"))
    data.update(id=NEXT, issued={**data["issued"], "date": "2026-01-15"}, period={"start": "2026-01-15", "end": "2030-12-31"},
                objectives_deadline="2026-12-31", readings=[], milestones=[], common_tasks=[])
    data.pop("pages", None)
    data.pop("superseded_by", None)
    for group in data["groups"]:
        group["id"] += "-tiep-theo"  # group ids are the site's: unique across plans
        for task in group["tasks"]:
            task["deadline"] = 2030
    with (project / f"data/plans/{NEXT}.yml").open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    rewrite(project / f"data/plans/{plan}.yml", lambda p: p.update(superseded_by=NEXT))
