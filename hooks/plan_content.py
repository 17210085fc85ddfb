"""MkDocs adapter: pages generated from the plan's data, the menu, and facts in hand-written pages."""
from __future__ import annotations

import datetime as dt

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from adapter import language_of, site_data
from plansite.campaigns import campaign_navigation
from plansite.facts import facts, fill_facts
from plansite.model import NavSection
from plansite.generated import UNLISTED, generated_pages
from plansite.plan_pages import plan_navigation
from plansite.problems import SourceError
from plansite.sitedata import CAMPAIGN_PAGES, PLAN_PAGES, TRACKER_PAGES
from plansite.tracker_pages import tracker_navigation

# Facts per language, worked out once per build rather than once per page.
_facts: dict[str, dict] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language, data = language_of(config), site_data(config)
    generated = {PLAN_PAGES: plan_navigation(data), TRACKER_PAGES: tracker_navigation(data, language),
                 CAMPAIGN_PAGES: campaign_navigation(data)}
    menu: list = []
    for entry in data.site.navigation:
        if isinstance(entry, NavSection):
            pages = [p for page in entry.pages for p in generated.get(page, [page])]
            menu.append({escape(entry.section(language)): pages})  # printed unescaped by the theme
        else:
            menu.append(entry.page)
    config.nav = menu
    _facts[language] = facts(data, language)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, data = language_of(config), site_data(config)
    # Past and upcoming milestones are split at the day of the build.
    for src_uri, markdown in generated_pages(data, language, dt.date.today()).items():
        inclusion = InclusionLevel.NOT_IN_NAV if src_uri in UNLISTED else InclusionLevel.UNDEFINED
        files.append(File.generated(config, src_uri, content=markdown, inclusion=inclusion))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = language_of(config)
    source = page.file.content_string
    # Report lines as they stand in the file, front matter included.
    offset = source[: source.find(markdown)].count("\n") if markdown in source else 0
    try:
        return fill_facts(markdown, _facts[language], page.file.src_uri, f"docs/{language}/{page.file.src_uri}",
                          line_offset=offset)
    except SourceError as error:
        raise PluginError(error.report()) from None
