"""What the build adds to news articles (cover, language note, related articles) and the category pages,
from templates/news/."""
from __future__ import annotations

import datetime as dt
import re

from plansite.derive.views import group_heading
from plansite.load.articles import CATEGORY_DIR, Article
from plansite.load.sitedata import SiteData
from plansite.model import Language
from plansite.render.paths import PlanPaths
from plansite.render.plan_pages import plan_source
from plansite.render.templates import render


Newest = dict[tuple[Language, str], list[Article]]


def newest_by_category(articles: list[Article], now: dt.datetime) -> Newest:
    """Per language and category, the published articles newest first (ties in the order of `articles`):
    worked out once per build, not once per article, which made thousands of articles quadratic."""
    index: Newest = {}
    for article in articles:
        if article.published(now):
            for category in dict.fromkeys(article.meta.categories):
                index.setdefault((article.language, category), []).append(article)
    return {key: sorted(found, key=lambda a: a.meta.date, reverse=True) for key, found in index.items()}


def related(article: Article, newest: Newest, limit: int = 3) -> list[Article]:
    """The newest published articles in the same language sharing a category with this one."""
    candidates = {a.name: a for category in article.meta.categories
                  for a in newest.get((article.language, category), [])[:limit + 1] if a.name != article.name}
    by_name = sorted(candidates.values(), key=lambda a: a.name)   # ties in file order, as the articles are read
    return sorted(by_name, key=lambda a: a.meta.date, reverse=True)[:limit]


def article_markdown(markdown: str, article: Article, newest: Newest) -> str:
    """The article as written, with its cover on top and, at the end, its language note and related articles."""
    language, page = article.language, article.src_uri
    top = render("news/cover.md", language, page, cover=article.meta.cover) if article.meta.cover else ""
    others = [dict(title=a.meta.title, path=a.src_uri) for a in related(article, newest)]
    end = render("news/article_end.md", language, page, translated=article.meta.translated, related=others)
    return top + markdown + end.rstrip("\n") + ("\n" if end.strip() else "")


# Lines that define something for the whole text: reference links ("[x]: address") and abbreviations ("*[X]: ...").
DEFINITION = re.compile(r"^ {0,3}(?:\[[^\]]+\]|\*\[[^\]]+\]):", re.M)


def excerpt_source(markdown: str, separator: str) -> str:
    """What the blog needs of an article to show its excerpt: the text above the separator, the separator,
    something after it, and the definitions the lead may use."""
    lead, found, rest = markdown.partition(separator)
    if not found:
        return markdown
    definitions = [line for line in rest.splitlines() if DEFINITION.match(line)]
    return "\n".join([lead + found, "", "…", "", *definitions, ""])


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
