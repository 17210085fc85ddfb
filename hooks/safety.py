"""MkDocs adapter: nothing is read while a link could lead outside the repository, the source checks of
`make check` stop a build before anything is written, only regular files of the repository are copied,
and page texts that the theme prints unescaped are escaped first."""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import language_of, project_root
from plansite.check.checks import run_checks
from plansite.check.html_safety import sanitised
from plansite.check.repository_files import link_problems, published_outside
from plansite.render.languages import DEFAULT
from plansite.validate.problems import SourceError

# Front matter texts that Material's templates (and its tags plugin, reading page.meta after this hook)
# put into HTML without escaping.
PRINTED_RAW = ("title", "description", "subtitle", "tags")


@event_priority(200)  # first of all: before any hook reads a data file, a page or a template
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = link_problems(project_root(config))
    if problems:
        raise PluginError(SourceError(problems).report())
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Once per build: the checks cover both languages.
    if language_of(config) != DEFAULT:
        return
    _, problems = run_checks(project_root(config))
    if problems:
        raise PluginError(SourceError(problems).report())


@event_priority(-200)  # last: after every hook and plugin has added its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = project_root(config)
    outside = published_outside(root, [f.abs_src_path for f in files if f.abs_src_path])
    if outside:
        shown = [Path(path).relative_to(root).as_posix() for path in outside]
        raise PluginError("Không xuất bản tệp ngoài kho / not publishing files from outside the repository: "
                          + ", ".join(shown))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    for key in PRINTED_RAW:
        if key in page.meta:
            page.meta[key] = _escaped(page.meta[key])
    return markdown


@event_priority(-110)  # after the blog plugin (-100) has cut the excerpts of a news listing
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # An excerpt is the article's HTML cut at its separator, then put beside other excerpts: sanitised,
    # every element it opened is closed and nothing outside the allowlist is left, whatever the cut.
    for excerpt in context.get("posts") or []:
        excerpt.content = sanitised(excerpt.content)
    return context


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value
