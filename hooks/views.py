"""MkDocs adapter: "Lượt xem: N" at the end of each article when data/site.yml sets show_view_counts
(the staff page of most-read articles comes with the other generated pages, plansite.generated)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import language_of, project_root, site_articles, site_data
from plansite.load.articles import Article
from plansite.validate.problems import SourceError
from plansite.derive.view_counts import ViewCounts, load_views, views_line

# This build's articles by source path and the counts, when the site shows them.
_shown: dict[str, tuple[ViewCounts, dict[str, Article]]] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _shown.clear()
    if site_data(config).site.show_view_counts:
        try:
            views = load_views(project_root(config))
        except SourceError as error:
            raise PluginError(error.report()) from None
        language = language_of(config)
        _shown["views"] = (views, {a.src_uri: a for a in site_articles(config) if a.language == language})
    return files


@event_priority(10)  # before hooks/news.py adds the language note and related articles: the line ends the text
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "views" not in _shown:
        return markdown
    views, articles = _shown["views"]
    article = articles.get(page.file.src_uri)
    return markdown + views_line(views, article) if article else markdown
