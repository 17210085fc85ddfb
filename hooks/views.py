"""MkDocs adapter: "Lượt xem: N" at the end of each article when data/site.yml sets show_view_counts
(the staff page of most-read articles comes with the other generated pages, plansite.generated)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import language_of, project_root, site_articles, site_data
from plansite.validate.problems import SourceError
from plansite.derive.view_counts import load_views, views_line

# This build's line for each article, by source path, when the site shows view counts: worked out once per build.
_lines: dict[str, str] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _lines.clear()
    if site_data(config).site.show_view_counts:
        try:
            views = load_views(project_root(config))
        except SourceError as error:
            raise PluginError(error.report()) from None
        language = language_of(config)
        _lines.update({a.src_uri: views_line(views, a) for a in site_articles(config) if a.language == language})
    return files


@event_priority(10)  # before hooks/news.py adds the language note and related articles: the line ends the text
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + _lines.get(page.file.src_uri, "")
