"""Nothing a contributor commits may make the build read outside the repository.

Git stores a symbolic link as a link, and a fresh clone recreates it: a link under docs/ to
/proc/self/environ, ~/.ssh or ../.git/config would be read (data, templates) or copied (assets) as if it
were the link's own content. So every folder that the build reads is walked without following links,
before anything in it is opened, and each link (to a file, to a folder, or to nothing) is refused. What
the build then publishes is checked again on its resolved path (`published_outside`)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from plansite.validate.problems import Problem, say

# Every folder the build reads content, data or templates from.
READ_FOLDERS = ("docs", "data", "overrides", "templates", "locales")


def link_problems(root: Path) -> list[Problem]:
    """A problem for every symbolic link, and every entry that is neither a regular file nor a folder,
    under the folders the build reads. Reads names and link targets only, never a file's content."""
    problems = []
    for folder in READ_FOLDERS:
        top = root / folder
        if top.is_symlink() or (top.exists() and not top.is_dir()):
            problems.append(_problem(root, top))
            continue
        for entry in _entries(top):
            if entry.is_symlink() or not (entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False)):
                problems.append(_problem(root, Path(entry.path)))
    return sorted(problems)


def _entries(top: Path) -> Iterable[os.DirEntry]:
    """Every entry below top, depth first, never entering a linked folder."""
    if not top.is_dir():
        return
    stack = [top]
    while stack:
        with os.scandir(stack.pop()) as listing:
            for entry in sorted(listing, key=lambda e: e.name):
                yield entry
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))


def _problem(root: Path, path: Path) -> Problem:
    shown = path.relative_to(root).as_posix()
    if path.is_symlink():
        target = os.readlink(path)
        kind = "link_to_folder" if path.is_dir() else "link_to_file" if path.exists() else "link_to_nothing"
        return Problem(shown, 1, 1, "", say("problems.symlink", shown=f"{shown} -> {target} ({say('problems.' + kind)})"),
                       say("fixes.symlink"))
    mode = path.lstat().st_mode
    kind = "fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device" if (
        stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) else "special"
    return Problem(shown, 1, 1, "", say("problems.not_regular_file", shown=f"{shown} ({kind})"), say("fixes.symlink"))


def published_outside(root: Path, sources: Iterable[str]) -> list[str]:
    """Of the files the build copies (absolute source paths), those under a folder it reads that are not a
    regular file at their own place in the repository once resolved: a link anywhere on the way (to a
    file, to a folder, even to another file of the repository such as .git/config) moves the resolved path."""
    real_root = root.resolve()
    tops = [root / folder for folder in READ_FOLDERS]
    outside = []
    for source in sources:
        path = Path(os.path.abspath(source))
        if not any(path.is_relative_to(top) for top in tops):
            continue  # the theme's own files, from the installed package
        resolved = path.resolve()
        if resolved != real_root / path.relative_to(root) or not resolved.is_file():
            outside.append(source)
    return outside
