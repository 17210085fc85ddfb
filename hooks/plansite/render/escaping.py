"""Texts from the data files are plain text: escaped where they are put into Markdown or YAML.

An official's text may hold `<`, `*`, `[`, `{{` or a line that starts with `#`; on the page it reads
exactly as typed, never as markup, a link, a script or a placeholder."""
from __future__ import annotations

import html
import json
import re

# Python-Markdown's backslash escapes (with the tables extension's `|`): each is shown as itself.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def markdown_text(text: str) -> str:
    """Plain text as inline Markdown: one line, HTML characters as entities, Markdown syntax escaped."""
    one_line = " ".join(text.split())
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(one_line, quote=False))


def yaml_string(text: str) -> str:
    """Plain text as a YAML scalar for front matter: a JSON string is valid YAML and escapes everything."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)
