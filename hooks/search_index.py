"""MkDocs adapter: the Pagefind index of the whole site, and where each language finds it."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import dirty_preview, language_of
from plansite.languages import DEFAULT
from plansite.search import BUNDLE, IndexingError, for_index, index_site


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Every language loads the one bundle at the site root.
    config.extra["search_bundle"] = ("" if language_of(config) == DEFAULT else "../") + BUNDLE + "/"
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return for_index(html, page.file.src_uri)


@event_priority(-110)  # after hooks/bilingual.py has built the other languages into the same site
def on_post_build(config: MkDocsConfig) -> None:
    # A preview rebuilds only the edited pages; indexing the whole site again would take most of its time.
    if language_of(config) != DEFAULT or dirty_preview():
        return
    try:
        index_site(Path(config.site_dir))
    except IndexingError as error:
        raise PluginError(str(error)) from None
