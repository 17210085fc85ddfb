"""`make check`: each kind of bad input gives one `path:line:col:` message in Vietnamese and English (on a copy of
the ended fixture site)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from plansite.check.checks import SIZE_LIMITS, run_checks


def append(project: Path, page: str, text: str) -> int:
    """Add text at the end of a page; return the line it starts on."""
    path = project / "docs" / page
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 2


def messages(project: Path) -> list[str]:
    return [str(p) for p in run_checks(project)[1]]


def one_message(project: Path) -> str:
    found = messages(project)
    assert len(found) == 1, found
    return found[0]


def test_the_fixture_sources_pass(project):
    assert messages(project) == []


def test_command_line_lists_every_problem_and_fails(project):
    append(project, "vi/huong-dan.md", "[a](khong-co.md) <script>x</script>")
    english = project / "docs/en/huong-dan.md"
    english.write_text(english.read_text(encoding="utf-8").replace("description:", "descripton:"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "plansite.check", str(project)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "4 lỗi / problem(s)" in result.stdout and "Traceback" not in result.stderr
    assert result.stdout.startswith("docs/en/huong-dan.md:2:1: description: thiếu trường bắt buộc")
    assert "docs/vi/huong-dan.md:" in result.stdout and "khong-co.md" in result.stdout and "<script>" in result.stdout


@pytest.mark.parametrize("language", ["vi", "en"])
def test_link_to_a_missing_page(project, language):
    line = append(project, f"{language}/huong-dan.md", "Xem [trang này](ke-hoach/khong-co.md).")
    assert one_message(project) == (
        f"docs/{language}/huong-dan.md:{line}:17: href: không có trang / no such page: ke-hoach/khong-co.md "
        f"(docs/{language}/ke-hoach/khong-co.md)\n"
        "    → sửa đường dẫn, tính từ thư mục của trang này / fix the path, relative to this page's folder")


def test_a_link_is_checked_where_a_browser_sees_one(project):
    """Python's html.parser reads `<!-->…-->` as one comment; a browser reads an empty comment, then a live
    link: the links are read with the browser's parser too (the comment is refused by the HTML check)."""
    line = append(project, "vi/huong-dan.md", '<!--><a href="ke-hoach/khong-co.md">x</a>-->')
    found = messages(project)
    assert [m for m in found if m.startswith(f"docs/vi/huong-dan.md:{line}:15: href: không có trang / no such page: "
                                             "ke-hoach/khong-co.md")], found


def test_link_to_a_missing_heading_lists_the_anchors(project):
    line = append(project, "en/huong-dan.md", "See [progress](ke-hoach/cong-dong-gan-ket.md#news-on-this-grou).")
    message = one_message(project)
    assert message.startswith(f"docs/en/huong-dan.md:{line}:16: href: không có mục #news-on-this-grou trong trang ke-hoach/cong-dong-gan-ket.md / "
                              "no heading #news-on-this-grou in ke-hoach/cong-dong-gan-ket.md")
    assert "news-on-this-group" in message.splitlines()[1]


def test_anchors_follow_the_sites_slugs_and_facts(project):
    # Vietnamese headings fold to ASCII (đ -> d, where Markdown's own slugs drop it); a heading made
    # from a fact gets the fact's text.
    append(project, "vi/huong-dan.md", "[a](#doi-ngon-ngu) [b](index.md#muc-tieu-den-ngay-31-12-2021) [c](#oi-ngon-ngu)")
    message = one_message(project)
    assert "no heading #oi-ngon-ngu in huong-dan.md" in message and "doi-ngon-ngu" in message


def test_link_to_a_folder_or_outside_the_docs(project):
    line = append(project, "vi/huong-dan.md", "[a](ke-hoach/) [b](../../mkdocs.yml)")
    first, second = messages(project)
    assert first.startswith(f"docs/vi/huong-dan.md:{line}:5: href: không tìm thấy tệp / file not found: ke-hoach/")
    assert "ke-hoach/index.md" in first
    assert second.startswith(f"docs/vi/huong-dan.md:{line}:20: href: liên kết ra ngoài thư mục trang / "
                             "link leaves the docs folder: ../../mkdocs.yml")


def test_missing_image_and_image_without_alt_text(project):
    line = append(project, "en/index.md", "![](assets/images/logo.svg) ![Map](assets/images/map.png)")
    first, second = messages(project)
    assert first.startswith(f"docs/en/index.md:{line}:5: ảnh thiếu mô tả (alt) / image has no alt text: assets/images/logo.svg")
    assert second.startswith(f"docs/en/index.md:{line}:36: src: không tìm thấy tệp / file not found: assets/images/map.png")


@pytest.mark.parametrize("html,column,message", [
    ("<script>alert(1)</script>", 1, "thẻ <script> không được phép / the <script> tag is not allowed"),
    ('<iframe src="https://example.org/"></iframe>', 1, "the <iframe> tag is not allowed"),
    ('<object data="x.swf"></object>', 1, "the <object> tag is not allowed"),
    ('<p onclick="steal()">Hi</p>', 4, "event-handler attribute onclick is not allowed"),
    ('<img src="assets/images/logo.svg" alt="Logo" onerror="x()">', 46, "event-handler attribute onerror is not allowed"),
    ("[Click](javascript:alert(1))", 9, "javascript: addresses are not allowed: javascript:alert(1)"),
    ('<a href=" JavaScript:alert(1)">x</a>', 10, "javascript: addresses are not allowed"),
    ("![Pixel](data:image/png;base64,iVBORw0KGgo=)", 10, "data: addresses are not allowed: data:image/png"),
    ('<div style="position: fixed; top: 0">x</div>', 6, "style not allowed: position, top (only text-align, width)"),
    ("<form action=\"https://example.org/\"><input name=x></form>", 1, "the <form> tag is not allowed"),
])
def test_unsafe_html_is_refused_with_its_line(project, html, column, message):
    line = append(project, "vi/huong-dan.md", html)
    found = [m for m in messages(project) if message in m]
    assert found and found[0].startswith(f"docs/vi/huong-dan.md:{line}:{column}: "), messages(project)


def test_allowed_html_and_markdown_pass(project):
    append(project, "vi/huong-dan.md", '<div class="grid" markdown>\n\n**Đậm** [liên kết](index.md)\n\n</div>\n\n'
           "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n<details><summary>Thêm</summary>Nội dung</details>\n\n"
           '<abbr title="Cộng đồng Văn hóa - Xã hội ASEAN">ASCC</abbr> ++ctrl+k++ [thư](mailto:a@example.org)\n\n'
           "`<script>` trong mã là chữ / in code it is text")
    assert messages(project) == []


@pytest.mark.parametrize("front,message", [
    ("descripton: x", "descripton: trường 'descripton' không được hỗ trợ / unknown field 'descripton'"),
    ("title: x", "description: thiếu trường bắt buộc / required field is missing"),
    ("description: x\ndescription: y", "khóa bị lặp / duplicate key"),
    ("description: !!python/object/apply:os.system [ls]", "description: thẻ YAML 'tag:yaml.org,2002:python/object/apply:os.system' không được phép"),
    ("description: x\nhide: [menu]", "hide[0]: giá trị không hợp lệ / not an allowed value: 'menu'"),
    ("description: x\nsource: ../../etc/passwd", "source: đường dẫn phải nằm trong kho / the path must stay inside the repository"),
    ("description: x\nsource: data/khong-co.yml", "source: không có tệp data/khong-co.yml / file data/khong-co.yml does not exist"),
    ("description: x\ntemplate: khong-co.html", "template: không có khuôn trang khong-co.html / no template khong-co.html"),
    ("description: x\ntranslated: partial", "translated: giá trị không hợp lệ / invalid value: Input should be a valid boolean"),
])
def test_front_matter_is_checked(project, front, message):
    page = project / "docs/en/huong-dan.md"
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    page.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    [found] = [m for m in messages(project) if message in m]
    assert found.startswith("docs/en/huong-dan.md:"), found
    assert 2 <= int(found.split(":")[1]) <= front.count("\n") + 2  # a line of the front matter


def test_page_without_front_matter(project):
    page = project / "docs/en/huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    assert one_message(project).startswith("docs/en/huong-dan.md:1:1: thiếu phần đầu trang (front matter) / no front matter")


def test_menu_file_reference_cannot_leave_the_repository(project):
    site = project / "data/site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("  - page: huong-dan.md", "  - page: ../../../etc/passwd"),
                    encoding="utf-8")
    lines = (project / "data/site.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - page: ../../../etc/passwd") + 1
    entry = [l for l in lines if l.startswith("  - ")].index("  - page: ../../../etc/passwd")
    assert one_message(project).startswith(
        f"data/site.yml:{line}:5: navigation[{entry}].page: đường dẫn phải nằm trong kho / the path must stay inside the "
        "repository: '../../../etc/passwd'")


def test_unknown_fact_in_a_page(project):
    line = append(project, "en/huong-dan.md", "Issued on {{ plan.issue_date }}.")
    assert one_message(project).startswith(f"docs/en/huong-dan.md:{line}:11: plan.issue_date: không có dữ liệu tên 'plan.issue_date'")


def test_page_missing_in_one_language(project):
    (project / "docs/en/notice.md").write_text("---\ndescription: News.\n---\n\n# Notice\n", encoding="utf-8")
    assert one_message(project) == (
        "docs/en/notice.md:1:1: chưa có bản tiếng Việt / no Vietnamese version: docs/vi/notice.md\n"
        "    → tạo docs/vi/notice.md, hoặc ghi `translated: false` trong phần đầu trang nếu "
        "trang chỉ có một ngôn ngữ / create docs/vi/notice.md, or write `translated: false` in the front matter of a "
        "one-language page")


def test_one_language_page_says_so(project):
    (project / "docs/vi/thong-bao.md").write_text("---\ndescription: Chỉ tiếng Việt.\ntranslated: false\n---\n\n# Thông báo\n",
                                                   encoding="utf-8")
    assert messages(project) == []


def test_data_problems_are_reported_by_the_check(project):
    plan = project / "data/plans/ascc-2025.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  standing_agency: so-ldtbxh", "  standing_agency: so-xyz"),
                    encoding="utf-8")
    assert 'organisation.standing_agency: không có cơ quan "so-xyz"' in one_message(project)


def test_oversized_material_and_image(project):
    downloads = project / "docs/assets/downloads"
    downloads.mkdir()
    with open(downloads / "poster.pdf", "wb") as big:
        big.truncate(SIZE_LIMITS["material"] + 1)  # sparse: no real bytes written
    with open(project / "docs/assets/images/photo.jpg", "wb") as big:
        big.truncate(SIZE_LIMITS["image"] + 1)
    first, second = messages(project)
    assert first.startswith("docs/assets/downloads/poster.pdf:1:1: tệp quá lớn / file too large: 20.0 MB > 20 MB")
    assert second.startswith("docs/assets/images/photo.jpg:1:1: tệp quá lớn / file too large: 2.0 MB > 2 MB")


def test_file_types_that_could_run_code_are_refused(project):
    (project / "docs/assets/trang.html").write_text("<script>x</script>", encoding="utf-8")
    (project / "docs/assets/javascripts/ghi-chu.txt").write_text("x", encoding="utf-8")
    first, second = messages(project)
    assert first.startswith("docs/assets/javascripts/ghi-chu.txt:1:1: chỉ mã và kiểu trình bày (.css .js .mjs) trong "
                            "thư mục này / only scripts and styles (.css .js .mjs) belong here")
    assert second.startswith("docs/assets/trang.html:1:1: loại tệp .html không được phép / file type .html is not allowed")


@pytest.mark.parametrize("svg,message", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "the SVG holds a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "the SVG holds an unsafe onload attribute"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "a <foreignobject> element"),
    ("<svg", "unreadable SVG"),
])
def test_svg_with_script_is_refused(project, svg, message):
    (project / "docs/assets/images/icon.svg").write_text(svg, encoding="utf-8")
    found = one_message(project)
    assert found.startswith("docs/assets/images/icon.svg:") and message in found
