"""What the site tests know of the site's content (SITE_ROOT, tests/conftest.py): its validated data, its
articles and where their pages are, all worked out from data/ and docs/, never typed in. A site test asserts
a property of whatever these hold."""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from conftest import SITE_ROOT
from plansite.load.articles import CATEGORY_DIR, NEWS_DIR, Article, load_articles
from plansite.load.sitedata import PlanScope, SiteData, load_site_data
from plansite.model import Group
from plansite.render.paths import PlanPaths, page_url

SITE_DATA: SiteData = load_site_data(SITE_ROOT)
ARTICLES: list[Article] = load_articles(SITE_ROOT, SITE_DATA)
LANGUAGES = {"vi": "", "en": "en/"}    # each language's folder below the site's root
OTHER = {"vi": "en", "en": "vi"}


def page_file(src_uri: str) -> str:
    """The built file of a page, from its source path below a language's docs folder."""
    return page_url(src_uri) + "index.html"


def paths(scope: PlanScope | None = None) -> PlanPaths:
    return PlanPaths((scope or SITE_DATA.main).plan)


def example_group(scope: PlanScope | None = None) -> Group:
    """The group a test looks at: the plan's first numbered group, or its first."""
    groups = (scope or SITE_DATA.main).plan.groups
    return next((g for g in groups if g.number is not None), groups[0])


def published(language: str, now: dt.datetime | None = None) -> list[Article]:
    """The language's published articles, newest first (as of now: the site is built as of today)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return sorted((a for a in ARTICLES if a.language == language and a.published(now)),
                  key=lambda a: (a.meta.date, a.name), reverse=True)


def translated(article: Article) -> Article | None:
    """The same article in the other language, or None for a one-language article."""
    return next((a for a in ARTICLES if a.language != article.language and a.name == article.name), None)


def article_url(article: Article) -> str:
    return f"{NEWS_DIR}/{article.meta.slug}/"


def category_url(group_id: str) -> str:
    return f"{CATEGORY_DIR}/{group_id}/"


def folded(text: str) -> str:
    """Text as a reader types it without diacritics: "Kế hoạch" -> "ke hoach"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def expected_statuses(scope: PlanScope) -> dict[str, str]:
    """Worked out from the reports alone: the latest report's word on each task of the plan, else no-report."""
    latest: dict[str, tuple[dt.date, str]] = {}
    for report in scope.data.reports.values():
        if report.plan != scope.plan.id:
            continue
        for entry in report.tasks:
            if entry.task not in latest or latest[entry.task][0] <= report.date:
                latest[entry.task] = (report.date, entry.status)
    return {task.id: latest[task.id][1] if task.id in latest else "no-report" for _, task in scope.tasks()}


def built_pages(site: Path) -> list[str]:
    """Every page of a build, by path below the site's root: both languages, the admin page and the
    standalone files (the printable leaflets) included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
