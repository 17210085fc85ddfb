"""Building blocks shared by the generated pages: links between them, front matter, lists, group names."""
from __future__ import annotations

import posixpath

from .catalogue import section
from .escaping import markdown_text as md, yaml_string
from .languages import relative_url
from .model import Group, Language

PLAN_SOURCE = "data/plan.yml"


def link(target: str, page: str) -> str:
    """A Markdown link target from page to target, both source paths."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def page_url(src_uri: str) -> str:
    """The address of a page below its language's root (the site uses directory URLs)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(target: str, page: str) -> str:
    """A link for raw HTML, which MkDocs leaves alone: from page to target, both source paths."""
    return relative_url(page_url(target) if target.endswith(".md") else target, page_url(page))


def front_matter(description: str, source: str = PLAN_SOURCE, title: str = "") -> str:
    """source names the data file that "edit this page" opens."""
    title_line = f"title: {yaml_string(title)}\n" if title else ""
    return f"---\nsource: {source}\n{title_line}description: {yaml_string(description)}\n---\n\n"


def bullet_list(items: list[str]) -> str:
    """Markdown items (data texts in them already escaped with `md`) as a list."""
    return "\n".join(f"- {item}" for item in items) + "\n"


def text_list(texts: list[str]) -> str:
    """Plain data texts as a Markdown list, each shown exactly as typed."""
    return bullet_list([md(text) for text in texts])


def group_path(group: Group) -> str:
    return f"ke-hoach/{group.id}.md"


def group_label(group: Group | None, language: Language) -> str:
    """"Nhóm 3", the foundation group, or the plan's common tasks (group None)."""
    words = section(language, "groups")
    if group is None:
        return words["common"]
    return words["communication"] if group.number == 0 else f"{words['group']} {group.number}"
