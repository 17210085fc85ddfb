"""/data/plan.json and the tasks CSV of the ended fixture site, parsed back and compared with its YAML: the
reports reach both, the milestones, and no lead where the source names none."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ruamel.yaml import YAML

from conftest import ENDED
from test_tracker import FIXTURES, expected_statuses


def plain(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_fixture_reports_reach_the_json_and_csv(ended_site):
    expected = expected_statuses(sorted(FIXTURES.glob("*.yml")))
    exported = json.loads((ended_site / "data/plan.json").read_text(encoding="utf-8"))
    assert {p["task"]: p["status"] for p in exported["plans"][0]["progress"]} == expected
    assert [r["file"] for r in exported["reports"]] == [f"data/reports/{p.name}" for p in sorted(FIXTURES.glob("*.yml"))]
    for out, path in zip(exported["reports"], sorted(FIXTURES.glob("*.yml")), strict=True):
        assert out["date"] == plain(path)["date"].isoformat() and out["agency"] == plain(path)["agency"]
    rows = read_csv(ended_site / "en/data/tasks.csv")
    assert {r["id"]: r["status"] for r in rows} == expected
    assert next(r for r in rows if r["id"] == "ke-hoach-cua-nganh-cap")["last_report"] == "2023-01-15"
    # The source names no lead per task (the standing agency leads the whole plan): the columns stay empty.
    assert all(row["lead"] == row["lead_name"] == "" for row in rows)


def test_milestones_are_the_plans_dates_in_order(ended_site):
    exported = json.loads((ended_site / "data/plan.json").read_text(encoding="utf-8"))
    [plan] = exported["plans"]
    assert [m["date"] for m in plan["milestones"]] == ["2016-01-25", "2021-07-22", "2021-12-31", "2025-12-31"]
    assert plan["id"] == "ascc-2025" and ENDED.site_url and exported["licence"] == {"name": "", "url": ""}
