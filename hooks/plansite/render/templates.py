"""The generated pages' templates (templates/ at the project root), rendered with escaping on by default.

Two kinds of template, told apart by their name:
- `*.md` make Markdown pages: every `{{ value }}` that is not already markup is shown as typed, its HTML
  characters as entities and its Markdown punctuation escaped, so a data text can never become a link,
  a heading, a tag or a placeholder. Inside a raw HTML block, where Markdown escapes would show, write
  `{{ value|h }}` (HTML escaping only).
- `*.html` make standalone HTML files: Jinja's own HTML autoescaping.
Either way, escaping is what happens when nothing is said; `|url` lets through only a safe address, and
the catalogue's texts (`t("plan.funding")`) are the project's own markup, their placeholders escaped."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from plansite.render.catalogue import text
from plansite.render.escaping import markdown_text, yaml_string
from plansite.model import STATUSES, Language
from plansite.render.paths import href, link

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
# Characters an address may keep as they are; the rest is percent-encoded, so no quote, bracket, space
# or angle bracket can end the attribute or the Markdown link it stands in.
URL_SAFE = "/:#?&=%@+,;~-._"
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def markdown_escape(value: Any) -> Markup:
    """Plain text for a Markdown page; markup (Markup, or anything with __html__) passes as it is."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    # Quotes too: a value put into an attribute by mistake still cannot end it.
    return Markup(markdown_text(str(value)).replace('"', "&quot;"))


def html_escape(value: Any) -> Markup:
    return escape(value)


def safe_url(value: str) -> Markup:
    """A link target: relative, or http(s); any other scheme (javascript:, data:) is refused."""
    scheme = SCHEME.match(value)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise ValueError(f"refused link target {value!r}: only relative, http and https addresses")
    return Markup(quote(value, safe=URL_SAFE))


def yaml_filter(value: str) -> Markup:
    return Markup(yaml_string(str(value)))


class Translator:
    """`t(key, **values)`: the catalogue's text in the page's language, its placeholders filled in escaped; a
    number `n` among the values chooses the text's plural form."""

    def __init__(self, language: Language, escaper: Callable[[Any], Markup]) -> None:
        self.language, self.escaper = language, escaper

    def __call__(self, key: str, **values: Any) -> Markup:
        return self._fill(key, self.escaper, values)

    def html(self, key: str, **values: Any) -> Markup:
        """For raw HTML inside a Markdown page."""
        return self._fill(key, html_escape, values)

    def _fill(self, key: str, escaper: Callable[[Any], Markup], values: dict[str, Any]) -> Markup:
        count = values.get("n")
        template = text(self.language, key, count if isinstance(count, int) else None)
        if not values:  # a text without placeholders may hold braces of its own ({"vi": …})
            return Markup(template)
        return Markup(template.format(**{name: escaper(v) for name, v in values.items()}))


@functools.cache
def environment(kind: str) -> Environment:
    markdown = kind == "md"
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=markdown_escape if markdown else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(h=html_escape, url=safe_url, yaml=yaml_filter)
    env.globals.update(statuses=STATUSES)
    return env


def render(name: str, language: Language, page: str = "", **context: Any) -> str:
    """Render templates/<name> for one language. Every template has `t` (the catalogue), `language`, and,
    for the page at source path `page`, `rel(target)` (a Markdown link to another page's source path) and
    `href(target)` (the same for raw HTML, which MkDocs does not rewrite)."""
    kind = "md" if name.endswith(".md") else "html"
    template = environment(kind).get_template(name)
    return template.render(language=language, t=Translator(language, markdown_escape if kind == "md" else html_escape),
                           page=page, rel=lambda target: link(target, page), href=lambda target: href(target, page),
                           **context)
