"""Attack 4: files. An SVG is a document that can run script, load others or style itself with XSLT when
opened on its own; a CSV cell that starts like a formula runs when a reader opens the open data in a
spreadsheet; a script or a style beside the pictures would be the site's own code. Each is refused or
neutralised: SVG with a processing instruction, a DOCTYPE, a live element or an outside reference is
refused; generated CSV cells are never formulas and contributed ones are refused; scripts and styles are
published only from the folders CODEOWNERS gives to the developers."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contributed import assert_refused, build, check, commit_and_clone
from plansite.check.checks import run_checks

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
SVGS = {
    "xslt": '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="data:text/xml,x"?>\n' + SVG_OPEN + "</svg>",
    "doctype": '<!DOCTYPE svg [<!ENTITY a "b">]>\n' + SVG_OPEN + "<text>&a;</text></svg>",
    "external-dtd": '<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd">\n' + SVG_OPEN + "</svg>",
    "hidden-scheme": SVG_OPEN + '<a xlink:href="java&#9;script:alert(1)"><rect width="5" height="5"/></a></svg>',
    "entity-scheme": SVG_OPEN + '<a href="&#x6A;avascript:alert(1)"><rect width="5" height="5"/></a></svg>',
    "use-outside": SVG_OPEN + '<use href="https://evil.example/x.svg#a"/></svg>',
    "image-outside": SVG_OPEN + '<image href="//evil.example/x.png" width="5" height="5"/></svg>',
    "svg-in-svg": SVG_OPEN + '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="5" height="5"/></svg>',
    "css-outside": SVG_OPEN + '<style>@import url(https://evil.example/x.css);</style></svg>',
    "fill-outside": SVG_OPEN + '<rect width="5" height="5" fill="url(https://evil.example/x.svg#g)"/></svg>',
    "animated-href": SVG_OPEN + '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    "html-script": SVG_OPEN + '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
    "foreign-object": SVG_OPEN + '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
    "handler": SVG_OPEN + '<rect width="5" height="5" onclick="alert(1)"/></svg>',
    "uppercase-handler": SVG_OPEN + '<rect width="5" height="5" ONLOAD="alert(1)"/></svg>',
    "xinclude": SVG_OPEN + '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/></svg>',
}


@pytest.mark.parametrize("name", SVGS)
def test_an_svg_that_could_do_more_than_draw_is_refused(project, name):
    (project / "docs/assets/images/x.svg").write_text(SVGS[name], encoding="utf-8")
    problems = run_checks(project)[1]
    assert [p for p in problems if p.path == "docs/assets/images/x.svg" and "SVG" in p.message], problems


def test_an_svg_that_only_draws_passes(project):
    (project / "docs/assets/images/x.svg").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n' + SVG_OPEN +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
        '<title>Ảnh</title><rect width="5" height="5" fill="url(#g)" style="fill:url(\'#g\')"/><use xlink:href="#g"/>'
        '<a href="https://example.gov.vn/"><text>x</text></a></svg>', encoding="utf-8")
    assert run_checks(project)[1] == []


FORMULAS = ["=HYPERLINK(\"https://evil.example/\",\"Xem\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def test_no_cell_of_the_published_csv_is_a_formula(project, tmp_path):
    """Task titles that a spreadsheet would run, committed and built: every cell of tasks.csv in both languages
    starts as text, and reads back as typed after the single quote."""
    yaml = YAML()
    path = project / "data/plans/ascc-2025.yml"
    plan = yaml.load(path.read_text(encoding="utf-8"))
    tasks = [task for group in plan["groups"] for task in group.get("tasks", [])]
    for task, formula in zip(tasks, FORMULAS):
        task["title"]["vi"] = task["title"]["en"] = formula
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(plan, stream)
    clone = commit_and_clone(project, tmp_path / "clone")
    site = tmp_path / "site"
    result = build(clone, site)
    assert result.returncode == 0, result.stderr[-2000:]
    for language in ("", "en/"):
        rows = list(csv.reader(io.StringIO((site / language / "data/tasks.csv").read_text(encoding="utf-8-sig"), newline="")))
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], [c for c in cells if c[:1] in "=+-@\t\r"]
        titles = [row[rows[0].index("title")] for row in rows[1:]]
        assert ["'" + f.strip() for f in FORMULAS] == [t for t in titles if t.startswith("'")]  # the data trims a title


def test_a_contributed_csv_with_a_formula_is_refused(project):
    (project / "docs/assets/so-lieu.csv").write_text('tỉnh,số\r\nA,-5\r\nB,-\r\nC,"=HYPERLINK(""x"")"\r\nD;@SUM(1)\r\n',
                                                     encoding="utf-8")
    problems = [str(p) for p in run_checks(project)[1]]
    assert [p for p in problems if p.startswith("docs/assets/so-lieu.csv:4:2:")], problems
    assert [p for p in problems if p.startswith("docs/assets/so-lieu.csv:5:")], problems  # a spreadsheet splitting on ;
    assert not [p for p in problems if int(p.split(":")[1]) in (2, 3)]  # -5 and - are figures


@pytest.mark.parametrize("where", ["docs/assets/tai-lieu/x.js", "docs/assets/images/x.css", "docs/vi/x.mjs",
                                   "docs/assets/javascripts/x.js"])
def test_scripts_and_styles_live_only_where_codeowners_says_code_lives(project, tmp_path, where):
    """A script beside the materials is refused; in the developers' folder it is published, because
    CODEOWNERS asks them to review it; with that line gone from CODEOWNERS, it is refused there too."""
    (project / where).parent.mkdir(parents=True, exist_ok=True)
    (project / where).write_text("window.x = 1;\n", encoding="utf-8")
    if where.startswith("docs/assets/javascripts/"):
        assert run_checks(project)[1] == []
        for owners in (project / ".github/CODEOWNERS", project / ".gitlab/CODEOWNERS"):
            owners.write_text("".join(line for line in owners.read_text(encoding="utf-8").splitlines(keepends=True)
                                      if not line.startswith("/docs/assets/javascripts/")), encoding="utf-8")
    clone = commit_and_clone(project, tmp_path / "clone")
    assert_refused(check(clone), f"{where}:1:1:", "CODEOWNERS")


def test_the_codeowners_files_give_every_code_path_to_the_developers():
    from conftest import ROOT
    from plansite.check.code_owners import CODE_PATHS, code_owners, owners_of, parse_rules

    github = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert (ROOT / ".gitlab/CODEOWNERS").read_text(encoding="utf-8") == github
    rules = parse_rules(github)
    developers = code_owners(rules)
    assert developers and owners_of(rules, "docs/vi/index.md") != developers
    assert {path: owners_of(rules, path) for path in CODE_PATHS} == {path: developers for path in CODE_PATHS}
