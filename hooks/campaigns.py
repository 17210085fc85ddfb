"""MkDocs adapter: campaign pages, the materials library, generated materials and the events calendar."""
from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from adapter import language_of, project_root, site_data
from plansite.calendar import calendar_ics
from plansite.campaigns import CALENDAR, campaign_pages, campaign_path, generated_materials, material_sizes, page_url


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language, data = language_of(config), site_data(config)
    docs = project_root(config) / "docs"
    sizes = material_sizes(data, lambda path: (docs / path).stat().st_size)
    for src_uri, markdown in campaign_pages(data, language, sizes).items():
        files.append(File.generated(config, src_uri, content=markdown))
    for path, content in generated_materials(data, language).items():
        files.append(File.generated(config, path, content=content))
    site_url = config.site_url or "/"
    urls = {c.id: site_url + page_url(campaign_path(c)) for c in data.campaigns}
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    files.append(File.generated(config, CALENDAR, content=calendar_ics(data.campaigns, language, config.site_name, urls, stamp)))
    return files
