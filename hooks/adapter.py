"""What every hook reads from the MkDocs configuration: the language, the project, the data, the command
and the moment of the build."""
from __future__ import annotations

import datetime as dt
import functools
import os
import secrets
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from plansite.derive.site import site_views
from plansite.derive.site_view import SiteView
from plansite.load.articles import Article, load_articles
from plansite.model import LANGUAGES, Language
from plansite.validate.problems import SourceError, say
from plansite.load.sitedata import SiteData, load_site_data


def language_of(config: MkDocsConfig) -> Language:
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise PluginError(f"theme.language must be one of {LANGUAGES}, not {language!r}")
    return language


# The MkDocs command being run; hooks/bilingual.py records it in on_startup, tools/preview.py as PREVIEW.
_command = {"name": "build", "dirty": False}
PREVIEW = "preview"


def record_command(command: str, dirty: bool = False) -> None:
    _command.update(name=command, dirty=dirty)


def serving() -> bool:
    return _command["name"] in ("serve", PREVIEW)


def previewing() -> bool:
    """`make preview` (tools/preview.py): built once, then each saved file's pages rendered again alone."""
    return _command["name"] == PREVIEW


def dirty_build() -> bool:
    return _command["dirty"]


# Drawn once per process (MkDocs loads the hooks again at every rebuild of `mkdocs serve`, not this module).
_SERVE_NONCE = secrets.token_urlsafe(18)


def serve_nonce() -> str:
    """While serving: the nonce that lets the script MkDocs' server adds to every page it serves (the one that
    reloads the page after a save) run under the pages' Content-Security-Policy (hooks/safety.py). A page's
    author cannot know it: it is new every time the server starts."""
    return _SERVE_NONCE


# The caller's SOURCE_DATE_EPOCH, read when the hooks are first loaded: hooks/reproducible.py later sets its own
# (the last commit's time) for MkDocs' sitemap dates, which must not move the build's idea of today.
_CALLER_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")


def dirty_preview() -> bool:
    """A preview that rebuilds only what changed: `make preview`, or `mkdocs serve --dirty`. No search index."""
    return previewing() or (serving() and _command["dirty"])


def build_moment(config: MkDocsConfig) -> dt.datetime:
    """One moment per build, read by every hook: it decides what is published and which milestones are past.

    It is an input, so that two builds with the same inputs are the same bytes on any day: the caller's
    SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else the clock."""
    if "build_moment" not in config.extra:
        config.extra["build_moment"] = _moment(_CALLER_EPOCH)
    return config.extra["build_moment"]


def _moment(epoch: str | None) -> dt.datetime:
    if epoch is None:
        return dt.datetime.now(dt.timezone.utc)
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise PluginError(f"SOURCE_DATE_EPOCH={epoch!r}: {say('problems.source_date_epoch')}\n"
                          f"    → {say('fixes.source_date_epoch', shown='SOURCE_DATE_EPOCH=$(date -d 2025-06-01 +%s)')}") from None


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def site_articles(config: MkDocsConfig) -> list[Article]:
    """Every news article in both languages, checked; read once per change of the sources."""
    root = project_root(config)
    try:
        return _cached_articles(root, fingerprint(root))
    except SourceError as error:
        raise PluginError(error.report()) from None


def site_data(config: MkDocsConfig) -> SiteData:
    """The validated data; a problem stops the build with the editors' message, not a traceback."""
    root = project_root(config)
    try:
        return _cached(root, fingerprint(root))
    except SourceError as error:
        raise PluginError(error.report()) from None


def views(config: MkDocsConfig) -> dict[Language, SiteView]:
    """The site as this build shows it, in every language: derived once per build and read by every hook (a page
    that lists a material gives every language's version of it)."""
    root = project_root(config)
    site_data(config), site_articles(config)  # their problems stop the build with the editors' message
    return _views(root, fingerprint(root), build_moment(config))


def site_view(config: MkDocsConfig) -> SiteView:
    """The view in this build's language."""
    return views(config)[language_of(config)]


@functools.lru_cache(maxsize=2)
def _views(root: Path, _fingerprint: tuple, moment: dt.datetime) -> dict[Language, SiteView]:
    return site_views(_cached(root, _fingerprint), moment, _cached_articles(root, _fingerprint))


@functools.lru_cache(maxsize=2)
def _cached(root: Path, _fingerprint: tuple) -> SiteData:
    return load_site_data(root)


@functools.lru_cache(maxsize=2)
def _cached_articles(root: Path, _fingerprint: tuple) -> list[Article]:
    return load_articles(root, _cached(root, _fingerprint))


def fingerprint(root: Path) -> tuple:
    """Changes when a data file or the set of pages changes, so `serve` reloads what it must. It walks every
    source: call it once per build or per save, never per page (sorted as strings, Path's ordering is slow)."""
    watched = [*sorted(map(str, (root / "data").rglob("*.yml"))), *sorted(map(str, (root / "docs").rglob("*.md")))]
    return tuple((path, os.stat(path).st_mtime_ns) for path in watched)
