"""The poisoning of tests/site/test_hostile_data.py reaches texts in both languages and plain strings alike, deep
in lists, and the optional texts the data leaves empty (on a copy of the ended fixture site, whose files hold
every kind of field)."""
from __future__ import annotations

from hostile import poisoned_files


def test_every_text_field_is_poisoned_however_deep(project):
    fields = poisoned_files(project)
    assert ".groups[1].tasks[0].title.en" in fields["data/plans/ascc-2025.yml"]
    assert ".legal_basis.number" in fields["data/plans/ascc-2025.yml"]
    assert ".campaigns[0].materials[0].title.vi" in fields["data/campaigns.yml"]
    assert ".authors[0].name.vi" in fields["data/authors.yml"]
    assert ".tasks[1].indicators[0].source.en" in fields["data/reports/ascc-2025-2022-07-10.yml"]
    # Optional texts left empty in the data are filled in too.
    assert ".agencies[0].contact.vi" in fields["data/agencies.yml"]
    assert ".groups[1].tasks[0].description.en" in fields["data/plans/ascc-2025.yml"]


def test_a_project_without_a_report_gets_one_to_poison(project):
    for report in (project / "data/reports").glob("*.yml"):
        report.unlink()
    fields = poisoned_files(project)
    [report] = [name for name in fields if name.startswith("data/reports/")]
    assert report == "data/reports/ascc-2025-2021-07-22.yml"
    assert ".tasks[0].indicators[0].source.en" in fields[report] and ".tasks[0].note.vi" in fields[report]
