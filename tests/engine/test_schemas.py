"""The committed JSON Schemas match the models, and every fixture data file points its editor at its schema (the
site's own data files: tests/site/test_data_files.py)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SITES
from plansite.schemas import schema_files
from schema_headers import wrong_schema_lines


def test_committed_schemas_are_up_to_date():
    folder = ROOT / "data/schemas"
    expected = schema_files()
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(expected), "run `make schemas`"
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name} is stale: run `make schemas`"


@pytest.mark.parametrize("shape", SITES.values(), ids=str)
def test_every_fixture_data_file_names_its_schema(shape):
    assert wrong_schema_lines(shape.content) == []


def test_report_schema_lists_the_fixed_statuses():
    schema = json.loads((ROOT / "data/schemas/report.schema.json").read_text(encoding="utf-8"))
    statuses = schema["$defs"]["TaskReport"]["properties"]["status"]["enum"]
    assert statuses == ["not-started", "in-progress", "done", "delayed"]
