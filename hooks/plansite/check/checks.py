"""The checks `make check` runs before any build: each is a function over the project that yields Problems.

A new kind of content plugs in at two places: its generated pages in `generated.generated_pages` (so
links to them resolve and their HTML is judged), and, for new rules, a function appended to CHECKS."""
from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

import markdown

from plansite.load.articles import Article, load_articles
from plansite.derive.facts import facts, fill_facts
from plansite.render.generated import generated_pages, site_files
from plansite.check.html_safety import removed_by_sanitiser
from plansite.render.languages import site_prefix
from plansite.render.paths import page_url
from plansite.model import LANGUAGES, Language
from plansite.load.page_sources import last_changes
from plansite.load.pages import PageSource, hand_written_pages, markdown_renderer, read_page, render
from plansite.validate.problems import Problem, SourceError
from plansite.load.sitedata import SiteData, load_site_data
from plansite.render.translations import REPORT_PAGE, missing_translations, report_page, translation_status
from plansite.derive.view_counts import view_counts

MEGABYTE = 1024 * 1024
# Files editors add under docs/: what each kind may weigh (pages load on slow mobile networks).
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}
MATERIAL_TYPES = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv",
                  ".txt", ".json", ".zip", ".mp3", ".mp4", ".webm"}
SIZE_LIMITS = {"image": 2 * MEGABYTE, "material": 20 * MEGABYTE}
# The site's own code and styles, reviewed by developers (see CODEOWNERS), not content.
CODE_FOLDERS = {"assets/javascripts/": ".js", "assets/stylesheets/": ".css"}
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass
class Project:
    """Everything the checks read, loaded once: data, pages of both languages, files, git dates."""

    root: Path
    data: SiteData | None
    pages: dict[Language, dict[str, PageSource]]
    files: dict[Language, set[str]]       # non-page files a page may link to, by path below its language
    changes: dict[str, dt.date]
    load_problems: list[Problem] = field(default_factory=list)
    renderer: markdown.Markdown | None = None
    _rendered: dict[tuple[Language, str], str] = field(default_factory=dict)
    _ids: dict[tuple[Language, str], set[str]] = field(default_factory=dict)

    def html(self, page: PageSource) -> str:
        """The page rendered as MkDocs renders it, facts filled in (once per page)."""
        key = (page.language, page.src_uri)
        if key not in self._rendered:
            self._rendered[key] = render(self.renderer, self.filled(page))
        return self._rendered[key]

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
        now = dt.datetime.now(dt.timezone.utc)
        return {lang: facts(self.data, lang, now) for lang in LANGUAGES}

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
    now = dt.datetime.now(dt.timezone.utc)
    for language in LANGUAGES:
        generated = generated_pages(root, data, articles, language, now) if data else {}
        generated[REPORT_PAGE] = report_page(statuses, language)
        for src_uri, text in generated.items():
            page = read_page(language, src_uri, text, "docs", generated=True)
            page.shown_as = page.meta.get("source", "docs")  # problems point at the data file behind it
            pages[language].setdefault(src_uri, page)
        own = {p.relative_to(docs / language).as_posix() for p in (docs / language).rglob("*")
               if p.is_file() and p.suffix != ".md"}
        files[language] = shared | own
    return Project(root, data, pages, files, changes, problems, markdown_renderer(root))


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
            yield page.problem("source:", f"không có tệp {source} / file {source} does not exist", field="source")
        if isinstance(template, str) and not any((folder / template).is_file() for folder in _template_folders(project)):
            yield page.problem("template:", f"không có khuôn trang {template} / no template {template}",
                               "dùng một tệp trong overrides/ / use a file in overrides/", field="template")


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
        elements = _Html.of(project.html(page))
        for attribute, target in elements.targets:
            problem = _target_problem(project, page, target)
            if problem:
                yield page.problem(target, problem[0], problem[1], field=attribute)
        for src, alt in elements.images:
            if not alt.strip():
                yield page.problem(src, f"ảnh thiếu mô tả (alt) / image has no alt text: {src}",
                                   "viết mô tả ảnh trong ngoặc vuông: ![mô tả](đường-dẫn) / describe it: ![text](path)")


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
    for path in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"):
        shown_as = path.relative_to(project.root).as_posix()
        inside = path.relative_to(docs).as_posix()
        suffix = path.suffix.lower()
        code = next((s for folder, s in CODE_FOLDERS.items() if inside.startswith(folder)), None)
        if code:
            if suffix != code:
                yield Problem(shown_as, 1, 1, "", f"chỉ tệp {code} trong thư mục này / only {code} files belong here")
            continue
        kind = "image" if suffix in IMAGE_TYPES else "material" if suffix in MATERIAL_TYPES else None
        if kind is None:
            yield Problem(shown_as, 1, 1, "", f"loại tệp {suffix or '(không đuôi)'} không được phép / file type "
                          f"{suffix or '(none)'} is not allowed",
                          "dùng / use: " + " ".join(sorted(IMAGE_TYPES | MATERIAL_TYPES)))
            continue
        size = path.stat().st_size
        if size > SIZE_LIMITS[kind]:
            yield Problem(shown_as, 1, 1, "", f"tệp quá lớn / file too large: {size / MEGABYTE:.1f} MB "
                          f"> {SIZE_LIMITS[kind] // MEGABYTE} MB",
                          "nén hoặc giảm kích thước tệp / compress or resize the file")
        elif suffix == ".svg":
            yield from _svg_problems(path, shown_as)


# The checks `make check` and the build run, in this order. A new rule is a function appended here.
Check = Callable[[Project], Iterable[Problem]]
CHECKS: list[Check] = [data_files, front_matter, unknown_facts, links_and_images, unsafe_html, translations, materials,
                       view_counts]


def run_checks(root: Path, checks: list[Check] = CHECKS) -> tuple[Project, list[Problem]]:
    project = load_project(root)
    problems = sorted({problem for check in checks for problem in check(project)})
    return project, problems


# ---- helpers

def _template_folders(project: Project) -> list[Path]:
    """Where MkDocs looks for a page's template: the site's overrides, then Material's own."""
    theme = importlib.util.find_spec("material")
    folders = [project.root / "overrides"]
    if theme and theme.submodule_search_locations:
        folders.append(Path(next(iter(theme.submodule_search_locations))) / "templates")
    return folders


def _pages(project: Project, generated: bool | None = None) -> Iterable[PageSource]:
    for language in LANGUAGES:
        for page in project.pages[language].values():
            if generated is None or page.generated == generated:
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
            return (f"liên kết ra ngoài thư mục trang / link leaves the docs folder: {target}",
                    "liên kết tới tệp .md cùng ngôn ngữ hoặc assets/… / link to a .md page or assets/…")
        if target_page is None:
            if not resolved.endswith(".md"):
                return (f"không tìm thấy tệp / file not found: {target}",
                        "liên kết tới tệp .md của trang (ví dụ ke-hoach/index.md) hoặc tệp trong docs/assets/ / "
                        "link to the page's .md file (e.g. ke-hoach/index.md) or a file in docs/assets/")
            return (f"không có trang / no such page: {target} (docs/{page.language}/{resolved})",
                    "sửa đường dẫn, tính từ thư mục của trang này / fix the path, relative to this page's folder")
    if anchor and anchor not in project.ids(target_page):
        known = ", ".join(sorted(project.ids(target_page))[:12])
        return (f"không có mục #{anchor} trong trang / no heading #{anchor} in {target_page.src_uri}",
                f"dùng một trong / use one of: {known}")
    return None


def _is_site_address(project: Project, page: PageSource, path: str) -> bool:
    """Links in raw HTML reach the browser as written: addresses relative to the page's own address."""
    base = "/" if path.startswith("/") else "/" + site_prefix(page.language) + page_url(page.src_uri)
    address = posixpath.normpath(posixpath.join(base, path)).strip("/")
    return address in project.site_addresses


class _Html(HTMLParser):
    """Addresses, images and ids of a rendered page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[tuple[str, str]] = []
        self.images: list[tuple[str, str]] = []
        self.ids: list[str] = []

    @classmethod
    def of(cls, html: str) -> _Html:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.targets.append(("href", a["href"]))
        if tag == "img":
            self.targets.append(("src", a.get("src") or ""))
            self.images.append((a.get("src") or "", a.get("alt") or ""))

    handle_startendtag = handle_starttag


def _svg_problems(path: Path, shown_as: str) -> Iterable[Problem]:
    """An SVG is a document that can run script when opened: no script, no embedded document, no handler."""
    try:
        tree = ElementTree.parse(path)
    except ElementTree.ParseError as error:
        line, column = error.position
        yield Problem(shown_as, line, column + 1, "", f"SVG không đọc được / unreadable SVG: {error}")
        return
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in {"script", "foreignobject", "iframe", "object", "embed"}:
            yield Problem(shown_as, 1, 1, "", f"SVG chứa thẻ <{tag}> / the SVG holds a <{tag}> element",
                          "xuất lại ảnh không kèm mã / export the image again without scripts")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or value.strip().lower().startswith(("javascript:", "data:text")):
                yield Problem(shown_as, 1, 1, "", f"SVG chứa thuộc tính {local} không an toàn / the SVG holds an "
                              f"unsafe {local} attribute", "xuất lại ảnh không kèm mã / export the image again without scripts")
