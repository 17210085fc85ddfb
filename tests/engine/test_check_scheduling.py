"""Checks proportional to the change (issue 21): front matter read by the fast parser, the HTML checks run on
the HTML MkDocs rendered (not on a second rendering), a preview checking only what changed; `make check`'s
messages unchanged."""
from __future__ import annotations

import subprocess
import sys

import markdown
import pytest

from conftest import post_front, run_build, write_post
from plansite.check.checks import (CHECKS, Rendered, checks_after_rendering, checks_before_rendering,
                                   links_and_images, load_project, unsafe_html)
from plansite.check.written_links import WrittenLinks
from plansite.load.yamlsource import parse_front_matter, parse_yaml
from plansite.validate.problems import Problem

# Texts the fast parser reads itself, and texts it leaves to the round-trip parser (each must read the same).
PLAIN = ['title: "Tiêu đề"\ndate: 2024-05-01\nslug: bai-mot\nauthors: [lql]\ncategories:\n  - a\n  - b\n',
         "description: Mô tả: có dấu hai chấm\ndraft: true\nn: 12\nx: 1.5\ny: ~\nz:\nlist: []\nmap: {}\n",
         "text: |\n  a block\n  of lines\nfolded: >-\n  one\n  two\n", ""]
UNUSUAL = ["a: yes\nb: 010\nc: 1_000\nd: 0x1f\ne: 1:20\nf: .inf\n", "when: 2024-01-01T10:00:00+07:00\n",
           "a: &x 1\nb: *x\n", "a: !!python/object x\n", "a: 1\na: 2\n", "a:\tb\n", "1: a\n", "a: 2024-13-45\n",
           "? [a]\n: 1\n", "[" * 50 + "]" * 50 + "\n", "%YAML 1.1\n---\na: 1\n"]


def data(document):
    return getattr(document, "data", document)


@pytest.mark.parametrize("text", PLAIN + UNUSUAL)
def test_front_matter_reads_the_same_by_either_parser(text):
    fast, slow = parse_front_matter(text, "docs/vi/x.md"), parse_yaml(text, "docs/vi/x.md", 2)
    assert data(fast) == data(slow) and type(data(fast)) is type(data(slow))


def test_a_problem_in_fast_read_front_matter_is_placed_by_the_round_trip_parser():
    text = 'title: "T"\nauthors:\n  - lql\n  - ai-do\n'
    fast, slow = parse_front_matter(text, "docs/vi/x.md"), parse_yaml(text, "docs/vi/x.md", 2)
    assert fast.positions == {(): (2, 1)}   # nothing placed until a problem needs it
    assert str(fast.problem(("authors", 1), "m")) == str(slow.problem(("authors", 1), "m"))
    assert fast.position(("authors", 1)) == (5, 5)


def test_a_date_that_does_not_exist_is_a_message_not_a_traceback():
    problem = parse_yaml("a: 2024-13-45\n", "data/x.yml")
    assert isinstance(problem, Problem) and str(problem).startswith("data/x.yml:1:1: giá trị không hợp lệ")


def test_checks_that_read_html_wait_for_the_build_and_nothing_is_rendered_before(project):
    loaded = load_project(project)
    problems, waiting = checks_before_rendering(loaded)
    assert problems == []
    assert links_and_images in waiting and unsafe_html in waiting
    assert set(waiting) < set(CHECKS)               # the others ran already
    assert loaded._rendered == {}                  # no page rendered by the checks


def test_a_check_added_later_that_reads_html_waits_for_the_build_too(project):
    seen = []

    def later_rule(loaded):   # as a new rule appended to CHECKS would be (issue 20's HTML5 rule)
        for page in loaded.pages["vi"].values():
            seen.append(loaded.html(page))
        return []

    loaded = load_project(project)
    _, waiting = checks_before_rendering(loaded, [later_rule])
    assert waiting == [later_rule] and seen == []
    rendered = {("vi", uri): Rendered(f"<p>{uri}</p>") for uri in loaded.pages["vi"]}
    checks_after_rendering(loaded, waiting, rendered)
    assert sorted(seen) == sorted(f"<p>{uri}</p>" for uri in loaded.pages["vi"])
    assert loaded._rendered == {}


def test_links_are_judged_as_written_on_the_html_given(project):
    page = project / "docs/vi/huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](ke-hoach/index.md#khong-co)\n", encoding="utf-8")
    loaded = load_project(project)
    expected = [str(p) for p in links_and_images(loaded) if p.path == "docs/vi/huong-dan.md"]
    # The HTML as MkDocs writes it: the link rewritten to the target page's address; `written` maps it back.
    html = loaded.html(loaded.pages["vi"]["huong-dan.md"]).replace('href="ke-hoach/index.md#khong-co"',
                                                                     'href="../ke-hoach/#khong-co"')
    loaded._rendered.clear()
    rendered = {("vi", uri): Rendered(loaded.html(p)) for uri, p in loaded.pages["vi"].items()}
    rendered[("vi", "huong-dan.md")] = Rendered(html, {"../ke-hoach/#khong-co": ["ke-hoach/index.md#khong-co"]})
    loaded._rendered.clear()
    found = checks_after_rendering(loaded, [links_and_images], rendered)
    assert expected and [str(p) for p in found] == expected
    assert loaded._rendered == {}                  # every page's HTML came from `rendered`


def test_a_preview_checks_only_the_pages_in_its_scope(project):
    for name in ("huong-dan.md", "huong-dan-bao-cao.md"):
        page = project / "docs/vi" / name
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](khong-co.md)\n", encoding="utf-8")
    loaded = load_project(project)
    _, waiting = checks_before_rendering(loaded)
    found = checks_after_rendering(loaded, waiting, {("vi", "huong-dan.md"): Rendered(
        loaded.html(loaded.pages["vi"]["huong-dan.md"]))}, lambda page: page.src_uri == "huong-dan.md")
    assert [p.path for p in found] == ["docs/vi/huong-dan.md"]


def test_written_links_map_each_rewritten_address_back():
    links = WrittenLinks()

    class Rewrite(markdown.treeprocessors.Treeprocessor):   # as MkDocs' own step does, at its priority
        def run(self, root):
            for element in root.iter("a"):
                element.set("href", "../" + element.get("href").replace("index.md", ""))

    md = markdown.Markdown(extensions=[links])
    md.treeprocessors.register(Rewrite(md), "relpath", 0)
    md.convert("[a](ke-hoach/index.md#muc) [b](ke-hoach/index.md#muc) [c](ke\\-hoach/index.md)")
    assert links.written == {"../ke-hoach/#muc": ["ke-hoach/index.md#muc"] * 2, "../ke-hoach/": ["ke-hoach/index.md"]}
    md.convert("no link")
    assert links.written == {}


def test_the_build_reports_both_languages_link_problems_as_make_check_does(project, tmp_path):
    for language, link in (("vi", "[x](ke-hoach/index.md#khong-co)"), ("en", "![](assets/images/logo.svg)")):
        page = project / f"docs/{language}/huong-dan.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{link}\n", encoding="utf-8")
    write_post(project, "vi", "2024-01-02-lien-ket.md", post_front("lien-ket", "2024-01-02", translated="false"),
               "Mở đầu [y](../../khong-co.md).\n\n<!-- more -->\n\nNội dung.\n")
    check = subprocess.run([sys.executable, "-m", "plansite.check"], cwd=project, capture_output=True, text=True,
                           env={"PYTHONPATH": str(project / "hooks"), "PATH": "/usr/bin:/bin"})
    messages = [line for line in check.stdout.splitlines() if line.startswith("docs/")]
    assert len(messages) == 3, check.stdout
    result = run_build(project, tmp_path / "out", "--strict")
    assert result.returncode != 0 and not (tmp_path / "out").exists()
    assert [line for line in result.stderr.splitlines() if line.startswith("docs/")] == messages
