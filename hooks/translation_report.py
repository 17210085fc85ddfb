"""MkDocs adapter: the editors' translation status page in each language, outside the menu and search."""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from adapter import fingerprint, language_of, project_root
from plansite.model import LANGUAGES
from plansite.load.page_sources import last_changes
from plansite.load.pages import hand_written_pages
from plansite.render.translations import PairStatus, REPORT_PAGE, report_page, translation_status


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = project_root(config)
    statuses = _statuses(root, fingerprint(root))
    files.append(File.generated(config, REPORT_PAGE, content=report_page(statuses, language_of(config)),
                                inclusion=InclusionLevel.NOT_IN_NAV))
    return files


@functools.lru_cache(maxsize=1)  # both languages' builds show the same statuses: every page is read once
def _statuses(root: Path, _fingerprint: tuple) -> list[PairStatus]:
    return translation_status({lang: hand_written_pages(root, lang) for lang in LANGUAGES}, last_changes(root))
