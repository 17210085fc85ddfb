"""MkDocs adapter: the source checks of `make check` stop a build before anything is written, and
page texts that the theme prints unescaped are escaped first."""
from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from adapter import language_of, project_root
from plansite.check.checks import run_checks
from plansite.render.languages import DEFAULT
from plansite.validate.problems import SourceError

# Front matter texts that Material's templates put into HTML without escaping.
PRINTED_RAW = ("title", "description", "subtitle")


def on_pre_build(config: MkDocsConfig) -> None:
    # Once per build: the checks cover both languages.
    if language_of(config) != DEFAULT:
        return
    _, problems = run_checks(project_root(config))
    if problems:
        raise PluginError(SourceError(problems).report())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    for key in PRINTED_RAW:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])
    return markdown
