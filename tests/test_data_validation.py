"""Every kind of data problem gives one clear `path:line:col: field: message` line, all in one run."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build
from plansite.problems import SourceError
from plansite.sitedata import load_site_data


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, name: str, needle: str) -> int:
    lines = (project / "data" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def problems(project: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_site_data(project)
    return [str(p) for p in caught.value.problems]


def test_the_published_data_is_valid(project):
    data = load_site_data(project)
    assert [g.number for g in data.plan.groups] == list(range(10))
    assert data.agency(data.plan.organisation.standing_agency).name("en").startswith("Department of Labour")


def test_missing_english_text_names_file_line_and_field(project):
    edit(project, "plan.yml", "      en: Activities to build a dynamic community.\n", "")
    line = line_of(project, "plan.yml", "Các hoạt động xây dựng một cộng đồng năng động.")
    [message] = problems(project)
    assert message.startswith(f"data/plan.yml:{line - 1}:5: groups[5].summary.en: thiếu bản tiếng Anh / missing English text")
    assert "add `en: ...`" in message


def test_missing_vietnamese_text(project):
    edit(project, "agencies.yml", "      vi: Sở LĐTBXH\n", "")
    [message] = problems(project)
    assert "agencies[1].short_name.vi: thiếu bản tiếng Việt / missing Vietnamese text" in message


def test_empty_text_is_refused(project):
    edit(project, "plan.yml", "      vi: Cộng đồng bền vững\n", '      vi: "  "\n')
    line = line_of(project, "plan.yml", 'vi: "  "')
    [message] = problems(project)
    assert message.startswith(f"data/plan.yml:{line}:7: groups[3].title.vi: không được để trống / must not be empty")


def test_unknown_field_is_refused(project):
    edit(project, "plan.yml", "horizon_year: 2025\n", "horizon_year: 2025\nhorizon_yaer: 2030\n")
    line = line_of(project, "plan.yml", "horizon_yaer")
    [message] = problems(project)
    assert message.startswith(f"data/plan.yml:{line}:1: horizon_yaer: trường không được hỗ trợ / unknown field 'horizon_yaer'")


def test_malformed_date(project):
    edit(project, "plan.yml", "  date: 2021-07-22", "  date: 22/7/2021")
    [message] = problems(project)
    assert "issued.date: ngày không hợp lệ / not a valid date" in message
    assert "YYYY-MM-DD" in message


def test_duplicate_key(project):
    edit(project, "plan.yml", "horizon_year: 2025\n", "horizon_year: 2025\nhorizon_year: 2030\n")
    line = line_of(project, "plan.yml", "horizon_year: 2030")
    [message] = problems(project)
    assert message.startswith(f"data/plan.yml:{line}:1: khóa bị lặp / duplicate key")


def test_yaml_syntax_error(project):
    edit(project, "ascc.yml", "  adopted_year: 2015", "  adopted_year: [2015")
    [message] = problems(project)
    assert message.startswith("data/ascc.yml:") and "YAML syntax error" in message


def test_tab_indentation(project):
    edit(project, "ascc.yml", "  adopted_year: 2015", "\tadopted_year: 2015")
    [message] = problems(project)
    assert "tab character found" in message and "indent with spaces" in message


@pytest.mark.parametrize("value", ["!!python/object/apply:os.system [echo]", "!custom x"])
def test_yaml_tags_are_refused(project, value):
    edit(project, "plan.yml", "horizon_year: 2025", f"horizon_year: {value}")
    [message] = problems(project)
    assert "horizon_year: thẻ YAML" in message and "is not allowed" in message


def test_aliases_are_refused(project):
    edit(project, "plan.yml", "funding:\n", "funding: &money\n")
    edit(project, "plan.yml", "organisation:\n", "again: *money\norganisation:\n")
    [message] = problems(project)
    assert "again: không dùng tham chiếu (&, *) / anchors and aliases are not allowed" in message


def test_invalid_utf8_and_byte_order_mark(project):
    path = project / "data" / "ascc.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a byte order mark is fine
    load_site_data(project)
    path.write_bytes(path.read_bytes() + b"\nnote: caf\xe9\n")
    [message] = problems(project)
    assert "not valid UTF-8" in message and "save the file as UTF-8" in message


def test_unknown_agency_lists_the_known_ones(project):
    edit(project, "plan.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    line = line_of(project, "plan.yml", "standing_agency: so-xyz")
    [message] = problems(project)
    assert message.startswith(f'data/plan.yml:{line}:3: organisation.standing_agency: không có cơ quan "so-xyz" / unknown agency "so-xyz"')
    assert "so-ldtbxh" in message and "ubnd-tinh" in message


def test_unknown_blueprint_characteristic(project):
    edit(project, "plan.yml", "blueprint: dynamic", "blueprint: dinamic")
    [message] = problems(project)
    assert 'groups[5].blueprint: không có đặc điểm "dinamic"' in message


def test_duplicate_group_id(project):
    edit(project, "plan.yml", "  - id: cong-dong-hoa-nhap", "  - id: cong-dong-gan-ket")
    reference, duplicate = problems(project)  # sorted by file
    assert "groups[2].id: id bị lặp / duplicate id: cong-dong-gan-ket" in duplicate
    # The renamed group is still named by the campaign's leaflet: reported in the same run.
    assert reference.startswith("data/campaigns.yml:") and 'unknown group "cong-dong-hoa-nhap"' in reference


def test_menu_page_missing_in_one_language(project):
    (project / "docs" / "en" / "huong-dan.md").unlink()
    [message] = problems(project)
    assert "data/site.yml:" in message and "huong-dan.md is missing in: docs/en/" in message


def test_every_problem_in_every_file_is_reported_at_once(project):
    edit(project, "plan.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    edit(project, "plan.yml", "blueprint: dynamic", "blueprint: dinamic")
    edit(project, "agencies.yml", "    kind: ministry", "    kind: minstry")
    edit(project, "site.yml", "  forge: github", "  forge: bitbucket")
    found = problems(project)
    # Model errors in two files first; cross-file checks run once the models are sound.
    assert len(found) == 2 and any("agencies.yml" in m for m in found) and any("site.yml" in m for m in found)
    edit(project, "agencies.yml", "    kind: minstry", "    kind: ministry")
    edit(project, "site.yml", "  forge: bitbucket", "  forge: github")
    assert len(problems(project)) == 2


def test_build_stops_with_the_message_and_no_traceback(project, tmp_path):
    edit(project, "plan.yml", "      en: Activities to build a dynamic community.\n", "")
    edit(project, "plan.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/plan.yml:" in result.stderr and "groups[5].summary" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_fact_in_a_page_names_its_line(project, tmp_path):
    page = project / "docs" / "en" / "huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nIssued on {{ plan.issue_date }}.\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("Issued on {{ plan.issue_date }}.") + 1
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/en/huong-dan.md:{line}:11: plan.issue_date: không có dữ liệu tên này / unknown fact 'plan.issue_date'" in result.stderr
    assert "plan.issued_date" in result.stderr and "Traceback" not in result.stderr
