"""What every hook reads from the MkDocs configuration: the language, the project, the data, the command
and the moment of the build."""
from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from plansite.articles import Article, load_articles
from plansite.model import LANGUAGES, Language
from plansite.problems import SourceError
from plansite.sitedata import SiteData, load_site_data


def language_of(config: MkDocsConfig) -> Language:
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise PluginError(f"theme.language must be one of {LANGUAGES}, not {language!r}")
    return language


# The MkDocs command being run; hooks/bilingual.py records it in on_startup.
_command = {"name": "build", "dirty": False}


def record_command(command: str, dirty: bool = False) -> None:
    _command.update(name=command, dirty=dirty)


def serving() -> bool:
    return _command["name"] == "serve"


def dirty_preview() -> bool:
    """`make preview` (`mkdocs serve --dirty`): only the pages whose files changed are rebuilt."""
    return serving() and _command["dirty"]


def build_moment(config: MkDocsConfig) -> dt.datetime:
    """One moment per build, read by every hook: it decides what is published and which milestones are past."""
    return config.extra.setdefault("build_moment", dt.datetime.now(dt.timezone.utc))


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


@functools.lru_cache(maxsize=2)
def _cached(root: Path, _fingerprint: tuple) -> SiteData:
    return load_site_data(root)


@functools.lru_cache(maxsize=2)
def _cached_articles(root: Path, _fingerprint: tuple) -> list[Article]:
    return load_articles(root, _cached(root, _fingerprint))


def fingerprint(root: Path) -> tuple:
    """Changes when a data file or the set of pages changes, so `serve` reloads what it must."""
    watched = [*sorted((root / "data").rglob("*.yml")), *sorted((root / "docs").rglob("*.md"))]
    return tuple((str(p), p.stat().st_mtime_ns) for p in watched)
