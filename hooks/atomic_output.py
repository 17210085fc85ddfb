"""MkDocs adapter: `mkdocs build` writes into a staging folder and replaces site/ only when the whole
build (both languages, the search index) succeeded; a failed build leaves the previous site as it was."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from adapter import language_of, serving
from plansite.output.atomic import discard, replace_dir, staging_dir
from plansite.render.languages import DEFAULT

# The outer build's real output folder and its staging folder, while a build runs.
_output: dict[str, Path] = {}


@event_priority(100)  # before any hook reads site_dir
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `serve` already builds into a temporary folder; the nested English build writes inside ours.
    if serving() or language_of(config) != DEFAULT or _output:
        return config
    _output["target"] = Path(config.site_dir)
    _output["staged"] = staging_dir(_output["target"])
    config.site_dir = str(_output["staged"])
    return config


@event_priority(-200)  # after the English build and the search index
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) != DEFAULT or not _output:
        return
    replace_dir(_output["staged"], _output["target"])
    config.site_dir = str(_output["target"])  # for commands that use the output next (gh-deploy)
    _output.clear()


def on_build_error(error: Exception) -> None:
    # Called by the failing build (and again by the outer one when the English build failed).
    if _output:
        discard(_output["staged"])
        _output.clear()
