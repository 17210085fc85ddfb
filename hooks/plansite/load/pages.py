"""Markdown pages as sources: front matter read safely with line numbers, the body rendered as
MkDocs renders it (same extensions, same heading anchors), and positions found back in the file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from pydantic import ValidationError
from ruamel.yaml import YAML

from plansite.load.articles import POSTS_DIR
from plansite.model import FrontMatter, Language
from plansite.validate.problems import Problem, say
from plansite.load.sitedata import validation_problems
from plansite.slugs import slug
from plansite.load.yamlsource import YamlDocument, parse_front_matter

# The same pattern MkDocs uses to find front matter (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# MkDocs always adds these to the configured extensions.
BUILTIN_EXTENSIONS = ["toc", "tables", "fenced_code"]


@dataclass
class PageSource:
    """One page of one language, hand-written or generated from data."""

    language: Language
    src_uri: str        # path below docs/<language>/, e.g. "ke-hoach/index.md"
    shown_as: str       # the file an editor opens: docs/vi/huong-dan.md, or the data file
    text: str           # the whole file, front matter included
    body: str
    body_line: int      # the file's line where the body starts
    meta: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    generated: bool = False

    def position(self, needle: str, start: int = 0) -> tuple[int, int]:
        """Line and column of needle's first occurrence at or after offset start (1, 1 if absent).

        A generated page points at the start of its data file: its own lines are not the editor's."""
        if self.generated:
            return (1, 1)
        index = self.text.lower().find(needle.lower(), start) if needle else -1
        if index < 0:
            return (1, 1)
        return (self.text.count("\n", 0, index) + 1, index - self.text.rfind("\n", 0, index))

    def problem(self, needle: str, message: str, hint: str = "", field: str = "") -> Problem:
        line, column = self.position(needle)
        return Problem(self.shown_as, line, column, field, message, hint)


def read_page(language: Language, src_uri: str, text: str, shown_as: str, generated: bool = False) -> PageSource:
    """Split and check the front matter; problems are kept on the page, never raised."""
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        page = PageSource(language, src_uri, shown_as, text, text, 1, generated=generated)
        if not generated:
            page.problems.append(Problem(shown_as, 1, 1, "", say("problems.page_without_front_matter"),
                                         say("fixes.page_without_front_matter")))
        return page
    body_line = text.count("\n", 0, match.end()) + 1
    page = PageSource(language, src_uri, shown_as, text, text[match.end():], body_line, generated=generated)
    document = parse_front_matter(match.group(1), shown_as)
    if isinstance(document, Problem):
        page.problems.append(document)
        return page
    page.meta = document.data if isinstance(document.data, dict) else {}
    if not generated:
        page.problems.extend(front_matter_problems(document, src_uri))
    return page


def front_matter_problems(document: YamlDocument, src_uri: str) -> list[Problem]:
    if src_uri.startswith(POSTS_DIR + "/"):
        return []  # articles have their own model, checked with everything else about them (articles.py)
    if not isinstance(document.data, dict):
        return [document.problem((), say("problems.page_front_matter_not_pairs"))]
    try:
        FrontMatter.model_validate(document.data)
    except ValidationError as error:
        return list(validation_problems(document, error))
    return []


def markdown_renderer(root: Path) -> markdown.Markdown:
    """A Markdown converter configured as mkdocs.yml configures MkDocs, with the site's heading slugs."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    names, configs = list(BUILTIN_EXTENSIONS), {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        configs[name] = dict(options or {})
    configs.setdefault("toc", {})["slugify"] = slug
    return markdown.Markdown(extensions=names, extension_configs=configs)


def render(renderer: markdown.Markdown, body: str) -> str:
    renderer.reset()
    return renderer.convert(body)


def hand_written_pages(root: Path, language: Language) -> dict[str, PageSource]:
    """Every Markdown file under docs/<language>/, by its path there."""
    docs = root / "docs" / language
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        pages[src_uri] = read_page(language, src_uri, path.read_text(encoding="utf-8", errors="replace"),
                                   f"docs/{language}/{src_uri}")
    return pages
