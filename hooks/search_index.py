"""MkDocs adapter: the search results page in each language and the Pagefind index of the whole site."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from adapter import language_of
from plansite.languages import DEFAULT
from plansite.search import BUNDLE, SEARCH_PAGE, IndexingError, index_site, search_page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Every language loads the one bundle at the site root.
    config.extra["search_bundle"] = ("" if language_of(config) == DEFAULT else "../") + BUNDLE + "/"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Reached from the header form, not the menu.
    files.append(File.generated(config, SEARCH_PAGE, content=search_page(language_of(config)),
                                inclusion=InclusionLevel.NOT_IN_NAV))
    return files


@event_priority(-110)  # after hooks/bilingual.py has built the other languages into the same site
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) != DEFAULT:
        return
    try:
        index_site(Path(config.site_dir))
    except IndexingError as error:
        raise PluginError(str(error)) from None
