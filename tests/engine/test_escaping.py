"""The escaping functions: data text shown as typed in Markdown, and any text kept whole in a YAML string. (That
hostile data stays inert in every output of a build: tests/site/test_safety.py and test_hostile_data.py.)"""
from __future__ import annotations

import markdown
from ruamel.yaml import YAML

from hostile import HOSTILE
from html_page import Page
from plansite.render.escaping import markdown_text, yaml_string


def test_markdown_text_shows_every_character_as_typed():
    page = Page(markdown.markdown(markdown_text(HOSTILE), extensions=["tables", "attr_list", "md_in_html"]))
    assert page.text.strip() == HOSTILE
    assert not page.scripts and not page.handlers and not page.javascript


def test_yaml_string_survives_quotes_backslashes_and_newlines():
    text = 'a "quoted" \\ back\nslash: # not a comment'
    assert YAML(typ="safe").load(f"description: {yaml_string(text)}") == {"description": " ".join(text.split())}
