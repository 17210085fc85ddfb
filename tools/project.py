"""The project's own files, and copies of them that a test or the benchmark may change."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_PARTS = ("mkdocs.yml", "hooks", "overrides", "locales", "templates")
CONTENT_PARTS = ("data", "docs")
PROJECT_PARTS = (*ENGINE_PARTS, *CONTENT_PARTS)
# Parts of data/ and docs/ that belong to the engine: a site's content that lacks them takes the repository's.
ENGINE_IN_CONTENT = ("data/schemas", "docs/assets")


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A copy of the repository at target; with `content` (a folder holding a site's data/ and docs/, such as a
    test's fixture site), the engine comes from the repository and data/ and docs/ from there, over the
    repository's JSON Schemas and shared assets (stylesheet, script, logo)."""
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for part in ENGINE_PARTS if content is not None else PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore)
        else:
            shutil.copy2(source, target / part)
    if content is not None:
        for part in ENGINE_IN_CONTENT:
            shutil.copytree(ROOT / part, target / part, ignore=ignore)
        for part in CONTENT_PARTS:
            shutil.copytree(content / part, target / part, ignore=ignore, dirs_exist_ok=True)
    return target
