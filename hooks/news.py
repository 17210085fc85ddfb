"""MkDocs adapter: news articles (Material's blog plugin) and their feed (mkdocs-rss-plugin), per language."""
from __future__ import annotations


from markupsafe import escape
from material.plugins.blog.author import Author
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from adapter import build_moment, language_of, serving, site_articles, site_data, site_view
from plansite.derive.site_view import ArticleView
from plansite.render.catalogue import section
from plansite.render.news import article_markdown, excerpt_source
from plansite.render.languages import DATE_PATTERNS
from plansite.render.sharing import DEFAULT_IMAGE

# This build's articles by source path, as the site view has them.
_articles: dict[str, ArticleView] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language, data = language_of(config), site_data(config)
    blog, rss = config.plugins["material/blog"], config.plugins["rss"]
    # Both plugin objects serve both languages' builds: give them this language's authors, dates and feed.
    blog.config.post_date_format = DATE_PATTERNS[language]
    # Escaped here: Material's blog templates print an author's name and description unescaped.
    blog.authors = {a.id: material_author(escape(a.name(language)), escape(a.description(language)), a.avatar)
                    for a in data.authors.values()}
    rss.pages_to_filter.clear()
    for feed in (rss.feed_created, rss.feed_updated):
        # Escaped once and marked safe (Markup): the feed's template escapes the title in one place (|e leaves
        # Markup alone) and prints it as it is in others, so neither a bare nor a twice-escaped name would do.
        feed.title = escape(section(language, "news")["feed_title"].format(site=data.site.name(language)))
        feed.description = config.site_description
        feed.logo_url = (config.site_url or "/") + DEFAULT_IMAGE
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The category pages come with the other generated pages (hooks/generated_content.py).
    language = language_of(config)
    _articles.clear()
    _articles.update(site_view(config).articles)
    # A post dated after the build's moment is published from that day (mkdocs.yml). The moment is the build's
    # input (SOURCE_DATE_EPOCH), not the clock Material's draft_if_future_date reads: such posts are excluded
    # here, as Material excludes them, before the blog plugin looks for posts, so that the news, the feeds and
    # every list of articles agree. `mkdocs serve` shows them, as Material shows drafts there.
    if not serving():
        moment = build_moment(config)
        for article in site_articles(config):
            if article.language == language and not article.meta.draft and not article.published(moment):
                files.get_file_from_path(article.src_uri).inclusion = InclusionLevel.EXCLUDED
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    article = _articles.get(page.file.src_uri)
    if article is None:
        return markdown
    page.meta["share"] = True
    # The feed names each category by its label in this language (mkdocs.yml: rss categories). The feed's
    # template writes categories as they are, unlike titles: a label is escaped here, as XML text.
    page.meta["category_labels"] = [escape(label) for label in article.category_labels]
    return article_markdown(markdown, article, language_of(config), page.file.src_uri)


@event_priority(-100)  # after the blog plugin has worked out the article's reading time from its whole text
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    # The blog renders an article's excerpt, in each listing that shows it (three or four), from the article's
    # whole Markdown, and keeps what is above the separator: a third of a large build. The page itself is
    # rendered by now, so the excerpts get the lead, the separator, a placeholder (the listing links to the
    # article when something follows) and the definitions of reference links and abbreviations, which apply
    # to the whole text.
    if page.file.src_uri in _articles:
        separator = config.plugins["material/blog"].config.post_excerpt_separator
        page.markdown = excerpt_source(page.markdown, separator)


def material_author(name: str, description: str, avatar: str) -> Author:
    author = Author()
    author.load_dict({"name": name, "description": description, "avatar": avatar})
    author.validate()
    return author
