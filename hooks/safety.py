"""MkDocs adapter: the source checks stop a build before anything is written, and page texts
that the theme prints unescaped are escaped first."""
from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Front matter texts that Material's templates put into HTML without escaping.
PRINTED_RAW = ("title", "description", "subtitle")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    for key in PRINTED_RAW:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])
    return markdown
