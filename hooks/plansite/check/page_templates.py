"""The layouts a hand-written page may ask for with `template:` in its front matter.

A page's `template:` is handed to the theme's template loader: a path (`../…`, `/etc/…`) is a traceback,
and the theme's other templates are not page layouts (`redirect.html` reloads the page forever,
`partials/…` renders a fragment). Only the site's page layouts below are offered, and only while the file
exists in overrides/ (main.html is the theme's own)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from plansite.validate.problems import say

# main.html: the ordinary page (the default); home.html: the home page's layout.
PAGE_TEMPLATES = ("home.html", "main.html")


def page_template_problem(root: Path, name: str) -> tuple[str, str] | None:
    """(message, hint) when name is not an allowed page layout that exists; None when it is."""
    if name in PAGE_TEMPLATES and any((folder / name).is_file() for folder in _template_folders(root)):
        return None
    usable = [n for n in PAGE_TEMPLATES if any((f / n).is_file() for f in _template_folders(root))]
    return say("problems.template_missing", template=name), say("fixes.template_missing", shown=", ".join(usable))


def _template_folders(root: Path) -> list[Path]:
    """Where MkDocs looks for a page's template: the site's overrides, then Material's own."""
    theme = importlib.util.find_spec("material")
    folders = [root / "overrides"]
    if theme and theme.submodule_search_locations:
        folders.append(Path(next(iter(theme.submodule_search_locations))) / "templates")
    return folders
