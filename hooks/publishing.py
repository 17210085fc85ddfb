"""MkDocs adapter: `make publish` (PLANSITE_PUBLISH=1) refuses a local or non-https SITE_URL before
anything is written, and fails when any output file names a loopback address; no build is kept when any
output file holds a secret or a path of the build machine; every build gets the
sitemap index and robots.txt, and a local build tells crawlers not to index it."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from adapter import language_of, project_root, serving
from plansite.output.leaks import build_leaks, leak_report
from plansite.render.languages import DEFAULT, site_root
from plansite.output.publishing import PublishingError, check_no_loopback, check_site_url, write_sitemaps_and_robots


def publishing(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("publishing")) and not serving()


@event_priority(110)  # before hooks/atomic_output.py makes its staging folder: a refusal writes nothing
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["publishing"] = publishing(config)
    if config.extra["publishing"] and language_of(config) == DEFAULT:
        try:
            check_site_url(os.environ.get("SITE_URL"))
        except PublishingError as error:
            raise PluginError(str(error)) from None
    return config


@event_priority(-150)  # after the English build and the search index, before the output is swapped in
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) != DEFAULT:
        return
    site_dir = Path(config.site_dir)
    write_sitemaps_and_robots(site_dir, site_root(config.site_url or "/", DEFAULT), config.extra["publishing"])
    if config.extra["publishing"]:
        try:
            check_no_loopback(site_dir)
        except PublishingError as error:
            raise PluginError(str(error)) from None
    # Every build that is kept, previews included: none may carry a secret or a path of this machine.
    found = [] if serving() else build_leaks(site_dir, project_root(config))
    if found:
        raise PluginError(leak_report(found))
