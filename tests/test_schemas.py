"""The committed JSON Schemas match the models, and every data file points its editor at its schema."""
from __future__ import annotations

import json

from conftest import ROOT
from plansite.model import DATA_FILES, DATA_FOLDERS
from plansite.schemas import schema_files, schema_name


def test_committed_schemas_are_up_to_date():
    folder = ROOT / "data/schemas"
    expected = schema_files()
    assert sorted(p.name for p in folder.glob("*.schema.json")) == sorted(expected), "run `make schemas`"
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name} is stale: run `make schemas`"


def test_every_data_file_names_its_schema():
    for name in DATA_FILES:
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name.replace('.yml', '.schema.json')}"
    for folder in DATA_FOLDERS:
        for path in (ROOT / "data" / folder).glob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{schema_name(folder)}", path
    template = (ROOT / "data/reports/README.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../schemas/report.schema.json" in template


def test_report_schema_lists_the_fixed_statuses():
    schema = json.loads((ROOT / "data/schemas/report.schema.json").read_text(encoding="utf-8"))
    statuses = schema["$defs"]["TaskReport"]["properties"]["status"]["enum"]
    assert statuses == ["not-started", "in-progress", "done", "delayed"]
