"""The project's own files, and copies of them that a test or the benchmark may change."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The CODEOWNERS files say where code lives (plansite.check.code_owners); deploy/nginx/http.conf holds the
# Content-Security-Policy every page carries (plansite.output.content_policy).
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "locales", "templates", ".github", ".gitlab",
                 "deploy")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
