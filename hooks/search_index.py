"""MkDocs adapter: the Pagefind index of the whole site, and where each language finds it."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import dirty_preview, language_of, site_data
from plansite.render.languages import DEFAULT
from plansite.index.search import BUNDLE, IndexingError, for_index, index_site, search_weight


# The folders of the plans' own pages, worked out once per build.
_plan_folders: list[tuple[str, ...]] = [()]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Every language loads the one bundle at the site root.
    config.extra["search_bundle"] = ("" if language_of(config) == DEFAULT else "../") + BUNDLE + "/"
    _plan_folders[0] = tuple(plan.folders.plan + "/" for plan in site_data(config).plans.values())
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    weight = search_weight(page.file.src_uri, _plan_folders[0])
    if weight:
        page.meta["search_weight"] = weight
    return for_index(html, page.file.src_uri, _plan_folders[0])


@event_priority(-110)  # after hooks/bilingual.py has built the other languages into the same site
def on_post_build(config: MkDocsConfig) -> None:
    # A preview rebuilds only the edited pages; indexing the whole site again would take most of its time.
    if language_of(config) != DEFAULT or dirty_preview():
        return
    try:
        index_site(Path(config.site_dir))
    except IndexingError as error:
        raise PluginError(str(error)) from None
