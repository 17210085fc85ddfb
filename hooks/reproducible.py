"""MkDocs adapter: two builds of one commit give identical files, so a change shows as a diff of the site.

MkDocs dates the sitemap (and the time inside sitemap.xml.gz) with the build day unless
SOURCE_DATE_EPOCH is set: set it to the last commit's time when the caller has not."""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from adapter import project_root
from plansite.load.page_sources import last_commit_time


@event_priority(100)  # before any page is dated
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "SOURCE_DATE_EPOCH" not in os.environ:
        stamp = last_commit_time(project_root(config))
        if stamp is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(stamp)
    return config
