"""Everything the build makes from the data, in one place: the hooks add it, `make check` reads it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from plansite.load.articles import Article, newest_published
from plansite.render.news import category_pages
from plansite.render.calendar import calendar_ics
from plansite.render.campaigns import CALENDAR, campaign_pages, campaign_path, generated_materials, material_sizes
from plansite.render.languages import DEFAULT, site_prefix, site_root
from plansite.model import LANGUAGES, Language
from plansite.render.open_data import PLAN_JSON, TASKS_CSV, open_data_page, plan_json, tasks_csv
from plansite.render.paths import OPEN_DATA, page_url
from plansite.render.plan_pages import plan_pages
from plansite.index.search import SEARCH_PAGE, search_page
from plansite.load.sitedata import SiteData
from plansite.render.tracker_pages import agency_pages, tracker_pages
from plansite.render.unknowns import UNKNOWNS, unknowns_page
from plansite.derive.view_counts import MOST_READ_PAGE, views_pages

# Generated pages reached from elsewhere than the menu.
UNLISTED = {SEARCH_PAGE, MOST_READ_PAGE, UNKNOWNS}
# Written by mkdocs-rss-plugin into each language's root.
FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")


def generated_pages(root: Path, data: SiteData, articles: list[Article], language: Language,
                    now: dt.datetime, root_url: str = "/") -> dict[str, str]:
    """Source path -> Markdown. `now` decides past and upcoming milestones and published articles; root_url
    is the whole site's address (generated materials lead to it)."""
    docs = root / "docs"
    sizes = material_sizes(data, lambda path: (docs / path).stat().st_size, root_url, now.date())
    news = newest_published(articles, language, now)
    pages: dict[str, str] = {}
    for scope in data.scopes():
        pages.update(plan_pages(scope, language, now.date(), news))
        pages.update(tracker_pages(scope, language, now.date()))
    return {
        **pages,
        **agency_pages(data, language, now.date()),
        OPEN_DATA: open_data_page(data, language),
        UNKNOWNS: unknowns_page(data, language, now.date()),
        **campaign_pages(data, language, sizes, now.date()),
        **category_pages(data, language, articles, now),
        SEARCH_PAGE: search_page(language),
        **views_pages(root, articles, language, now),
    }


def generated_files(data: SiteData, language: Language, site_url: str, site_name: str,
                    now: dt.datetime) -> dict[str, str]:
    """Path below the language's root -> content: open data, generated materials, the events calendar."""
    urls = {c.id: site_url + page_url(campaign_path(c)) for c in data.campaigns}
    files = {
        TASKS_CSV: tasks_csv(data, language, site_url),
        **generated_materials(data, language, site_root(site_url, language), now.date()),
        CALENDAR: calendar_ics(data.campaigns, language, site_name, urls, now.replace(microsecond=0)),
    }
    if language == DEFAULT:  # one plan.json for the whole site, both languages inside
        files[PLAN_JSON] = plan_json(data, now.date())
    return files


def site_files(data: SiteData) -> set[str]:
    """Every file the build writes besides pages, by address below the site root (for link checks)."""
    now = dt.datetime.now(dt.timezone.utc)
    return {site_prefix(language) + path for language in LANGUAGES
            for path in [*generated_files(data, language, "/", "", now), *FEEDS]}
