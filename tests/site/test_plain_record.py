"""What the published site says, true and plain, for whatever data/ and docs/ hold (site tests: properties, never
today's texts):

- what the site does not have is said once, on the page of unknowns, and other pages link to its entry;
- every status line is one of the catalogue's forms, which say what the site knows (no published report);
- English counts read as English (no "task(s)");
- the citizens' menu holds no page for staff, and every page stays reachable by links from the home page;
- every mention of a body that has changed since the plan carries a source, or links the entry that does;
- a date the plan gives only in words ("to 2025") is marked as the site's reading wherever the plan's dates are
  stated, never shown as if the plan said it."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import NavigableString, Tag

from html_page import Page, read
from plansite.model import STATUSES
from plansite.render.catalogue import text
from plansite.render.languages import date_text
from plansite.render.paths import AGENCIES, agency_path, page_url
from site_content import SITE_DATA, paths

LANGUAGES = (("", "vi"), ("en/", "en"))
# Blocks a sentence lives in: a mention is judged with the rest of its block.
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "caption", "figcaption", "summary", *(f"h{n}" for n in range(1, 7))}
# Not the page's own words: the header, the menu, the footer.
CHROME = "header, nav, footer, .md-sidebar, script, style, [hidden]"
# Code that only staff need: a repository path or a command.
STAFF_CODE = re.compile(r"^(data|docs|hooks|templates|locales|overrides)/|\.ya?ml$|^make\b|^git\b")


def squeezed(value: str) -> str:
    return " ".join(value.split())


def pages(site: Path, prefix: str) -> list[Path]:
    """The language's HTML pages (the other language's folder, the CMS and the search index aside)."""
    root = site / prefix
    return [path for path in sorted(root.rglob("*.html"))
            if not (prefix == "" and path.relative_to(root).parts[0] == "en")
            and path.relative_to(root).parts[0] not in ("admin", "pagefind", "assets")]


def content(page: Page) -> Tag:
    """The page's own content: its body without the header, the menu and the footer (parsed again, so that the
    cached page stays whole)."""
    copy = Page(str(page.soup)).soup
    for element in copy.select(CHROME):
        element.decompose()
    return copy.body or copy


def address(site: Path, prefix: str, src_uri: str) -> Path:
    return site / prefix / page_url(src_uri) / "index.html"


# ---- an unknown said once

@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_an_unknown_is_said_once_on_its_own_page_and_linked_from_elsewhere(site, prefix, language):
    from plansite.derive.unknowns import unknowns
    from plansite.render.paths import UNKNOWNS
    known = unknowns(SITE_DATA, language, dt.date.today())
    page = address(site, prefix, UNKNOWNS)
    entries = read(page).select("article h2[id]")
    assert [h["id"] for h in entries] == [u.anchor for u in known]
    said = [squeezed(u.sentence) for u in known]
    for path in pages(site, prefix):
        if path == page:
            continue
        other = read(path)
        targets = Counter(fragment for url in other.links for target, fragment in [other.resolve(url, site)]
                          if target == page)
        assert all(n == 1 for n in targets.values()), (path, targets)   # one link to each entry, at most
        assert set(targets) - {""} <= {u.anchor for u in known}, path   # and only to entries that exist
        words = squeezed(other.text)
        assert [s for s in said if s in words] == [], path              # the entry's words stay on its page


# ---- status lines

@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_every_status_line_is_one_of_the_catalogues_forms(site, prefix, language):
    forms = {text(language, f"statuses.{status}") for status in STATUSES}
    lines = [squeezed(badge.get_text()) for path in pages(site, prefix) for badge in read(path).select(".status-badge")]
    assert lines and set(lines) <= forms, set(lines) - forms
    # No report on the site: one form, whatever the task's deadline.
    tasks = read(address(site, prefix, paths().tasks))
    reported = {entry.task for report in SITE_DATA.reports.values() for entry in report.tasks}
    for _, task in SITE_DATA.main.tasks():
        if task.id not in reported:
            badge = tasks.soup.find(id=task.id).find_next(lambda tag: "status-badge" in (tag.get("class") or "").split())
            assert squeezed(badge.get_text()) == text(language, "statuses.no-report"), task.id


# ---- plurals

def test_english_counts_use_real_plurals(site):
    hedged = re.compile(r"\w\((?:s|es)\)")
    found = [f"{path.relative_to(site)}: {m.group(0)}" for path in pages(site, "en/")
             for m in [hedged.search(read(path).text)] if m]
    assert found == []


# ---- the citizens' menu, and every page within reach

def menu_targets(site: Path, prefix: str) -> set[Path]:
    """Every page the menu leads to, on any page (navigation.prune shows each section's entries on its own pages)."""
    found = set()
    for path in pages(site, prefix):
        page = read(path)
        for link in page.select("nav.md-nav--primary a.md-nav__link[href]"):
            target, _ = page.resolve(link["href"], site)
            found.add(target)
    return found


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_the_citizens_menu_holds_no_page_for_staff(site, prefix, language):
    """A page in the menu shows no repository path or command (what a page for staff and editors is made of)."""
    listed = menu_targets(site, prefix)
    assert len(listed) > 10
    for target in listed:
        codes = [squeezed(code.get_text()) for code in read(target).select("article code")]
        assert [c for c in codes if STAFF_CODE.search(c)] == [], target


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_is_within_reach_of_the_home_page(site, prefix):
    """Pages out of the menu (for staff, the page of unknowns) are still linked from somewhere a reader goes."""
    home = site / prefix / "index.html"
    seen, queue = {home}, [home]
    while queue:
        page = read(queue.pop())
        for url in page.links:
            target, _ = page.resolve(url, site)
            if target.suffix == ".html" and target.is_file() and target not in seen and site / prefix in target.parents:
                seen.add(target)
                queue.append(target)
    # The error page has no address; the results page is reached by the search form; the leaflet, by the library.
    unreached = [p.relative_to(site) for p in pages(site, prefix)
                 if p not in seen and p.name == "index.html" and p.parent.name != "tim-kiem"]
    assert unreached == []


# ---- bodies that have changed

def entry_heading(block: Tag) -> Tag | None:
    return block.find_previous(["h1", "h2", "h3"])


@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_every_mention_of_a_changed_body_carries_a_source(site, prefix, language):
    """Wherever a body the plan names has changed since (data/agencies.yml: successor), the sentence naming it
    links a source (an address outside the site) or the body's entry, which gives the source; a printable
    file, with no links at all, or a sentence about a source that has no address, names the source document."""
    from plansite.derive.views import agency_anchor
    # Whatever the data records: none (the property then holds of nothing), one, or many.
    changed = [a for a in SITE_DATA.agencies.values() if a.successor and a.successor.source]
    checked = 0
    for path in pages(site, prefix):
        page = read(path)
        standalone, body = not page.links, content(page)
        for agency in changed:
            if path == address(site, prefix, agency_path(agency.id)):
                continue  # the body's own page: its entry, which gives the source
            names = {agency.name(language), agency.short_name(language)}
            entries = {agency.id, agency_anchor(agency.id)}
            for node in body.find_all(string=lambda s: isinstance(s, NavigableString) and any(n in s for n in names)):
                block = next((p for p in node.parents if p.name in BLOCKS), None)
                if block is None:
                    continue
                heading = block if block.name and block.name[0] == "h" and block.name[1:].isdigit() else entry_heading(block)
                if heading is not None and heading.get("id") in entries:
                    continue  # the body's own entry: checked below to give the source
                checked += 1
                source, said = agency.successor.source, squeezed(block.get_text())
                if standalone:
                    assert source.document(language) in said, (path, block)
                    continue
                if not source.url and source.document(language) and source.document(language) in said:
                    continue  # a source with no address: the sentence names the document
                hrefs = [a["href"] for a in block.select("a[href]")]
                linked = [page.resolve(h, site) for h in hrefs if not h.startswith(("http://", "https://"))]
                entry = any((t == address(site, prefix, AGENCIES) and f in entries)
                            or t == address(site, prefix, agency_path(agency.id)) for t, f in linked)
                assert entry or any(h.startswith(("http://", "https://")) for h in hrefs), (path, squeezed(block.get_text()))
    assert checked or not changed  # a changed body is named somewhere besides its own entry
    # Each body's own entry in the directory gives its source's address.
    directory = read(address(site, prefix, AGENCIES))
    for agency in changed:
        if agency.successor.source.url:
            entry = directory.section(agency.id)
            assert agency.successor.source.url in [a["href"] for e in entry for a in e.select("a[href]")], agency.id


# ---- dates the plan gives in words

@pytest.mark.parametrize("prefix,language", LANGUAGES)
def test_dates_the_plan_gives_in_words_are_marked_as_the_sites_reading(site, prefix, language):
    readings = [(scope, reading) for scope in SITE_DATA.scopes() for reading in scope.plan.readings]
    timelines = {scope.plan.id: read(address(site, prefix, paths(scope).timeline))
                 for scope in SITE_DATA.scopes()}
    for scope, reading in readings:
        day = date_text(reading.date, language)
        # On the timeline: marked, and said to be the site's reading of the plan's words.
        entries = timelines[scope.plan.id].select(f'time[datetime="{reading.date.isoformat()}"]')
        assert entries, reading.date
        for time in entries:
            assert "site-reading" in time.get("class", "").split()
            line = squeezed(time.find_parent("li").get_text())
            assert text(language, "dates.reading") in line and reading.stated(language) in line
        # Where the pages state the plan's dates (its state, its objectives, its period drawn, the leaflet, the home
        # page's first screen), the plan's words stand, never the day.
        for path in pages(site, prefix):
            page = read(path)
            stated = [*page.select(".admonition, .home-hero, figure.picture--timeline, .state, #muc-tieu")]
            assert [squeezed(s.get_text()) for s in stated if day in s.get_text()] == [], path
