"""Everything the build makes from the data, in one place: the hooks add it, `make check` reads it.

The pipeline's last joint: the site view is derived once per language (plansite.derive.site), and every page
and file is rendered from it (plansite.render)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from plansite.derive.site import site_views
from plansite.derive.site_view import SiteView
from plansite.derive.view_counts import MOST_READ_PAGE, views_pages
from plansite.index.search import SEARCH_PAGE, search_page
from plansite.load.articles import Article
from plansite.load.sitedata import SiteData
from plansite.model import LANGUAGES, Language
from plansite.output.content_policy import nginx_policies, policy_for, with_policy
from plansite.render.calendar import calendar_ics
from plansite.render.campaigns import CALENDAR, campaign_pages, generated_materials, material_sizes
from plansite.render.languages import DEFAULT, site_prefix, site_root
from plansite.render.news import category_pages
from plansite.render.open_data import PLAN_JSON, TASKS_CSV, open_data_page, plan_json, tasks_csv
from plansite.render.paths import OPEN_DATA, UNKNOWNS, page_url
from plansite.render.plan_pages import plan_pages
from plansite.render.tracker_pages import agency_pages, tracker_pages
from plansite.render.unknowns import unknowns_page

# Generated pages reached from elsewhere than the menu.
UNLISTED = {SEARCH_PAGE, MOST_READ_PAGE, UNKNOWNS}
# Written by mkdocs-rss-plugin into each language's root.
FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")


def generated_pages(root: Path, views: dict[Language, SiteView], language: Language, articles: list[Article] = (),
                    root_url: str = "/") -> dict[str, str]:
    """Source path -> Markdown, from the site view in each language (a material's page lists every language's
    version with its size). root_url is the whole site's address (generated materials lead to it)."""
    docs = root / "docs"
    site = views[language]
    sizes = material_sizes(views, lambda path: (docs / path).stat().st_size, root_url, served_size(root))
    pages: dict[str, str] = {}
    for plan in site.plans:
        pages.update(plan_pages(site, plan))
        pages.update(tracker_pages(site, plan))
    return {
        **pages,
        **agency_pages(site),
        OPEN_DATA: open_data_page(site),
        UNKNOWNS: unknowns_page(site),
        **campaign_pages(site, sizes),
        **category_pages(site),
        SEARCH_PAGE: search_page(language),
        **views_pages(root, articles, language, site.now),
    }


def served_size(root: Path) -> Callable[[str, str], int]:
    """Bytes of a generated HTML file as the site serves it, from its address below the site root: with the
    policy meta tag the build adds to it (hooks/safety.py), so that the library's sizes are the files'."""
    policies = nginx_policies(root)

    def size(address: str, content: str) -> int:
        html = content.encode("utf-8")
        return len(with_policy(html, policy_for(policies, "/" + address)) or html)
    return size


def generated_files(site: SiteView, site_url: str) -> dict[str, str]:
    """Path below the language's root -> content: open data, generated materials, the events calendar.
    site_url is the language's address."""
    urls = {c.id: site_url + page_url(c.path) for c in site.campaigns}
    files = {
        TASKS_CSV: tasks_csv(site, site_url),
        **generated_materials(site, site_root(site_url, site.language)),
        CALENDAR: calendar_ics([c.campaign for c in site.campaigns], site.language, site.name, urls,
                               site.now.replace(microsecond=0)),
    }
    if site.language == DEFAULT:  # one plan.json for the whole site, both languages inside
        files[PLAN_JSON] = plan_json(site)
    return files


def site_files(data: SiteData) -> set[str]:
    """Every file the build writes besides pages, by address below the site root (for link checks)."""
    views = site_views(data, dt.datetime.now(dt.timezone.utc))
    return {site_prefix(language) + path for language in LANGUAGES
            for path in [*generated_files(views[language], "/"), *FEEDS]}
