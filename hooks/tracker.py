"""MkDocs adapter: the tracker's pages (dashboard, tasks, matrix, timeline, agencies) and the open data files."""
from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from adapter import language_of, site_data
from plansite.languages import DEFAULT
from plansite.open_data import OPEN_DATA, PLAN_JSON, TASKS_CSV, open_data_page, plan_json, tasks_csv
from plansite.tracker_pages import tracker_pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, data = language_of(config), site_data(config)
    # Past and upcoming milestones are split at the day of the build.
    today = dt.date.today()
    pages = {**tracker_pages(data, language, today), OPEN_DATA: open_data_page(data, language)}
    for src_uri, markdown in pages.items():
        files.append(File.generated(config, src_uri, content=markdown))
    files.append(File.generated(config, TASKS_CSV, content=tasks_csv(data, language, config.site_url or "/")))
    # One plan.json for the whole site, both languages inside: written by the root language only.
    if language == DEFAULT:
        files.append(File.generated(config, PLAN_JSON, content=plan_json(data, today)))
    return files
