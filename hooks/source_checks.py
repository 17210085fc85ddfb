"""MkDocs adapter: the source checks of `make check` stop a build (hooks/safety.py has refused links out of
the repository before this reads anything).

The checks that read no page's HTML run before MkDocs reads a page; those that do (links, anchors, images,
unsafe HTML) run on the HTML MkDocs renders, each language once its pages are rendered and before any is
written, instead of rendering every page a second time. Problems of both languages are reported together."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from adapter import language_of, previewing, project_root
from plansite.check.checks import (Check, Project, Rendered, checks_after_rendering, checks_before_rendering,
                                   linked_pages, load_project)
from plansite.check.written_links import WrittenLinks
from plansite.model import LANGUAGES
from plansite.render.languages import DEFAULT
from plansite.validate.problems import Problem, SourceError

class _Build:
    """This build's checks: the project (loaded once for both languages), the checks waiting for HTML, the
    HTML of the language being built, and what the languages built so far have found."""

    project: Project | None = None
    waiting: list[Check] = []
    rendered: dict[tuple[str, str], Rendered] = {}
    found: list[Problem] = []
    links = WrittenLinks()
    # While previewing: per language and page, the pages that link to it (tools/preview.py checks them again).
    linked_from: dict[tuple[str, str], set[str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _Build.links not in config.markdown_extensions:
        config.markdown_extensions.append(_Build.links)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _Build.rendered = {}
    if language_of(config) != DEFAULT:
        return
    # Once per build: the checks cover both languages.
    project = load_project(project_root(config))
    problems, waiting = checks_before_rendering(project)
    if problems:
        raise PluginError(SourceError(problems).report())
    _Build.project, _Build.waiting, _Build.found = project, waiting, []


@event_priority(100)  # the HTML as rendered, before other hooks add to it (hooks/search_index.py)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> None:
    key = (language_of(config), page.file.src_uri)
    if _Build.project is not None and key[1] in _Build.project.pages[key[0]]:
        _Build.rendered[key] = Rendered(html, _Build.links.written)
    _Build.links.reset()


def on_env(env, config: MkDocsConfig, files):
    # Every page of this language is rendered, none written yet.
    if _Build.project is None or not _Build.waiting:
        return env
    _Build.found += checks_after_rendering(_Build.project, _Build.waiting, _Build.rendered)
    if previewing():
        note_links(_Build.project, _Build.rendered)
    _Build.rendered = {}
    if language_of(config) == LANGUAGES[-1]:
        _report()
    return env


@event_priority(-105)  # after hooks/bilingual.py has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) == DEFAULT:
        _report()
        _Build.project = None


def note_links(project: Project, rendered: dict[tuple[str, str], Rendered]) -> None:
    """Which pages link to which, for the pages of `rendered` (their old links are forgotten first)."""
    for sources in _Build.linked_from.values():
        sources.difference_update(uri for language, uri in rendered)
    project.rendered = rendered
    try:
        for language, uri in rendered:
            for target in linked_pages(project, project.pages[language][uri]):
                _Build.linked_from.setdefault((language, target), set()).add(uri)
    finally:
        project.rendered = None


def check_again(project: Project, render_pages, in_scope) -> list[Problem]:
    """`make preview`: the checks over the pages `in_scope` (the changed ones and those that link to them),
    `render_pages()` rendering the changed pages again in between, as a build does."""
    project.scope = in_scope
    problems, waiting = checks_before_rendering(project)
    project.scope = None
    _Build.project, _Build.rendered = project, {}
    try:
        render_pages()
        for language in {language for language, _ in _Build.rendered} or {DEFAULT}:
            rendered = {key: page for key, page in _Build.rendered.items() if key[0] == language}
            problems += checks_after_rendering(project, waiting, rendered, in_scope)
        note_links(project, _Build.rendered)
    finally:
        _Build.project, _Build.rendered = None, {}
    return sorted(set(problems))


def _report() -> None:
    found, _Build.found = _Build.found, []
    if found:
        _Build.project = None
        raise PluginError(SourceError(sorted(set(found))).report())

