"""What the build adds to news articles (cover, language note, related articles) and the category pages,
from templates/news/."""
from __future__ import annotations

import re

from plansite.derive.site_view import ArticleView, SiteView
from plansite.model import Language
from plansite.render.templates import render


def article_markdown(markdown: str, article: ArticleView, language: Language, page: str) -> str:
    """The article as written, with its cover on top and, at the end, its language note and related articles."""
    top = render("news/cover.md", language, page, cover=article.cover) if article.cover else ""
    end = render("news/article_end.md", language, page, translated=article.translated, related=article.related)
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


def category_pages(site: SiteView) -> dict[str, str]:
    """A page per plan group that published articles use, titled in the page's language.

    The blog plugin lists the articles on it; without it the plugin would title the page with the group id."""
    pages = {}
    for group in site.groups.values():
        if group.has_news:
            plan = site.group_plan(group.id)
            pages[group.category] = render("news/category.md", site.language, group.category, group=group,
                                           source=plan.source, label=group.site_heading, group_path=group.path,
                                           footer=plan.footer)
    return pages
