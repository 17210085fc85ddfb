"""Every kind of data problem gives one clear `path:line:col: field: message` line, all in one run (on a copy of the
ended fixture site, and on each fixture site as it is)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SITES, run_build
from plansite.validate.problems import SourceError
from plansite.load.sitedata import load_site_data


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


def test_the_ended_fixture_has_the_shape_of_the_first_plan(project):
    data = load_site_data(project)
    # Communication and education leads, unnumbered; then the nine activity groups.
    assert [g.number for g in data.main.plan.groups] == [None, *range(1, 10)]
    assert data.agency(data.main.plan.organisation.standing_agency).name("en").startswith("Department of Labour")


def test_missing_english_text_names_file_line_and_field(project):
    edit(project, "plans/ascc-2025.yml", "      en: Open to new ideas, ready to try things and quick to adapt as life changes.\n", "")
    line = line_of(project, "plans/ascc-2025.yml", "Cởi mở với cái mới, dám nghĩ, dám làm và thích ứng nhanh khi cuộc sống thay đổi.")
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line - 1}:5: groups[5].summary.en: thiếu bản tiếng Anh / missing English text")
    assert "add `en: ...`" in message


def test_missing_vietnamese_text(project):
    edit(project, "agencies.yml", "      vi: Sở LĐTBXH\n", "")
    [message] = problems(project)
    assert "agencies[1].short_name.vi: thiếu bản tiếng Việt / missing Vietnamese text" in message


def test_empty_text_is_refused(project):
    edit(project, "plans/ascc-2025.yml", "      vi: Cộng đồng bền vững\n", '      vi: "  "\n')
    line = line_of(project, "plans/ascc-2025.yml", 'vi: "  "')
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line}:7: groups[3].title.vi: không được để trống / must not be empty")


def test_unknown_field_is_refused(project):
    edit(project, "plans/ascc-2025.yml", "\nperiod:\n", "\nperoid: 2030\nperiod:\n")
    line = line_of(project, "plans/ascc-2025.yml", "peroid")
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line}:1: peroid: trường không được hỗ trợ / unknown field 'peroid'")


def test_malformed_date(project):
    edit(project, "plans/ascc-2025.yml", "  date: 2021-07-22", "  date: 22/7/2021")
    [message] = problems(project)
    assert "issued.date: ngày không hợp lệ / not a valid date" in message
    assert "YYYY-MM-DD" in message


def test_duplicate_key(project):
    edit(project, "plans/ascc-2025.yml", "framework: ascc\n", "framework: ascc\nframework: other\n")
    line = line_of(project, "plans/ascc-2025.yml", "framework: other")
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line}:1: khóa bị lặp / duplicate key")


def test_yaml_syntax_error(project):
    edit(project, "frameworks/ascc.yml", "    value: 2015", "    value: [2015")
    [message] = problems(project)
    assert message.startswith("data/frameworks/ascc.yml:") and "YAML syntax error" in message


def test_tab_indentation(project):
    edit(project, "frameworks/ascc.yml", "    value: 2015", "\tvalue: 2015")
    [message] = problems(project)
    assert "tab character found" in message and "indent with spaces" in message


@pytest.mark.parametrize("value", ["!!python/object/apply:os.system [echo]", "!custom x"])
def test_yaml_tags_are_refused(project, value):
    edit(project, "plans/ascc-2025.yml", "framework: ascc", f"framework: {value}")
    [message] = problems(project)
    assert "framework: thẻ YAML" in message and "is not allowed" in message


def test_aliases_are_refused(project):
    edit(project, "plans/ascc-2025.yml", "funding:\n", "funding: &money\n")
    edit(project, "plans/ascc-2025.yml", "organisation:\n", "again: *money\norganisation:\n")
    line = line_of(project, "plans/ascc-2025.yml", "again: *money")
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line}:8: không dùng tham chiếu (&, *) / anchors and aliases are not allowed")


def test_billion_laughs_stops_at_its_first_alias(project, monkeypatch):
    """Nine levels of nine aliases would expand to 9**9 strings; nothing is built or walked."""
    from plansite.load import yamlsource

    laughs = 'lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
        f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]\n" for i in range(1, 10))
    (project / "data" / "frameworks" / "ascc.yml").write_text(laughs, encoding="utf-8")
    built, load = [], yamlsource.YAML.load
    monkeypatch.setattr(yamlsource.YAML, "load", lambda self, text: built.append(text) or load(self, text))
    [message] = problems(project)
    assert message.startswith("data/frameworks/ascc.yml:2:14: không dùng tham chiếu (&, *) / anchors and aliases are not allowed")
    assert laughs not in built  # refused from the event stream, before any tree was composed


def test_deep_nesting_is_refused_before_it_exhausts_the_stack(project):
    (project / "data" / "frameworks" / "ascc.yml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("data/frameworks/ascc.yml:1:") and "nested too deeply (more than 40 levels)" in message


def test_oversized_data_file_is_refused_unread(project):
    from plansite.load.yamlsource import MAX_BYTES

    (project / "data" / "frameworks" / "ascc.yml").write_text("# padding\n" * (MAX_BYTES // 10 + 1), encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("data/frameworks/ascc.yml:1:1: tệp quá lớn / the file is too large")


def test_invalid_utf8_and_byte_order_mark(project):
    path = project / "data" / "frameworks" / "ascc.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # a byte order mark is fine
    load_site_data(project)
    path.write_bytes(path.read_bytes() + b"\nnote: caf\xe9\n")
    [message] = problems(project)
    assert "not valid UTF-8" in message and "save the file as UTF-8" in message


def test_unknown_agency_lists_the_known_ones(project):
    edit(project, "plans/ascc-2025.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    line = line_of(project, "plans/ascc-2025.yml", "standing_agency: so-xyz")
    [message] = problems(project)
    assert message.startswith(f'data/plans/ascc-2025.yml:{line}:3: organisation.standing_agency: không có cơ quan "so-xyz" / unknown agency "so-xyz"')
    assert "so-ldtbxh" in message and "ubnd-tinh" in message


def test_unknown_framework_part(project):
    edit(project, "plans/ascc-2025.yml", "framework_part: dynamic", "framework_part: dinamic")
    [message] = problems(project)
    assert 'groups[5].framework_part: không có phần "dinamic" / unknown framework part "dinamic"' in message
    assert "engages-benefits" in message


def test_unknown_framework(project):
    edit(project, "plans/ascc-2025.yml", "framework: ascc", "framework: asean")
    [message] = problems(project)
    assert 'framework: không có khung "asean" / unknown framework "asean"' in message


def test_plan_id_must_match_its_file_name(project):
    edit(project, "plans/ascc-2025.yml", "id: ascc-2025", "id: ascc-2030")
    found = problems(project)
    assert any("id: mã ascc-2030 khác tên tệp / the id ascc-2030 differs from the file name ascc-2025" in m for m in found)


def test_duplicate_group_id(project):
    edit(project, "plans/ascc-2025.yml", "  - id: cong-dong-hoa-nhap", "  - id: cong-dong-gan-ket")
    reference, duplicate = problems(project)  # sorted by file
    assert "groups[2].id: id bị lặp / duplicate id: cong-dong-gan-ket" in duplicate
    # The renamed group is still named by the campaign's leaflet: reported in the same run.
    assert reference.startswith("data/campaigns.yml:") and 'unknown group "cong-dong-hoa-nhap"' in reference


def test_menu_page_missing_in_one_language(project):
    (project / "docs" / "en" / "huong-dan.md").unlink()
    [message] = problems(project)
    assert "data/site.yml:" in message and "huong-dan.md is missing in: docs/en/" in message


def test_every_problem_in_every_file_is_reported_at_once(project):
    edit(project, "plans/ascc-2025.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    edit(project, "plans/ascc-2025.yml", "framework_part: dynamic", "framework_part: dinamic")
    edit(project, "agencies.yml", "    kind: ministry", "    kind: minstry")
    edit(project, "site.yml", "  forge: github", "  forge: bitbucket")
    found = problems(project)
    # Model errors in two files first; cross-file checks run once the models are sound.
    assert len(found) == 2 and any("agencies.yml" in m for m in found) and any("site.yml" in m for m in found)
    edit(project, "agencies.yml", "    kind: minstry", "    kind: ministry")
    edit(project, "site.yml", "  forge: bitbucket", "  forge: github")
    assert len(problems(project)) == 2


def test_build_stops_with_the_message_and_no_traceback(project, tmp_path):
    edit(project, "plans/ascc-2025.yml", "      en: Open to new ideas, ready to try things and quick to adapt as life changes.\n", "")
    edit(project, "plans/ascc-2025.yml", "  standing_agency: so-ldtbxh", "  standing_agency: so-xyz")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/plans/ascc-2025.yml:" in result.stderr and "groups[5].summary" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_fact_in_a_page_names_its_line(project, tmp_path):
    page = project / "docs" / "en" / "huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nIssued on {{ plan.issue_date }}.\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("Issued on {{ plan.issue_date }}.") + 1
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert f"docs/en/huong-dan.md:{line}:11: plan.issue_date: không có dữ liệu tên này / unknown fact 'plan.issue_date'" in result.stderr
    assert "plan.issued_date" in result.stderr and "Traceback" not in result.stderr


# ---- the tracker: tasks, agencies' successors, progress reports

def add_report(project: Path, text: str, name: str = "ascc-2025-2022-07-10.yml") -> Path:
    path = project / "data" / "reports" / name
    path.write_text(text, encoding="utf-8")
    return path


REPORT = """\
# yaml-language-server: $schema=../schemas/report.schema.json
plan: ascc-2025
date: 2022-07-10
agency: so-ldtbxh
period:
  start: 2022-01-01
  end: 2022-06-30
tasks:
  - task: ke-hoach-cua-nganh-cap
    status: in-progress
"""


@pytest.mark.parametrize("shape", SITES.values(), ids=str)
def test_every_fixture_site_is_valid(shape):
    data = load_site_data(shape.content)  # raises SourceError, listing every problem, otherwise
    assert data.plans and data.agencies


def test_unknown_lead_agency_of_a_task(project):
    # A task may name a lead of its own (the published plan's tasks do not); an unknown one is refused.
    edit(project, "plans/ascc-2025.yml", "    deadline: 2021-12-31\n", "    deadline: 2021-12-31\n    lead: so-ldtbhx\n")
    line = line_of(project, "plans/ascc-2025.yml", "lead: so-ldtbhx")
    [message] = problems(project)
    assert message.startswith(f'data/plans/ascc-2025.yml:{line}:5: common_tasks[0].lead: không có cơ quan "so-ldtbhx" / unknown agency "so-ldtbhx"')


def test_unknown_partner_agency_of_a_task(project):
    edit(project, "plans/ascc-2025.yml", "    deadline: 2021-12-31\n", "    deadline: 2021-12-31\n    partners: [mttq-tinh, doan-the]\n")
    [message] = problems(project)
    assert 'common_tasks[0].partners[1]: không có cơ quan "doan-the" / unknown agency "doan-the"' in message


def test_unknown_agency_asked_to_coordinate(project):
    edit(project, "plans/ascc-2025.yml", "    - agencies: [mttq-tinh, doan-the-tinh]", "    - agencies: [mttq-tinh, doan-the]")
    line = line_of(project, "plans/ascc-2025.yml", "agencies: [mttq-tinh, doan-the]")
    [message] = problems(project)
    assert message.startswith(f'data/plans/ascc-2025.yml:{line}:')
    assert 'organisation.coordination[0].agencies[1]: không có cơ quan "doan-the" / unknown agency "doan-the"' in message


def test_duplicate_task_id_across_groups(project):
    # A task no fixture report names, so that only the duplicate is reported.
    edit(project, "plans/ascc-2025.yml", "      - id: hoat-dong-van-hoa-du-lich", "      - id: hoat-dong-cong-dong-gan-ket")
    line = line_of(project, "plans/ascc-2025.yml", "- id: hoat-dong-cong-dong-gan-ket")  # the first stays valid
    lines = (project / "data/plans/ascc-2025.yml").read_text(encoding="utf-8").splitlines()
    second = next(i for i, text in enumerate(lines, 1) if i > line and "- id: hoat-dong-cong-dong-gan-ket" in text)
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{second}:9: groups[7].tasks[0].id: id bị lặp / duplicate id: hoat-dong-cong-dong-gan-ket")


def test_deadline_outside_the_plan_period(project):
    edit(project, "plans/ascc-2025.yml", "    deadline: 2021-12-31", "    deadline: 2026-03-31")
    line = line_of(project, "plans/ascc-2025.yml", "deadline: 2026-03-31")
    [message] = problems(project)
    assert message.startswith(f"data/plans/ascc-2025.yml:{line}:5: common_tasks[0].deadline: 2026-03-31 nằm ngoài thời gian của Kế hoạch "
                              "/ 2026-03-31 is outside the plan period (2021-07-22 – 2025-12-31)")


def test_deadline_year_before_the_plan(project):
    edit(project, "plans/ascc-2025.yml", "        deadline: 2025\n  - id: cong-dong-gan-ket", "        deadline: 2020\n  - id: cong-dong-gan-ket")
    [message] = problems(project)
    assert "groups[0].tasks[0].deadline: 2020 nằm ngoài thời gian của Kế hoạch" in message


def test_report_for_an_unknown_task(project):
    add_report(project, REPORT.replace("task: ke-hoach-cua-nganh-cap", "task: ke-hoach-nganh"))
    [message] = problems(project)
    assert message.startswith('data/reports/ascc-2025-2022-07-10.yml:9:5: tasks[0].task: không có nhiệm vụ "ke-hoach-nganh" / unknown task "ke-hoach-nganh"')
    assert "ke-hoach-cua-nganh-cap" in message


def test_report_with_an_unknown_status(project):
    add_report(project, REPORT.replace("status: in-progress", "status: xong"))
    [message] = problems(project)
    assert message.startswith("data/reports/ascc-2025-2022-07-10.yml:10:5: tasks[0].status: giá trị không hợp lệ / not an allowed value: 'xong'")
    assert "'not-started', 'in-progress', 'done' or 'delayed'" in message


def test_report_by_an_unknown_agency_and_a_task_twice(project):
    add_report(project, REPORT.replace("agency: so-ldtbxh", "agency: so-x") + "  - task: ke-hoach-cua-nganh-cap\n    status: done\n")
    found = problems(project)
    assert found[0].startswith('data/reports/ascc-2025-2022-07-10.yml:4:1: agency: không có cơ quan "so-x" / unknown agency "so-x"')
    assert found[1].startswith("data/reports/ascc-2025-2022-07-10.yml:11:5: tasks[1].task: task bị lặp / duplicate task: ke-hoach-cua-nganh-cap")


def test_report_dated_before_the_plan(project):
    add_report(project, REPORT.replace("date: 2022-07-10", "date: 2020-07-10"))
    [message] = problems(project)
    assert message.startswith("data/reports/ascc-2025-2022-07-10.yml:3:1: date: báo cáo trước ngày ban hành Kế hoạch")


def test_successor_cycle(project):
    edit(project, "agencies.yml", "      agency: bo-noi-vu\n", "      agency: so-ldtbxh\n")
    edit(project, "agencies.yml", "    successor:\n      date: 2025\n", "    successor:\n      agency: bo-ldtbxh\n      date: 2025\n")
    first = line_of(project, "agencies.yml", "agency: bo-ldtbxh")
    found = problems(project)
    assert len(found) == 2
    assert found[0].startswith(f"data/agencies.yml:{first}:7: agencies[1].successor.agency: cơ quan kế nhiệm tạo thành vòng lặp "
                               "/ successor cycle: so-ldtbxh → bo-ldtbxh → so-ldtbxh")


def test_unknown_successor(project):
    edit(project, "agencies.yml", "      agency: bo-noi-vu\n", "      agency: bo-noi-vu-moi\n")
    [message] = problems(project)
    assert 'agencies[2].successor.agency: không có cơ quan "bo-noi-vu-moi" / unknown agency "bo-noi-vu-moi"' in message


def test_report_for_an_unknown_plan(project):
    add_report(project, REPORT.replace("plan: ascc-2025", "plan: ke-hoach-khac"))
    [message] = problems(project)
    assert message.startswith('data/reports/ascc-2025-2022-07-10.yml:2:1: plan: không có kế hoạch "ke-hoach-khac" / unknown plan "ke-hoach-khac"')


def test_report_problems_stop_the_build_without_a_traceback(project, tmp_path):
    add_report(project, REPORT.replace("status: in-progress", "status: finished"))
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "data/reports/ascc-2025-2022-07-10.yml:10:5: tasks[0].status" in result.stderr and "Traceback" not in result.stderr
