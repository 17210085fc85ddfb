"""Hostile or careless content never puts markup, a script or a link of its own in any output: pages, feeds,
calendars, CSV and JSON."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import icalendar

from conftest import run_build
from html_page import Page, read
from plansite.render.escaping import markdown_text, yaml_string

HOSTILE = ("</title><script>alert(1)</script> \"><img src=x onerror=alert(2)> [x](javascript:alert(3)) "
           "**b** {{ site.name }} # h | c & d")
# Elements that would run or load something if the hostile text became markup in a feed.
ACTIVE = {"script", "img", "iframe", "object", "embed"}


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_inert(page: Page, where) -> None:
    assert not [s for s in page.scripts if "alert" in s], where
    assert page.handlers == [] and page.javascript == [], where


def test_markdown_text_shows_every_character_as_typed():
    import markdown

    page = Page(markdown.markdown(markdown_text(HOSTILE), extensions=["tables", "attr_list", "md_in_html"]))
    assert page.text.strip() == HOSTILE
    assert not page.scripts and not page.handlers and not page.javascript


def test_yaml_string_survives_quotes_backslashes_and_newlines():
    from ruamel.yaml import YAML

    text = 'a "quoted" \\ back\nslash: # not a comment'
    assert YAML(typ="safe").load(f"description: {yaml_string(text)}") == {"description": " ".join(text.split())}


def strings(value) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def read_output(path: Path) -> list[str]:
    """The texts an output file holds, read by a reader of its format; a file that does not parse fails here."""
    if path.suffix == ".xml":  # feeds and sitemaps: well-formed XML, and the texts stay text
        root = ElementTree.fromstring(path.read_bytes())
        assert not [e.tag for e in root.iter() if str(e.tag).rsplit("}", 1)[-1] in ACTIVE], path
        for description in root.iter("description"):  # HTML that a feed reader shows: inert too
            assert_inert(Page(description.text or ""), path)
        return [text for e in root.iter() for text in (e.text, *e.attrib.values()) if text]
    if path.suffix == ".ics":
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        return [str(value) for component in calendar.walk() for value in component.values()]
    if path.suffix == ".csv":
        return [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
    if path.suffix == ".json":
        return strings(json.loads(path.read_text(encoding="utf-8")))
    raise AssertionError(f"{path}: no reader for this kind of output")


def test_hostile_data_texts_are_shown_as_text_in_every_output(project, tmp_path, site):
    quoted = "'" + HOSTILE.replace("'", "''") + "'"
    edit(project, "plans/ascc-2025.yml", "      vi: Cộng đồng bền vững\n", f"      vi: {quoted}\n")
    edit(project, "plans/ascc-2025.yml", "      en: Growing today while keeping land, water, air and resources for the generations to come.\n", f"      en: {quoted}\n")
    edit(project, "site.yml", "  vi: Kế hoạch thực hiện mục tiêu Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025\n",
         f"  vi: {quoted}\n")
    edit(project, "site.yml", "      vi: Kế hoạch\n", f"      vi: {quoted}\n")
    edit(project, "site.yml", '  vi: ""\n  en: ""\n', f"  vi: {quoted}\n  en: {quoted}\n")
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stderr
    # Every file the normal build makes is here (the search index's files are named by their content).
    def files(folder: Path) -> list[str]:
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and
                      "pagefind" not in p.relative_to(folder).parts)
    assert files(out) == files(site)
    for path in sorted(out.rglob("*.html")):
        assert_inert(read(path), path)
    outputs = {path.relative_to(out).as_posix(): read_output(path) for path in sorted(out.rglob("*"))
               if path.suffix in (".xml", ".ics", ".csv", ".json") and "pagefind" not in path.parts}
    assert {"feed_rss_created.xml", "feed_rss_updated.xml", "chien-dich/su-kien.ics", "data/tasks.csv",
            "data/plan.json", "en/data/tasks.csv"} <= set(outputs)
    # The hostile text comes back exactly as typed wherever the data puts it (site name, group title, summary),
    # never as escaped entities (&lt;…) that a feed reader or calendar would show as they are.
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        title = ElementTree.fromstring((out / feed).read_bytes()).findtext("channel/title")
        assert title.startswith(HOSTILE + ":"), (feed, title)
    calendar = icalendar.Calendar.from_ical((out / "chien-dich/su-kien.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]).startswith(HOSTILE + ":"), str(calendar["X-WR-CALNAME"])
    assert HOSTILE in outputs["data/plan.json"] and HOSTILE in outputs["data/tasks.csv"]
    group = read(out / "ke-hoach/cong-dong-ben-vung/index.html")
    assert HOSTILE in group.text  # shown exactly as typed: title, menu, site name, footer
    english = read(out / "en/ke-hoach/cong-dong-ben-vung/index.html")
    assert "Activities towards" not in english.text and HOSTILE in english.text
    assert HOSTILE in read(out / "tai-lieu/to-roi-ke-hoach.html").text
    assert HOSTILE in read(out / "en/tai-lieu/to-roi-ke-hoach.html").text
