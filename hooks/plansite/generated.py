"""Every Markdown page made from the data, in one list: what the build adds and what `make check` reads."""
from __future__ import annotations

import datetime as dt

from .languages import site_prefix
from .model import LANGUAGES, Language
from .open_data import OPEN_DATA, PLAN_JSON, TASKS_CSV, open_data_page
from .plan_pages import plan_pages
from .search import SEARCH_PAGE, search_page
from .sitedata import SiteData
from .tracker_pages import tracker_pages

# Generated pages reached from elsewhere than the menu.
UNLISTED = {SEARCH_PAGE}


def generated_pages(data: SiteData, language: Language, today: dt.date) -> dict[str, str]:
    """Source path -> Markdown. `today` splits the timeline into past and upcoming milestones."""
    return {
        **plan_pages(data, language),
        **tracker_pages(data, language, today),
        OPEN_DATA: open_data_page(data, language),
        SEARCH_PAGE: search_page(language),
    }


def generated_files() -> set[str]:
    """Data files the build writes, by path below the site root: one plan.json, a tasks.csv per language."""
    return {PLAN_JSON, *(site_prefix(language) + TASKS_CSV for language in LANGUAGES)}
