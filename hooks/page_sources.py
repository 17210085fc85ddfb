"""MkDocs adapter: each page's edit link, "report a problem" link and last-updated date."""
from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from adapter import language_of, project_root, site_data
from plansite.render.languages import date_text
from plansite.model import Repository
from plansite.load.page_sources import edit_url, last_changes, report_url, source_path
from plansite.cms.config import cms_enabled, entry_path
from plansite.render.languages import site_root

_changes: dict[str, dt.date] = {}
_repository: dict[str, Repository] = {}
# Where /admin/ is, while the CMS is on: "edit this page" then opens the page's entry there.
_cms: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Read once per build; each page is then a dictionary lookup.
    _changes.clear()
    _changes.update(last_changes(project_root(config)))
    language = language_of(config)
    _repository[language] = site_data(config).site.repository
    _cms.pop(language, None)
    if cms_enabled(_repository[language]):
        _cms[language] = site_root(config.site_url or "/", language) + "admin/"
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    language = language_of(config)
    repository = _repository[language]
    path = source_path(language, page.file.src_uri, page.meta.get("source"))
    entry = entry_path(path) if language in _cms else None
    page.edit_url = _cms[language] + entry if entry else edit_url(repository, path)
    if path in _changes:
        page.meta["revision_date"] = date_text(_changes[path], language)
    context["report_url"] = report_url(repository, language, page.title or "", page.canonical_url or page.url)
    return context
