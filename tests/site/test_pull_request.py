"""The site tests hold for any content: a copy of the site gets what an official's pull requests would bring, and
every site test that needs no browser runs again on it, in a process of its own (PLANSITE_SITE_ROOT, see
tests/conftest.py), and passes.

The additions are worked out from the site's own data, so that they fit whatever it holds: a first progress
report on the main plan, its final report once its period is over, a second campaign with events, a successor
for one of its bodies, and a second plan of another shape (the running fixture site's plan in progress: four
numbered groups, a lead, partners and a deadline on every task) with its reports, the bodies it names and its
articles. The browser checks are left out: they visit one page of each kind, and every kind these additions
make is visited on a fixture site (tests/page_types.py)."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, RUNNING, SITE_ROOT, copy_project
from plansite.load.articles import load_articles
from plansite.load.sitedata import load_site_data

SECOND_PLAN = "cds-2026-2030"   # the running fixture site's plan in progress


def plain_yaml() -> YAML:
    """A round-trip YAML writer that writes a repeated value out again (data files refuse aliases)."""
    yaml = YAML()
    yaml.representer.ignore_aliases = lambda *args: True
    return yaml


def edit_yaml(path: Path, change) -> None:
    """Change a data file as an editor would: a round-trip load keeps the rest of it as written."""
    yaml = plain_yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)


def write_yaml(path: Path, data: dict, schema: str) -> None:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(f"# yaml-language-server: $schema=../schemas/{schema}\n")
        plain_yaml().dump(data, stream)


def add_reports(project: Path, today: dt.date) -> list[str]:
    """A first progress report on the main plan's first tasks; its final report once its period is over."""
    scope = load_site_data(project).main
    plan, tasks = scope.plan, [task for _, task in scope.tasks()]
    first = min(max(plan.issued.date, plan.period.start) + dt.timedelta(days=180), today)
    added = [f"{plan.id}-{first.isoformat()}.yml"]
    write_yaml(project / "data/reports" / added[0], {
        "plan": plan.id, "date": first, "agency": plan.organisation.standing_agency,
        "period": {"start": plan.period.start, "end": first},
        "tasks": [{"task": tasks[0].id, "status": "in-progress",
                   "note": {"vi": "Các đơn vị đã xây dựng kế hoạch triển khai.", "en": "The bodies concerned have drawn up their plans."},
                   "indicators": [{"name": {"vi": "Đơn vị đã có kế hoạch", "en": "Bodies with a plan"}, "value": 18,
                                   "unit": {"vi": "đơn vị", "en": "bodies"}, "date": first,
                                   "source": {"vi": "Báo cáo sáu tháng", "en": "Six-monthly report"}}]},
                  *({"task": task.id, "status": "not-started"} for task in tasks[1:3])]}, "report.schema.json")
    if plan.period.end < today:
        final = min(plan.period.end + dt.timedelta(days=20), today)
        added.append(f"{plan.id}-{final.isoformat()}.yml")
        write_yaml(project / "data/reports" / added[1], {
            "plan": plan.id, "date": final, "agency": plan.organisation.standing_agency,
            "period": {"start": plan.period.start, "end": plan.period.end}, "final": True,
            "tasks": [{"task": task.id, "status": "done"} for task in tasks]}, "report.schema.json")
    return added


def add_campaign(project: Path, today: dt.date) -> str:
    """A second campaign, on the main plan's first group, with two events announced for the coming weeks."""
    group = load_site_data(project).main.plan.groups[0]
    start = today + dt.timedelta(days=30)

    def change(data):
        if data["campaigns"] is None:  # `campaigns:` with nothing under it: the site records none yet
            data["campaigns"] = []
        data["campaigns"].append({
            "id": "ngay-hoi-nguoi-dan", "title": {"vi": "Ngày hội người dân tìm hiểu Kế hoạch", "en": "Residents' day on the plan"},
            "summary": {"vi": "Một ngày để người dân hỏi và nghe giải thích về Kế hoạch.", "en": "A day for residents to ask about the plan."},
            "period": {"start": start, "end": start + dt.timedelta(days=30)},
            "audiences": [{"vi": "Người dân trong tỉnh", "en": "Residents of the province"}],
            "channels": [{"vi": "Nhà văn hóa các xã", "en": "The communes' community halls"}],
            "key_messages": [{"vi": "Người dân được hỏi và được trả lời.", "en": "Residents ask and are answered."}],
            "groups": [group.id],
            "events": [{"id": "ngay-hoi", "title": {"vi": "Ngày hội người dân", "en": "Residents' day"}, "start": start,
                        "end": start + dt.timedelta(days=1), "location": {"vi": "Nhà văn hóa tỉnh", "en": "Provincial community hall"},
                        "description": {"vi": "Gian hỏi đáp và trưng bày.", "en": "Questions, answers and stands."}},
                       {"id": "toa-dam", "title": {"vi": "Tọa đàm với các sở", "en": "Talk with the departments"},
                        "start": dt.datetime.combine(start + dt.timedelta(days=7), dt.time(8, 30)),
                        "location": {"vi": "Hội trường tỉnh", "en": "Provincial hall"},
                        "description": {"vi": "Các sở trả lời câu hỏi.", "en": "The departments answer questions."}}]})

    edit_yaml(project / "data/campaigns.yml", change)
    return "ngay-hoi-nguoi-dan"


def add_successor(project: Path) -> str:
    """A body of the site whose successor was not recorded gets one, the Department of Home Affairs (added unless
    the site has it), with the document that says so. Returns the body's id."""
    data = load_site_data(project)
    successor = "so-noi-vu"
    taken = {a.successor.agency for a in data.agencies.values() if a.successor and a.successor.agency}
    free = [a for a in data.agencies.values()
            if a.id != successor and not (a.successor and a.successor.agency) and a.id not in taken]
    # The main plan's standing agency when it is free (a department whose duties went elsewhere), else a department.
    standing = data.main.plan.organisation.standing_agency
    merged = next((a.id for a in free if a.id == standing), None) or next(
        (a.id for a in free if a.kind == "provincial-department"), free[0].id)

    def change(file):
        for agency in file["agencies"]:
            if agency["id"] == merged:
                agency["successor"] = {"agency": successor, "date": dt.date(2025, 3, 1), "source": {"document": {
                    "vi": "Quyết định số 25/QĐ-UBND ngày 28/2/2025 của Ủy ban nhân dân tỉnh",
                    "en": "Decision 25/QĐ-UBND of 28 February 2025 by the Provincial People's Committee"}}}
        if successor not in data.agencies:
            file["agencies"].append({"id": successor, "name": {"vi": "Sở Nội vụ", "en": "Department of Home Affairs"},
                                     "short_name": {"vi": "Sở Nội vụ", "en": "DOHA"}, "kind": "provincial-department"})

    edit_yaml(project / "data/agencies.yml", change)
    return merged


def add_second_plan(project: Path) -> None:
    """The running fixture site's plan in progress, at its default addresses, with its reports, the bodies it
    names that the site lacks, and its articles in both languages."""
    source, yaml = RUNNING.content, YAML()
    text = (source / f"data/plans/{SECOND_PLAN}.yml").read_text(encoding="utf-8")
    text = re.sub(r"^pages:\n(?:  .*\n)+", "", text, count=1, flags=re.MULTILINE)  # the site's first plan keeps its addresses
    (project / f"data/plans/{SECOND_PLAN}.yml").write_text(text, encoding="utf-8")
    plan = YAML(typ="safe").load(text)
    for report in (source / "data/reports").glob(f"{SECOND_PLAN}-*.yml"):
        (project / "data/reports" / report.name).write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    theirs = {a["id"]: a for a in yaml.load((source / "data/agencies.yml").read_text(encoding="utf-8"))["agencies"]}
    ours = {a["id"] for a in YAML(typ="safe").load((project / "data/agencies.yml").read_text(encoding="utf-8"))["agencies"]}
    named = named_agencies(load_site_data(source).scope(SECOND_PLAN)) - ours
    edit_yaml(project / "data/agencies.yml", lambda file: file["agencies"].extend(
        {key: value for key, value in theirs[agency].items() if key != "successor"} for agency in sorted(named)))
    groups = {g["id"] for g in plan["groups"]}
    for language in ("vi", "en"):
        for article in (source / "docs" / language / "tin-tuc/posts").glob("*.md"):
            front = article.read_text(encoding="utf-8")
            if any(f"categories: [{group}]" in front for group in groups):
                target = project / "docs" / language / "tin-tuc/posts" / article.name
                target.parent.mkdir(parents=True, exist_ok=True)
                # Signed by an author of the site the article joins, whoever signed it on the source site.
                target.write_text(re.sub(r"^authors: \[.*\]$", f"authors: [{first_author(project)}]", front, flags=re.M),
                                  encoding="utf-8")


def named_agencies(scope) -> set[str]:
    """Every body a plan and its reports name."""
    plan, organisation = scope.plan, scope.plan.organisation
    named = {plan.issued.by, plan.legal_basis.by, organisation.standing_agency, *organisation.partners,
             *organisation.reports_to, *(a for c in organisation.coordination for a in c.agencies),
             *(report.agency for report in scope.reports.values())}
    for _, task in scope.tasks():
        named |= {task.lead, *task.partners} - {None}
    return named


def first_author(project: Path) -> str:
    return YAML(typ="safe").load((project / "data/authors.yml").read_text(encoding="utf-8"))["authors"][0]["id"]


def pull_request(target: Path) -> Path:
    """A copy of the site with the additions, committed on a branch as a pull request's would be."""
    project = copy_project(target, SITE_ROOT if SITE_ROOT != ROOT else None)
    today = dt.date.today()
    add_reports(project, today)
    add_campaign(project, today)
    add_successor(project)
    add_second_plan(project)
    for command in (["init", "-q", "-b", "main"], ["add", "-A"],
                    ["-c", "user.name=Cán bộ", "-c", "user.email=can-bo@example.gov.vn", "commit", "-qm", "Thêm báo cáo và kế hoạch"]):
        subprocess.run(["git", *command], cwd=project, check=True, capture_output=True)
    return project


@pytest.fixture(scope="module")
def pull_request_site(tmp_path_factory) -> Path:
    return pull_request(tmp_path_factory.mktemp("pull-request") / "project")


def test_the_additions_are_valid_content_of_every_kind(pull_request_site):
    project = pull_request_site
    before, after = load_site_data(SITE_ROOT), load_site_data(project)
    assert set(after.plans) == {*before.plans, SECOND_PLAN}
    main = after.main.plan
    assert len(after.reports) >= len(before.reports) + 1 + len(list((RUNNING.content / "data/reports").glob(f"{SECOND_PLAN}-*")))
    assert (after.scope(main.id).final_report() is not None) == (main.period.end < dt.date.today())
    assert len(after.campaigns) == len(before.campaigns) + 1 and after.campaigns[-1].events
    assert "so-noi-vu" in {a.successor.agency for a in after.agencies.values() if a.successor}
    assert len(load_articles(project, after)) > len(load_articles(SITE_ROOT, before))


def test_the_site_tests_pass_on_a_pull_request_that_adds_content(pull_request_site, tmp_path):
    project = pull_request_site
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/site", "-m", "not browser", "-q", "-p", "no:cacheprovider",
         "--ignore=tests/site/test_pull_request.py", "--ignore=tests/site/test_search_scale.py",
         f"--basetemp={tmp_path / 'run'}"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PLANSITE_SITE_ROOT": str(project)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1] and "failed" not in result.stdout.splitlines()[-1]
