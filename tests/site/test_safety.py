"""Hostile or careless content never puts markup, a script or a link of its own in any output: pages, feeds,
calendars, CSV and JSON. The build is the site with hostile text in every text field of every data file
(conftest.hostile_site, shared with test_hostile_data.py); each output is read by a reader of its format."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import icalendar

from hostile import HOSTILE, assert_inert
from html_page import Page, read
from plansite.render.campaigns import material_path
from site_content import SITE_DATA, example_group, page_file, paths

# Elements that would run or load something if the hostile text became markup in a feed.
ACTIVE = {"script", "img", "iframe", "object", "embed"}


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
        # An item's description is HTML that a feed reader shows: inert too. (The channel's is a plain sentence,
        # the site's description, which readers show as text.)
        for description in root.iterfind("channel/item/description"):
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


def files(folder: Path) -> list[str]:
    """Every file a build made (the search index's files are named by their content: left out)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and
                  "pagefind" not in p.relative_to(folder).parts)


def test_hostile_data_texts_are_shown_as_text_in_every_output(hostile_site, site):
    out, _ = hostile_site
    # Every file the normal build makes is there too (and the page of the agency its added report names).
    assert set(files(site)) <= set(files(out))
    for path in sorted(out.rglob("*.html")):
        assert_inert(read(path), path)
    outputs = {path.relative_to(out).as_posix(): read_output(path) for path in sorted(out.rglob("*"))
               if path.suffix in (".xml", ".ics", ".csv", ".json") and "pagefind" not in path.parts}
    assert {"feed_rss_created.xml", "feed_rss_updated.xml", "chien-dich/su-kien.ics", "data/tasks.csv",
            "data/plan.json", "en/data/tasks.csv"} <= set(outputs)
    # The hostile text comes back exactly as typed wherever the data puts it (site name, group titles, tasks),
    # never as escaped entities (&lt;…) that a feed reader or calendar would show as they are.
    for feed in ("feed_rss_created.xml", "feed_rss_updated.xml", "en/feed_rss_created.xml"):
        title = ElementTree.fromstring((out / feed).read_bytes()).findtext("channel/title")
        assert title.startswith(HOSTILE + ":"), (feed, title)
    calendar = icalendar.Calendar.from_ical((out / "chien-dich/su-kien.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]).startswith(HOSTILE + ":"), str(calendar["X-WR-CALNAME"])
    assert HOSTILE in outputs["data/plan.json"] and HOSTILE in outputs["data/tasks.csv"]
    assert HOSTILE in outputs["en/data/tasks.csv"]
    group_page = page_file(paths().group(example_group()))
    assert HOSTILE in read(out / group_page).text  # shown exactly as typed: title, menu, site name, footer
    assert HOSTILE in read(out / "en" / group_page).text
    for material in (m for c in SITE_DATA.campaigns for m in c.materials if m.generated == "leaflet"):
        for language in ("vi", "en"):
            assert HOSTILE in read(out / ("en/" if language == "en" else "") / material_path(material, language)).text
