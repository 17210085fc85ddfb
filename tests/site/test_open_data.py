"""/data/plan.json and the tasks CSV of each language, parsed back and compared with the site's YAML: every plan,
agency, framework and report, each task's status worked out from the reports, and the open-data page that
documents them."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
from pathlib import Path

from ruamel.yaml import YAML

from conftest import LOCAL_URL, SITE_ROOT
from plansite.render.catalogue import text as catalogue_text
from plansite.render.paths import OPEN_DATA, page_url
from site_content import LANGUAGES, SITE_DATA, expected_statuses, paths


def plain(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def as_json(value):
    """A YAML value as JSON writes it: dates in ISO form."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def assert_holds(exported, written, where: str = ""):
    """Everything written in the YAML is in the export unchanged (the export adds the defaults)."""
    if isinstance(written, dict):
        for key, value in written.items():
            assert_holds(exported[key], value, f"{where}.{key}")
    elif isinstance(written, list):
        assert len(exported) == len(written), where
        for index, (out, value) in enumerate(zip(exported, written)):
            assert_holds(out, value, f"{where}[{index}]")
    else:
        assert exported == as_json(written), where


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_plan_json_holds_the_yaml(site):
    exported = json.loads((site / "data/plan.json").read_text(encoding="utf-8"))
    assert_holds(exported["agencies"], plain(SITE_ROOT / "data/agencies.yml")["agencies"])
    assert [p["id"] for p in exported["plans"]] == list(SITE_DATA.plans)  # the main plan first
    for out in exported["plans"]:
        written = plain(SITE_ROOT / f"data/plans/{out['id']}.yml")
        # The export's milestones are every date of the plan, the written ones among them.
        later = written.pop("milestones", [])
        assert_holds(out, written)
        assert all(as_json(m) in [{k: v for k, v in e.items() if k in m} for e in out["milestones"]] for m in later)
        statuses = expected_statuses(SITE_DATA.scope(out["id"]))
        assert {p["task"]: p["status"] for p in out["progress"]} == statuses
    frameworks = {f["id"]: f for f in exported["frameworks"]}
    for path in sorted((SITE_ROOT / "data/frameworks").glob("*.yml")):
        assert_holds(frameworks[path.stem], plain(path))
    reports = {r["file"]: r for r in exported["reports"]}
    assert sorted(reports) == sorted(f"data/reports/{p.name}" for p in (SITE_ROOT / "data/reports").glob("*.yml"))
    for file, out in reports.items():
        assert_holds(out, plain(SITE_ROOT / file))
    assert_holds(exported["licence"], plain(SITE_ROOT / "data/site.yml").get("open_data_licence", {}))


def test_plan_json_is_one_file_at_the_root(site):
    assert (site / "data/plan.json").is_file() and not (site / "en/data/plan.json").exists()


def test_tasks_csv_in_each_language_holds_the_yaml(site):
    for language, prefix in LANGUAGES.items():
        rows = read_csv(site / prefix / "data/tasks.csv")
        expected = [(scope, group, task) for scope in SITE_DATA.scopes() for group, task in scope.tasks()]
        assert [(r["plan"], r["id"]) for r in rows] == [(scope.plan.id, task.id) for scope, _, task in expected]
        for row, (scope, group, task) in zip(rows, expected):
            assert row["title"] == task.title(language)
            assert row["lead"] == (task.lead or "") and row["partners"] == ";".join(task.partners)
            assert row["lead_name"] == (scope.agency(task.lead).name(language) if task.lead else "")
            deadline = task.deadline.isoformat() if isinstance(task.deadline, dt.date) else str(task.deadline or "")
            assert row["deadline"] == deadline
            assert row["group_id"] == (group.id if group else "")
            assert row["group_number"] == (str(group.number) if group and group.number is not None else "")
            assert row["status"] == expected_statuses(scope)[task.id]
            dates = [r.date for r in scope.reports.values() if any(e.task == task.id for e in r.tasks)]
            assert row["last_report"] == (max(dates).isoformat() if dates else "")
            assert row["url"] == f"{LOCAL_URL}{prefix}{page_url(paths(scope).tasks)}#{task.id}"


def test_open_data_page_lists_every_csv_column_and_links_the_files(site):
    columns = next(csv.reader(io.StringIO((site / "data/tasks.csv").read_text(encoding="utf-8-sig"))))
    page_dir = page_url(OPEN_DATA)
    for language, prefix in LANGUAGES.items():
        html = (site / prefix / page_dir / "index.html").read_text(encoding="utf-8")
        for column in columns:
            assert f"<code>{column}</code>" in html
        for target in ("data/plan.json", f"{prefix}data/tasks.csv", f"{'' if prefix else 'en/'}data/tasks.csv"):
            assert f'href="{posixpath.relpath(target, prefix + page_dir)}"' in html, target
        if not SITE_DATA.site.open_data_licence.name:
            unset = " ".join(catalogue_text(language, "open_data.licence_unset").split())
            assert unset.split("`")[0].strip() in " ".join(html.split()), language
