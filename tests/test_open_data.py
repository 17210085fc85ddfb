"""/data/plan.json and the tasks CSV of each language, parsed back and compared with the YAML."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from ruamel.yaml import YAML

from conftest import ROOT
from test_tracker import FIXTURES, expected_statuses


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


def yaml_tasks() -> list[tuple[dict | None, dict]]:
    plan = plain(ROOT / "data/plans/ascc-2025.yml")
    return [(None, t) for t in plan["common_tasks"]] + [(g, t) for g in plan["groups"] for t in g["tasks"]]


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_plan_json_holds_the_yaml(site):
    exported = json.loads((site / "data/plan.json").read_text(encoding="utf-8"))
    plan, agencies = plain(ROOT / "data/plans/ascc-2025.yml"), plain(ROOT / "data/agencies.yml")["agencies"]
    assert_holds(exported["agencies"], agencies)
    [exported_plan] = exported["plans"]
    # The export's milestones are the plan's own dates and the later ones written in the YAML, in date order.
    later = plan.pop("milestones", [])
    assert_holds(exported_plan, plan)
    assert all(as_json(m) in exported_plan["milestones"] for m in later)
    assert_holds(exported["frameworks"], [plain(ROOT / "data/frameworks/ascc.yml")])
    assert {p["task"]: p["status"] for p in exported_plan["progress"]} == expected_statuses([])
    own = [plan["legal_basis"]["date"], plan["issued"]["date"], plan["objectives_deadline"], plan["period"]["end"]]
    assert [m["date"] for m in exported_plan["milestones"]] == sorted(as_json([*own, *(m["date"] for m in later)]))
    assert exported["reports"] == [] and exported["licence"] == {"name": "", "url": ""}


def test_plan_json_is_one_file_at_the_root(site):
    assert (site / "data/plan.json").is_file() and not (site / "en/data/plan.json").exists()


def test_tasks_csv_in_each_language_holds_the_yaml(site):
    for prefix, language in (("", "vi"), ("en/", "en")):
        rows = read_csv(site / prefix / "data/tasks.csv")
        tasks = yaml_tasks()
        assert [r["id"] for r in rows] == [t["id"] for _, t in tasks]
        for row, (group, task) in zip(rows, tasks):
            assert row["title"] == task["title"][language]
            assert row["lead"] == task.get("lead", "") and row["partners"] == ";".join(task.get("partners", []))
            assert row["deadline"] == str(as_json(task.get("deadline", "")))
            assert row["group_id"] == (group["id"] if group else "")
            assert row["group_number"] == (str(group["number"]) if group and "number" in group else "")
            assert row["plan"] == "ascc-2025"
            assert row["status"] == "no-report" and row["last_report"] == ""
            assert row["url"] == f"http://127.0.0.1:8000/{prefix}theo-doi/nhiem-vu/#{task['id']}"
        agencies = {a["id"]: a for a in plain(ROOT / "data/agencies.yml")["agencies"]}
        # The source names no lead per task (the standing agency leads the whole plan): the columns stay empty.
        assert all(row["lead"] == row["lead_name"] == "" for row in rows)
        assert agencies  # the plan's bodies are in plan.json's agencies instead


def test_open_data_page_lists_every_csv_column_and_links_the_files(site):
    columns = next(csv.reader(io.StringIO((site / "data/tasks.csv").read_text(encoding="utf-8-sig"))))
    for prefix in ("", "en/"):
        page = site / prefix / "theo-doi/du-lieu-mo/index.html"
        html = page.read_text(encoding="utf-8")
        for column in columns:
            assert f"<code>{column}</code>" in html
        for link in ('href="../../data/plan.json"', 'href="../../data/tasks.csv"', 'href="../../en/data/tasks.csv"') \
                if not prefix else ('href="../../../data/plan.json"', 'href="../../data/tasks.csv"', 'href="../../../data/tasks.csv"'):
            assert link in html
    assert "says nothing yet about the right to reuse them" in (site / "en/theo-doi/du-lieu-mo/index.html").read_text()


def test_fixture_reports_reach_the_json_and_csv(populated_site):
    expected = expected_statuses(sorted(FIXTURES.glob("*.yml")))
    exported = json.loads((populated_site / "data/plan.json").read_text(encoding="utf-8"))
    assert {p["task"]: p["status"] for p in exported["plans"][0]["progress"]} == expected
    assert [r["file"] for r in exported["reports"]] == [f"data/reports/{p.name}" for p in sorted(FIXTURES.glob("*.yml"))]
    for out, path in zip(exported["reports"], sorted(FIXTURES.glob("*.yml")), strict=True):
        assert_holds(out, plain(path))
    rows = read_csv(populated_site / "en/data/tasks.csv")
    assert {r["id"]: r["status"] for r in rows} == expected
    assert next(r for r in rows if r["id"] == "ke-hoach-cua-nganh-cap")["last_report"] == "2023-01-15"
