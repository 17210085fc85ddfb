"""Mistakes an officer makes, written as the CMS saves them: `make check` names each one's file and line (and
says how to fix it), before `make build` or the blog plugin would stop on it; and what `make check` passes,
`make build` builds. The trial's case: an article without `<!-- more -->` passed `make check` ("Không có lỗi")
and then stopped the build ("Couldn't find '<!-- more -->'… Aborted with a BuildError!")."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import run_build
from tools.cms_local import NODE_MODULES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from plansite.load.sitedata import load_site_data  # noqa: E402

POSTS = "docs/{language}/tin-tuc/posts/{name}.md"


def article(slug: str, *, title: str = "Bài của cán bộ", date: str = "2026-11-30", authors: str = "",
            categories: str = "", extra: str = "", body: str = "\nMở đầu.\n\n<!-- more -->\n\nNội dung.\n") -> str:
    return (f"---\ntitle: {title}\ndescription: Một câu.\ndate: {date}\nslug: {slug}\nauthors: {authors}\n"
            f"categories: {categories}\n{extra}---\n{body}")


def write(project: Path, name: str, vietnamese: str, english: str | None) -> None:
    for language, text in (("vi", vietnamese), ("en", english)):
        if text is not None:
            (project / POSTS.format(language=language, name=name)).write_text(text, encoding="utf-8")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "plansite.check", str(project)], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(project / "hooks")})


def mistakes(project: Path) -> dict[str, tuple[str, str]]:
    """Each mistake written into the project: name -> (the file make check must name, what it must say).
    (The data's own mistakes, a deadline outside its plan's period among them, are test_data_validation's.)"""
    data = load_site_data(project)
    author, group = next(iter(data.authors)), next(iter(data.groups())).id
    first_issued = min(plan.issued.date for plan in data.plans.values())
    ok = dict(authors=f"[{author}]", categories=f"[{group}]")
    expected = {}

    def article_mistake(name: str, message: str, english: bool = True, **vietnamese: str) -> None:
        slug = name.removeprefix("2026-11-30-")
        write(project, name, article(slug, **{**ok, **vietnamese}), article(slug, title="An officer's article", **{
            **ok, **{k: v for k, v in vietnamese.items() if k == "date"}}) if english else None)
        expected[name] = (POSTS.format(language="vi", name=name), message)

    article_mistake("2026-11-30-khong-co-dau-ket-thuc", "the <!-- more --> marker that ends the opening paragraph is missing",
                    body="\nMở đầu.\n\nNội dung.\n")
    article_mistake("2026-11-30-dau-ket-thuc-viet-sai", "marker that ends the opening paragraph is missing",
                    body="\nMở đầu.\n\n<!--more-->\n\nNội dung.\n")
    article_mistake("2026-11-30-mo-dau-trong", "the opening paragraph is empty", body="\n<!-- more -->\n\nNội dung.\n")
    article_mistake("2026-11-30-tac-gia-la", 'unknown author "khong-co-tac-gia-nay"', authors="[khong-co-tac-gia-nay]")
    article_mistake("2026-11-30-chu-de-la", 'unknown category "khong-co-nhom-nay"', categories="[khong-co-nhom-nay]")
    article_mistake("2026-11-30-chu-de-hai-lan", f'"{group}" is listed twice', categories=f"[{group}, {group}]")
    article_mistake("2026-11-30-nam-1905", "dated before the site's first plan was issued", date="1905-03-11")
    article_mistake("2026-11-30-ngay-truoc-ke-hoach", "dated before the site's first plan was issued",
                    date=first_issued.replace(day=1).isoformat() if first_issued.day > 1 else
                    first_issued.replace(year=first_issued.year - 1).isoformat())
    article_mistake("2026-11-30-thieu-ban-tieng-anh", "no English version", english=False)
    article_mistake("2026-11-30-ma-trong-noi-dung", "<script>", body="\nMở đầu.\n\n<!-- more -->\n\n<script>alert(1)</script>\n")
    article_mistake("2026-11-30-anh-bia-khong-co", "does not exist",
                    extra="cover:\n  image: assets/images/tin-tuc/khong-co.png\n  alt: Ảnh\n  credit: Nguồn\n")
    article_mistake("2026-11-30-lien-ket-hong", "no such page", body="\nMở đầu.\n\n<!-- more -->\n\n[Xem](khong-co-trang.md)\n")
    # The English column saved empty but for the fields copied from the Vietnamese (no title).
    write(project, "2026-11-30-tieng-anh-trong", article("tieng-anh-trong", **ok),
          article("tieng-anh-trong", **ok).replace("title: Bài của cán bộ\n", ""))
    expected["2026-11-30-tieng-anh-trong"] = (POSTS.format(language="en", name="2026-11-30-tieng-anh-trong"),
                                              "title: thiếu trường bắt buộc")
    pictures = project / "docs" / "assets" / "images" / "tin-tuc"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "anh-5mb.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5 * 1024 * 1024))
    expected["anh-5mb"] = ("docs/assets/images/tin-tuc/anh-5mb.png", "file too large")
    (pictures / "bieu-do.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                                          encoding="utf-8")
    expected["bieu-do"] = ("docs/assets/images/tin-tuc/bieu-do.svg", "the SVG holds a <script> element")
    return expected


def test_make_check_names_each_mistake_with_its_file_line_and_fix(project):
    expected = mistakes(project)
    checked = check(project)
    assert checked.returncode == 1
    problems = [line for line in checked.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    missed = {name: where for name, where in expected.items()
              if not any(line.startswith(f"{where[0]}:") and where[1] in line for line in problems)}
    assert missed == {}, checked.stdout
    # Each with the way to fix it, on the line below.
    lines = checked.stdout.splitlines()
    assert all(lines[i + 1].lstrip().startswith("→") for i, line in enumerate(lines) if line in problems)


def test_what_make_check_passes_make_build_builds(project, tmp_path):
    """What the form lets through and `make check` accepts (a title with markup in it, template-like braces and
    an unclosed comment in the text) builds, and is shown as typed."""
    data = load_site_data(project)
    ok = dict(authors=f"[{next(iter(data.authors))}]", categories=f"[{next(iter(data.groups())).id}]")
    for name, title, body in (
            ("2026-11-30-the-trong-tieu-de", '"<script>alert(1)</script> trong tiêu đề"', "\nMở đầu.\n\n<!-- more -->\n\nNội dung.\n"),
            ("2026-11-30-ngoac-nhon", "Ngoặc nhọn", "\nMở đầu {{ chưa đóng.\n\n<!-- more -->\n\n{% if %} và <!-- ghi chú\n")):
        slug = name.removeprefix("2026-11-30-")
        write(project, name, article(slug, title=title, **ok, body=body), article(slug, title="English", **ok, body=body))
    checked = check(project)
    assert checked.returncode == 0, checked.stdout
    (project / "node_modules").symlink_to(NODE_MODULES)
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; trong tiêu đề" in (tmp_path / "site" / "tin-tuc" / "the-trong-tieu-de" / "index.html").read_text(encoding="utf-8")
