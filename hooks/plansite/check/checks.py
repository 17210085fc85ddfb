"""The checks `make check` runs before any build: each is a function over the project that yields Problems.

A new kind of content plugs in at two places: its generated pages in `plansite.generated.generated_pages` (so
links to them resolve and their HTML is judged), and, for new rules, a function appended to CHECKS."""
from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

import markdown
from selectolax.lexbor import LexborHTMLParser

from plansite.load.articles import Article, load_articles
from plansite.derive.site import site_views
from plansite.derive.site_view import SiteView
from plansite.generated import generated_pages, site_files
from plansite.render.facts import facts, fill_facts
from plansite.check.code_owners import CODE_TYPES, code_folders
from plansite.check.html_safety import removed_by_sanitiser
from plansite.check.page_templates import page_template_problem
from plansite.check.repository_files import link_problems
from plansite.check.spreadsheets import formula_cells
from plansite.check.svg import svg_problems
from plansite.render.languages import site_prefix
from plansite.render.paths import page_url
from plansite.model import LANGUAGES, Language
from plansite.load.page_sources import last_changes
from plansite.load.pages import PageSource, hand_written_pages, markdown_renderer, read_page, render
from plansite.validate.problems import Problem, SourceError, named, say
from plansite.load.sitedata import SiteData, load_site_data
from plansite.render.translations import REPORT_PAGE, missing_translations, report_page, translation_status
from plansite.derive.view_counts import view_counts

MEGABYTE = 1024 * 1024
# Files editors add under docs/: what each kind may weigh (pages load on slow mobile networks).
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}
MATERIAL_TYPES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv",
                  ".txt", ".json", ".zip", ".mp3", ".mp4", ".webm"}
SIZE_LIMITS = {"image": 2 * MEGABYTE, "material": 20 * MEGABYTE}
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


class NotYetRendered(Exception):
    """A check asked for a page's HTML before the build rendered it: it runs again once the build has."""


@dataclass
class Rendered:
    """A page as MkDocs rendered it, with each link's address as written in the source: MkDocs rewrites a
    link to a page into that page's address (`../ke-hoach/#muc-tieu` for `ke-hoach/index.md#muc-tieu`)."""

    html: str
    written: dict[str, list[str]] = field(default_factory=dict)   # rewritten address -> addresses as written


@dataclass
class Project:
    """Everything the checks read, loaded once: data, pages of both languages, files, git dates.

    Within a build (hooks/safety.py) the pages' HTML is the build's own (`rendered`), and `scope` narrows the
    pages that are checked (a preview checks the changed pages and those that link to them); `make check`
    renders every page itself and checks them all."""

    root: Path
    data: SiteData | None
    pages: dict[Language, dict[str, PageSource]]
    files: dict[Language, set[str]]       # non-page files a page may link to, by path below its language
    changes: dict[str, dt.date]
    load_problems: list[Problem] = field(default_factory=list)
    views: dict[Language, SiteView] = field(default_factory=dict)   # the site view the pages were made from
    rendered: dict[tuple[Language, str], Rendered] | None = None
    awaiting_render: bool = False         # before the build has rendered its pages: html() raises NotYetRendered
    scope: Callable[[PageSource], bool] | None = None
    _rendered: dict[tuple[Language, str], str] = field(default_factory=dict)
    _ids: dict[tuple[Language, str], set[str]] = field(default_factory=dict)

    def html(self, page: PageSource) -> str:
        """The page rendered as MkDocs renders it, facts filled in (by the build, or here once per page)."""
        key = (page.language, page.src_uri)
        if self.rendered is not None and key in self.rendered:
            return self.rendered[key].html
        if self.awaiting_render:
            raise NotYetRendered(key)
        if key not in self._rendered:
            self._rendered[key] = render(self.renderer, self.filled(page))
        return self._rendered[key]

    def elements(self, page: PageSource) -> _Html:
        """The page's link and image addresses as written in its source, its images and ids."""
        elements = _Html.of(self.html(page))
        written = self.rendered.get((page.language, page.src_uri)) if self.rendered is not None else None
        if written is not None and written.written:
            def as_written(addresses: list[str]) -> list[str]:
                queues = {new: list(old) for new, old in written.written.items()}
                return [queues[a].pop(0) if queues.get(a) else a for a in addresses]

            targets = as_written([target for _, target in elements.targets])
            elements.targets = [(attribute, target) for (attribute, _), target in zip(elements.targets, targets)]
            sources = as_written([src for src, _ in elements.images])
            elements.images = [(src, alt) for src, (_, alt) in zip(sources, elements.images)]
        return elements

    def in_scope(self, page: PageSource) -> bool:
        return self.scope is None or self.scope(page)

    @functools.cached_property
    def renderer(self) -> markdown.Markdown:
        return markdown_renderer(self.root)

    def filled(self, page: PageSource) -> str:
        if self.data is None or page.generated:
            return page.body  # generated pages hold data texts, never read as placeholders
        try:
            return fill_facts(page.body, self._facts[page.language], page.src_uri, page.shown_as,
                              line_offset=page.body_line - 1)
        except SourceError:
            return page.body  # reported by unknown_facts

    @functools.cached_property
    def _facts(self) -> dict:
        return {lang: facts(view) for lang, view in self.views.items()}

    @functools.cached_property
    def site_addresses(self) -> set[str]:
        """Every page and file of the built site, by address below the site root."""
        addresses = site_files(self.data) if self.data else set()
        for language in LANGUAGES:
            prefix = site_prefix(language)
            addresses |= {(prefix + page_url(uri)).strip("/") for uri in self.pages[language]}
            addresses |= {prefix + f for f in self.files[language]}
        return addresses

    def ids(self, page: PageSource) -> set[str]:
        """The page's heading and element ids (parsed once: every link to an anchor of the page asks)."""
        key = (page.language, page.src_uri)
        if key not in self._ids:
            self._ids[key] = set(_Html.of(self.html(page)).ids)
        return self._ids[key]


def hand_written(pages: dict[Language, dict[str, PageSource]]) -> dict[Language, dict[str, PageSource]]:
    return {lang: {uri: p for uri, p in pages[lang].items() if not p.generated} for lang in LANGUAGES}


def load_project(root: Path) -> Project:
    problems: list[Problem] = []
    try:
        data = load_site_data(root)
    except SourceError as error:
        data, problems = None, list(error.problems)
    articles: list[Article] = []
    if data is not None:
        try:
            articles = load_articles(root, data)
        except SourceError as error:
            problems.extend(error.problems)
    pages: dict[Language, dict[str, PageSource]] = {}
    files: dict[Language, set[str]] = {}
    docs = root / "docs"
    shared = {p.relative_to(docs).as_posix() for p in (docs / "assets").rglob("*") if p.is_file()}
    changes = last_changes(root)
    for language in LANGUAGES:
        pages[language] = hand_written_pages(root, language)
    statuses = translation_status(pages, changes)
    views = site_views(data, dt.datetime.now(dt.timezone.utc), articles) if data else {}
    for language in LANGUAGES:
        generated = generated_pages(root, views, language, articles) if data else {}
        generated[REPORT_PAGE] = report_page(statuses, language)
        for src_uri, text in generated.items():
            page = read_page(language, src_uri, text, "docs", generated=True)
            page.shown_as = page.meta.get("source", "docs")  # problems point at the data file behind it
            pages[language].setdefault(src_uri, page)
        own = {p.relative_to(docs / language).as_posix() for p in (docs / language).rglob("*")
               if p.is_file() and p.suffix != ".md"}
        files[language] = shared | own
    return Project(root, data, pages, files, changes, problems, views)


# ---- the checks

def data_files(project: Project) -> Iterable[Problem]:
    """Every data file and news article against its model and the other files (sitedata, articles)."""
    yield from project.load_problems


def front_matter(project: Project) -> Iterable[Problem]:
    """Front matter is safe YAML with known keys; a declared source file exists."""
    for page in _pages(project, generated=False):
        yield from page.problems
        source, template = page.meta.get("source"), page.meta.get("template")
        if page.problems:
            continue
        if isinstance(source, str) and not (project.root / source).is_file():
            yield page.problem("source:", say("problems.source_missing", path=source), field="source")
        if template is not None and (problem := page_template_problem(project.root, str(template))):
            yield page.problem("template:", *problem, field="template")


def unknown_facts(project: Project) -> Iterable[Problem]:
    """`{{ name }}` placeholders name a fact the data provides."""
    if project.data is None:
        return
    for page in _pages(project, generated=False):
        try:
            fill_facts(page.body, project._facts[page.language], page.src_uri, page.shown_as, page.body_line - 1)
        except SourceError as error:
            yield from error.problems


def links_and_images(project: Project) -> Iterable[Problem]:
    """Links between pages, their #anchors, images and downloads resolve in the page's own language."""
    if project.data is None:
        return  # generated pages are unknown until the data is valid
    for page in _pages(project):
        elements = project.elements(page)
        for attribute, target in elements.targets:
            problem = _target_problem(project, page, target)
            if problem:
                yield page.problem(target, problem[0], problem[1], field=attribute)
        for src, alt in elements.images:
            if not alt.strip():
                yield page.problem(src, say("problems.image_without_alt", shown=src), say("fixes.image_without_alt"))


def unsafe_html(project: Project) -> Iterable[Problem]:
    """Only allowlisted HTML in what editors write: no script, iframe, object, event handlers, javascript: or
    data: addresses. Generated pages carry markup written by the code, with every data text escaped
    (plansite.render.escaping; tests/site/test_safety.py builds the site from hostile data to prove it)."""
    for page in _pages(project, generated=False):
        for removed in removed_by_sanitiser(project.html(page)):
            yield page.problem(removed.needle(), removed.message(), removed.hint())


def translations(project: Project) -> Iterable[Problem]:
    """Every hand-written page exists in both languages unless it says `translated: false`."""
    yield from missing_translations(translation_status(hand_written(project.pages), project.changes))


def materials(project: Project) -> Iterable[Problem]:
    """Files under docs/ are of an allowed type and size; SVG images carry no script."""
    docs = project.root / "docs"
    code_owned = code_folders(project.root)
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"):
        shown_as = path.relative_to(project.root).as_posix()
        inside = path.relative_to(docs).as_posix()
        suffix = path.suffix.lower()
        # The site's own scripts and styles live where CODEOWNERS gives them to the developers, and only there.
        if any(inside.startswith(folder) for folder in code_owned):
            if suffix not in CODE_TYPES:
                yield Problem(shown_as, 1, 1, "", say("problems.code_folder", types=" ".join(sorted(CODE_TYPES))))
            continue
        if suffix in CODE_TYPES:
            yield Problem(shown_as, 1, 1, "", say("problems.code_outside_folders", suffix=suffix,
                                                  shown=", ".join("docs/" + f for f in code_owned) or say("problems.no_code_folder")),
                          say("fixes.code_outside_folders"))
            continue
        kind = "image" if suffix in IMAGE_TYPES else "material" if suffix in MATERIAL_TYPES else None
        if kind is None:
            yield Problem(shown_as, 1, 1, "", say("problems.file_type", suffix=suffix or named("problems.no_suffix")),
                          say("fixes.file_type", shown=" ".join(sorted(IMAGE_TYPES | MATERIAL_TYPES))))
            continue
        size = path.stat().st_size
        if size > SIZE_LIMITS[kind]:
            yield Problem(shown_as, 1, 1, "", say("problems.material_too_large",
                                                  shown=f"{size / MEGABYTE:.1f} MB > {SIZE_LIMITS[kind] // MEGABYTE} MB"),
                          say("fixes.material_too_large"))
        elif suffix == ".svg":
            yield from svg_problems(path, shown_as)


# The checks `make check` and the build run, in this order. A new rule is a function appended here.
Check = Callable[[Project], Iterable[Problem]]
CHECKS: list[Check] = [data_files, front_matter, unknown_facts, links_and_images, unsafe_html, translations, materials,
                       view_counts, formula_cells]


def run_checks(root: Path, checks: list[Check] = CHECKS) -> tuple[Project, list[Problem]]:
    """`make check`: every check over every page, each page rendered here."""
    links = link_problems(root)
    if links:  # nothing is read while a link could point it outside the repository
        return Project(root, None, {lang: {} for lang in LANGUAGES}, {lang: set() for lang in LANGUAGES}, {}), links
    project = load_project(root)
    problems = sorted({problem for check in checks for problem in check(project)})
    return project, problems


def checks_before_rendering(project: Project, checks: list[Check] = CHECKS) -> tuple[list[Problem], list[Check]]:
    """Within a build, before MkDocs renders a page: every check that reads no page's HTML runs now (a
    problem stops the build before MkDocs reads a page); those that do wait for the build's own HTML
    (`checks_after_rendering`) instead of rendering every page a second time."""
    project.awaiting_render = True
    problems: set[Problem] = set()
    waiting: list[Check] = []
    try:
        for check in checks:
            try:
                problems.update(list(check(project)))
            except NotYetRendered:
                waiting.append(check)
    finally:
        project.awaiting_render = False
    return sorted(problems), waiting


def checks_after_rendering(project: Project, checks: list[Check], rendered: dict[tuple[Language, str], Rendered],
                           scope: Callable[[PageSource], bool] | None = None) -> list[Problem]:
    """The waiting checks over the pages of `rendered` (one language's, as MkDocs rendered them) that are in
    `scope`; a page the build did not render (a draft, say) is rendered here."""
    languages = {language for language, _ in rendered}
    project.rendered = rendered
    project.scope = lambda page: page.language in languages and (scope is None or scope(page))
    try:
        return sorted({problem for check in checks for problem in check(project)})
    finally:
        project.rendered, project.scope = None, None
        project._ids.clear()


def linked_pages(project: Project, page: PageSource) -> set[str]:
    """The pages of the same language that this page links to (source paths): a preview checks again the
    pages that link to a changed page, whose anchors may have gone."""
    targets = set()
    for _, target in project.elements(page).targets:
        if EXTERNAL.match(target):
            continue
        path = unquote(urlsplit(target).path)
        if path:
            base = "" if path.startswith("/") else posixpath.dirname(page.src_uri)
            targets.add(posixpath.normpath(posixpath.join(base, path.lstrip("/"))))
    return targets & project.pages[page.language].keys()


# ---- helpers

def _pages(project: Project, generated: bool | None = None) -> Iterable[PageSource]:
    """The pages a check judges: every page, or those in the project's scope (a build checks one language's
    pages on its own HTML; a preview the changed ones). Every check that reads pages goes through here."""
    for language in LANGUAGES:
        for page in project.pages[language].values():
            if (generated is None or page.generated == generated) and project.in_scope(page):
                yield page


def _target_problem(project: Project, page: PageSource, target: str) -> tuple[str, str] | None:
    """Why a link or image address does not resolve, as (message, hint); None when it does."""
    if EXTERNAL.match(target):
        return None  # other hosts, mailto:, tel: (unsafe schemes are judged by unsafe_html)
    parts = urlsplit(target)
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        resolved, target_page = page.src_uri, page
    else:
        base = "" if path.startswith("/") else posixpath.dirname(page.src_uri)
        resolved = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        target_page = project.pages[page.language].get(resolved)
        if target_page is None and (resolved in project.files[page.language] or _is_site_address(project, page, path)):
            return None
        if resolved.startswith("../") or resolved == "..":
            return say("problems.link_leaves_docs", shown=target), say("fixes.link_leaves_docs")
        if target_page is None:
            if not resolved.endswith(".md"):
                return say("problems.link_file_missing", shown=target), say("fixes.link_file_missing")
            return (say("problems.link_page_missing", shown=f"{target} (docs/{page.language}/{resolved})"),
                    say("fixes.link_page_missing"))
    if anchor and anchor not in project.ids(target_page):
        known = ", ".join(sorted(project.ids(target_page))[:12])
        return say("problems.link_anchor_missing", anchor=anchor, page=target_page.src_uri), say("fixes.use_one_of", shown=known)
    return None


def _is_site_address(project: Project, page: PageSource, path: str) -> bool:
    """Links in raw HTML reach the browser as written: addresses relative to the page's own address."""
    base = "/" if path.startswith("/") else "/" + site_prefix(page.language) + page_url(page.src_uri)
    address = posixpath.normpath(posixpath.join(base, path)).strip("/")
    return address in project.site_addresses


class _Html:
    """Addresses, images and ids of a rendered page, as a browser parses it: Lexbor, the HTML5 parser that
    judges the page's HTML (html_safety), so that no link hides where Python's html.parser would see a comment."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self.ids: list[str] = []

    @classmethod
    def of(cls, html: str) -> _Html:
        found = cls()
        for node in LexborHTMLParser(html).root.traverse():
            attributes = node.attributes
            if attributes.get("id"):
                found.ids.append(attributes["id"])
            if node.tag == "a" and attributes.get("href"):
                found.targets.append(("href", attributes["href"]))
            elif node.tag == "img":
                found.targets.append(("src", attributes.get("src") or ""))
                found.images.append((attributes.get("src") or "", attributes.get("alt") or ""))
        return found
