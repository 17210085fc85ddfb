"""`make article` leaves the authors and categories to the writer: it lists the choices (every author, every
plan's groups) in comments, and `make check` names each field while it is empty, with the same choices."""
from __future__ import annotations

import datetime as dt

from plansite.check.checks import run_checks
from plansite.new_article import create_article, main
from starter_sites import MADE, second_plan, site  # noqa: F401 (site: a fixture)

TITLE = "Hội nghị triển khai Kế hoạch"


def test_the_choices_are_listed_and_the_fields_left_for_the_writer(site):
    second_plan(site)
    with (site / "data/authors.yml").open("a", encoding="utf-8") as authors:
        authors.write("  - id: phong-vien\n    name: {vi: Phóng viên, en: Reporter}\n"
                      "    description: {vi: Tác giả, en: Author}\n    avatar: assets/images/authors/editors.svg\n")
    vi, en = create_article(site, TITLE, MADE)
    text = vi.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert "authors: []\n" in front and "categories: []\n" in front
    comments = [line for line in front.splitlines() if line.startswith("#")]
    assert "#   ban-bien-tap: Ban biên tập trang" in comments and "#   phong-vien: Phóng viên" in comments
    # Every plan's groups, under the plan they belong to.
    assert "#   Kế hoạch (ke-hoach):" in comments and "#   Kế hoạch (ke-hoach-hai):" in comments
    assert "#     nhom-1: Tên nhóm nhiệm vụ thứ nhất" in comments and "#     nhom-mot: Tên nhóm nhiệm vụ thứ nhất" in comments
    # The English file speaks English in its comments, and lists the same ids.
    english = en.read_text(encoding="utf-8").split("---\n")[1]
    assert "#   ban-bien-tap: Site editors" in english and "#     nhom-mot: The first group's title" in english
    assert "Authors: one or more" in english


def test_make_check_names_the_empty_fields_with_the_choices(site):
    vi, en = create_article(site, TITLE, MADE)
    _, found = run_checks(site)
    messages = [str(p) for p in found]
    name = vi.relative_to(site).as_posix()
    authors_line = vi.read_text(encoding="utf-8").splitlines().index("authors: []") + 1
    assert f"{name}:{authors_line}:1: authors: chưa chọn tác giả / no author chosen\n    → ghi vào ngoặc vuông một " \
           "hoặc nhiều mã trong data/authors.yml / write one or more ids from data/authors.yml in the brackets: " \
           "ban-bien-tap" in messages
    assert any(m.startswith(f"{name}:") and "categories: chưa chọn chuyên mục / no category chosen" in m
               and m.endswith(": nhom-1") for m in messages)
    assert sorted((p.path, p.field) for p in found) == sorted(  # both fields of both files, nothing else
        (path.relative_to(site).as_posix(), field) for path in (vi, en) for field in ("authors", "categories"))
    for path in (vi, en):
        path.write_text(path.read_text(encoding="utf-8").replace("authors: []", "authors: [ban-bien-tap]")
                        .replace("categories: []", "categories: [nhom-1]"), encoding="utf-8")
    assert run_checks(site)[1] == []


def test_make_article_prints_what_to_do_in_each_language(site, monkeypatch, capsys):
    monkeypatch.chdir(site)
    assert main([TITLE]) == 0
    out = capsys.readouterr().out
    assert "Việc cần làm:" in out and "What to fill in:" in out
    assert "chọn authors và categories" in out and "choose authors and categories" in out
    assert main([TITLE]) == 1  # never overwrites
    assert "bài đã có / already exists" in capsys.readouterr().err
    assert main([]) == 2


def test_a_group_title_over_two_lines_stays_inside_its_comment(site):
    path = site / "data/plans/ke-hoach.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      vi: Tên nhóm nhiệm vụ thứ nhất\n", "      vi: |-\n        Tên nhóm\n        authors: [ban-bien-tap]\n"),
        encoding="utf-8")
    vi, _ = create_article(site, TITLE, MADE)
    assert "#     nhom-1: Tên nhóm authors: [ban-bien-tap]" in vi.read_text(encoding="utf-8")
    assert [p.field for p in run_checks(site)[1] if p.path == vi.relative_to(site).as_posix()] == ["authors", "categories"]
