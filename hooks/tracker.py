"""MkDocs adapter: the open data files (plan.json, tasks.csv); the tracker's pages come with the other generated pages."""
from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from adapter import language_of, site_data
from plansite.languages import DEFAULT
from plansite.open_data import PLAN_JSON, TASKS_CSV, plan_json, tasks_csv


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, data = language_of(config), site_data(config)
    files.append(File.generated(config, TASKS_CSV, content=tasks_csv(data, language, config.site_url or "/")))
    # One plan.json for the whole site, both languages inside: written by the root language only.
    if language == DEFAULT:
        files.append(File.generated(config, PLAN_JSON, content=plan_json(data, dt.date.today())))
    return files
