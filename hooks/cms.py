"""MkDocs adapter: writes /admin/ (the CMS) once the whole site is built, from plansite.cms.

PLANSITE_CMS_BACKEND (set by `make cms`) points the CMS at its local backend on this machine instead of a forge."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from adapter import language_of, project_root, site_data
from plansite.cms.admin import MissingBundle, write_admin
from plansite.cms.config import LOCAL_BACKEND, cms_config
from plansite.render import languages


@event_priority(-90)  # after the other hooks' files, before the English build (bilingual.py, -100) is nested in
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) != languages.DEFAULT:
        return
    root = project_root(config)
    cms = cms_config(site_data(config), config.site_url or "/", os.environ.get(LOCAL_BACKEND))
    try:
        write_admin(Path(config.site_dir), cms, root / "node_modules")
    except MissingBundle as error:
        raise PluginError(str(error)) from None
