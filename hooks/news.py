"""MkDocs adapter: news articles (Material's blog plugin) and their feed (mkdocs-rss-plugin), per language."""
from __future__ import annotations


from markupsafe import escape
from material.plugins.blog.author import Author
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from adapter import build_moment, language_of, serving, site_articles, site_data
from plansite.render.catalogue import section
from plansite.load.articles import Article
from plansite.render.news import article_markdown
from plansite.render.languages import DATE_PATTERNS
from plansite.render.sharing import DEFAULT_IMAGE

# This build's articles by source path, all articles, and the groups' labels in this language.
_articles: dict[str, Article] = {}
_all: list[Article] = []
_category_labels: dict[str, str] = {}


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
    language, articles = language_of(config), site_articles(config)
    _all[:] = articles
    _articles.clear()
    _articles.update({a.src_uri: a for a in articles if a.language == language})
    _category_labels.clear()
    _category_labels.update({g.id: g.title(language) for g in site_data(config).groups()})
    # A post dated after the build's moment is published from that day (mkdocs.yml). The moment is the build's
    # input (SOURCE_DATE_EPOCH), not the clock Material's draft_if_future_date reads: such posts are excluded
    # here, as Material excludes them, before the blog plugin looks for posts, so that the news, the feeds and
    # every list of articles agree. `mkdocs serve` shows them, as Material shows drafts there.
    if not serving():
        moment = build_moment(config)
        for article in _articles.values():
            if not article.meta.draft and not article.published(moment):
                files.get_file_from_path(article.src_uri).inclusion = InclusionLevel.EXCLUDED
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    article = _articles.get(page.file.src_uri)
    if article is None:
        return markdown
    page.meta["share"] = True
    # The feed names each category by its label in this language (mkdocs.yml: rss categories). The feed's
    # template writes categories as they are, unlike titles: a label is escaped here, as XML text.
    page.meta["category_labels"] = [escape(_category_labels[c]) for c in article.meta.categories]
    return article_markdown(markdown, article, _all, build_moment(config))


def material_author(name: str, description: str, avatar: str) -> Author:
    author = Author()
    author.load_dict({"name": name, "description": description, "avatar": avatar})
    author.validate()
    return author
