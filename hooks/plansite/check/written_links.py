"""Each link's address as its author wrote it, kept while MkDocs renders a page: MkDocs rewrites a link to a
page into the page's address, and the checks judge (and place) the address as written."""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import markdown

ADDRESS = {"a": "href", "img": "src"}   # the elements and attributes MkDocs rewrites (its "relpath" step)
EXCERPT = "excerpt"   # the blog plugin's own step in the Markdown of its excerpts
ESCAPED = re.compile(f"{markdown.util.STX}([0-9]+){markdown.util.ETX}")


class WrittenLinks(markdown.Extension):
    """Added to MkDocs' Markdown extensions; after each conversion, `written` maps every rewritten address to
    the addresses as written (in page order), for the page just rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, list[str]] = {}
        self._before: dict[int, str] = {}

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # MkDocs' own rewriting runs at priority 0, after the headings' ids (toc, 5) and attributes (attr_list, 8).
        md.treeprocessors.register(_Step(md, self._note, start=self.reset), "plansite_written_links", 0.5)
        md.treeprocessors.register(_Step(md, self._pair), "plansite_rewritten_links", -1)

    def _note(self, element: Element, attribute: str) -> None:
        # Backslash escapes (`\\-`) are still placeholders here: written out as the characters they stand for.
        self._before[id(element)] = ESCAPED.sub(lambda m: chr(int(m.group(1))), element.get(attribute) or "")

    def _pair(self, element: Element, attribute: str) -> None:
        written = self._before.pop(id(element), None)
        new = element.get(attribute) or ""
        if written is not None and written != new:
            self.written.setdefault(new, []).append(written)

    def reset(self) -> None:
        self.written, self._before = {}, {}


class _Step(markdown.treeprocessors.Treeprocessor):
    def __init__(self, md: markdown.Markdown, visit, start=None) -> None:
        super().__init__(md)
        self.visit, self.start = visit, start

    def run(self, root: Element) -> None:
        if EXCERPT in self.md.treeprocessors:
            return  # the blog's excerpt of an article in a listing: not a page the checks read
        if self.start:
            self.start()
        for element in root.iter():
            attribute = ADDRESS.get(element.tag)
            if attribute and element.get(attribute) is not None:
                self.visit(element, attribute)
