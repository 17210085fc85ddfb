"""MkDocs adapter for `make preview` (tools/preview.py): each language's built objects are kept so that one
page can be rendered again alone, and every page says that the listings may lag."""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from adapter import language_of, previewing
from plansite.render.catalogue import section


@dataclass
class Built:
    """What MkDocs needs to render one page of a language again: its configuration, files, menu, templates."""

    config: MkDocsConfig
    files: Files
    nav: Navigation | None = None
    env: object = None


# The latest build of each language, while previewing.
builds: dict[str, Built] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if previewing():
        config.extra["preview_note"] = section(language_of(config), "preview")["note"]
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if previewing():
        builds[language_of(config)] = Built(config, files, nav)
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    if previewing():
        builds[language_of(config)].env = env
    return env
