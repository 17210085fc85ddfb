"""What the build adds to news articles (cover, language note, related articles) and the category pages,
from templates/news/."""
from __future__ import annotations

import datetime as dt

from plansite.derive.views import group_heading
from plansite.load.articles import CATEGORY_DIR, Article
from plansite.load.sitedata import SiteData
from plansite.model import Language
from plansite.render.paths import PlanPaths
from plansite.render.plan_pages import plan_source
from plansite.render.templates import render


def related(article: Article, articles: list[Article], now: dt.datetime, limit: int = 3) -> list[Article]:
    """The newest published articles in the same language sharing a category with this one."""
    shared = [a for a in articles if a.language == article.language and a.name != article.name
              and a.published(now) and set(a.meta.categories) & set(article.meta.categories)]
    return sorted(shared, key=lambda a: a.meta.date, reverse=True)[:limit]


def article_markdown(markdown: str, article: Article, articles: list[Article], now: dt.datetime) -> str:
    """The article as written, with its cover on top and, at the end, its language note and related articles."""
    language, page = article.language, article.src_uri
    top = render("news/cover.md", language, page, cover=article.meta.cover) if article.meta.cover else ""
    others = [dict(title=a.meta.title, path=a.src_uri) for a in related(article, articles, now)]
    end = render("news/article_end.md", language, page, translated=article.meta.translated, related=others)
    return top + markdown + end.rstrip("\n") + ("\n" if end.strip() else "")


def category_pages(data: SiteData, language: Language, articles: list[Article], now: dt.datetime) -> dict[str, str]:
    """A page per plan group that published articles use, titled in the page's language.

    The blog plugin lists the articles on it; without it the plugin would title the page with the group id."""
    used = {c for a in articles if a.language == language and a.published(now) for c in a.meta.categories}
    pages = {}
    for group in data.groups():
        if group.id not in used:
            continue
        src_uri = f"{CATEGORY_DIR}/{group.id}.md"
        scope = data.group_scope(group.id)
        pages[src_uri] = render("news/category.md", language, src_uri, group=group, source=plan_source(scope),
                                label=group_heading(group, language), group_path=PlanPaths(scope.plan).group(group))
    return pages
