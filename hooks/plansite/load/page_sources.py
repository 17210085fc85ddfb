"""Where each page comes from: its file in the repository, its edit and report links, its last change."""
from __future__ import annotations

import datetime as dt
import functools
import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode

from plansite.model import Language, Repository
from plansite.render.catalogue import text



def source_path(language: Language, src_uri: str, declared: str | None) -> str:
    """The repository file behind a page: its data file if generated, else its Markdown file."""
    return declared or f"docs/{language}/{src_uri}"


def edit_url(repository: Repository, path: str) -> str | None:
    if not repository.url:
        return None
    middle = "-/edit" if repository.forge == "gitlab" else "edit"
    return f"{repository.url}/{middle}/{quote(repository.branch)}/{quote(path)}"


def report_url(repository: Repository, language: Language, title: str, page_url: str) -> str | None:
    """A new issue in the forge, prefilled with the page's title and address."""
    if not repository.url:
        return None
    title_text = text(language, "report_link.title").format(title=title)
    body = text(language, "report_link.body").format(url=page_url)
    if repository.forge == "gitlab":
        query = urlencode({"issue[title]": title_text, "issue[description]": body})
        return f"{repository.url}/-/issues/new?{query}"
    return f"{repository.url}/issues/new?{urlencode({'title': title_text, 'body': body})}"


def last_changes(root: Path) -> dict[str, dt.date]:
    """The date of the last commit touching each file, from one pass over the git history (once per commit:
    each language's build and the checks ask, and the history only changes with a commit)."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}  # not a git checkout (for example an exported archive): no dates to show
    return dict(_changes_at(root, head))


@functools.lru_cache(maxsize=4)
def _changes_at(root: Path, head: str) -> dict[str, dt.date]:
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", head, "--", "docs", "data"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changes: dict[str, dt.date] = {}
    for entry in log.split("\x00")[1:]:
        day, _, names = entry.partition("\n")
        for name in filter(None, map(str.strip, names.splitlines())):
            changes.setdefault(name, dt.date.fromisoformat(day.strip()))
    return changes


def last_commit_time(root: Path) -> int | None:
    """Seconds since 1970 of the checkout's last commit: the date a reproducible build writes."""
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(stamp) if stamp.isdigit() else None
