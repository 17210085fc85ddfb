"""The one parser of built HTML in the tests: a page read with Beautiful Soup, and the parts tests look at.

A page is parsed once per file (and file version): many tests read the same pages of the shared build."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag


class Page:
    """A built page. `soup` is there for a one-off CSS selection; the properties are what tests share."""

    def __init__(self, html: str, path: Path | None = None):
        self.path = path
        # Attributes as written (rel="alternate " stays one string): some tests check the exact value.
        self.soup = BeautifulSoup(html, "html.parser", multi_valued_attributes=None)

    def select(self, selector: str) -> list[Tag]:
        return self.soup.select(selector)

    @functools.cached_property
    def lang(self) -> str | None:
        return self.soup.html.get("lang") if self.soup.html else None

    @functools.cached_property
    def hreflang(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.soup.select("link[hreflang]")
                if "alternate" in link.get("rel", "").split()}

    @functools.cached_property
    def canonical(self) -> str | None:
        links = [link["href"] for link in self.soup.select("link[href]") if "canonical" in link.get("rel", "").split()]
        assert len(links) <= 1, links
        return links[0] if links else None

    @functools.cached_property
    def switcher(self) -> dict[str, str]:
        return {a["hreflang"]: a["href"] for a in self.soup.select("a.md-select__link")}

    @functools.cached_property
    def urls(self) -> list[str]:
        """What the page loads or submits to (src, href of <link> and others, action); not <a> links."""
        return [element[key] for element in self.soup.find_all(True) if element.name != "a"
                for key in ("src", "href", "action") if element.get(key)]

    @functools.cached_property
    def links(self) -> list[str]:
        """Every <a href>: the navigations a reader may choose."""
        return [a["href"] for a in self.soup.select("a[href]")]

    @functools.cached_property
    def ids(self) -> set[str]:
        return {element["id"] for element in self.soup.select("[id]")}

    @functools.cached_property
    def meta(self) -> dict[str, list[str]]:
        """Open Graph and Twitter tags (and every other named meta tag) by property or name."""
        tags: dict[str, list[str]] = {}
        for meta in self.soup.find_all("meta"):
            key = meta.get("property") or meta.get("name")
            if key:
                tags.setdefault(key, []).append(meta.get("content"))
        return tags

    @functools.cached_property
    def feeds(self) -> list[dict]:
        return [dict(link.attrs) for link in self.soup.select('link[type="application/rss+xml"]')]

    @functools.cached_property
    def listed(self) -> list[str]:
        """On a news listing: each excerpt's "continue reading" address."""
        return [nav.a["href"] for nav in self.soup.select("nav.md-post__action") if nav.a]

    @functools.cached_property
    def text(self) -> str:
        """The text a reader sees in the body (scripts and styles left out)."""
        return self.soup.body.get_text() if self.soup.body else self.soup.get_text()

    @functools.cached_property
    def h1(self) -> str:
        return self.soup.h1.get_text() if self.soup.h1 else ""

    @functools.cached_property
    def scripts(self) -> list[str]:
        """The text of every script element, inline or not (a src script has none)."""
        return [script.get_text() for script in self.soup.find_all("script")]

    @functools.cached_property
    def handlers(self) -> list[str]:
        """Every event handler attribute (onclick=…): markup that would run script."""
        return [f"{element.name} {name}={value}" for element in self.soup.find_all(True)
                for name, value in element.attrs.items() if name.lower().startswith("on")]

    @functools.cached_property
    def javascript(self) -> list[str]:
        """Every attribute whose value is a javascript: address."""
        return [f"{element.name} {name}={value}" for element in self.soup.find_all(True)
                for name, value in element.attrs.items()
                if isinstance(value, str) and value.strip().lower().startswith("javascript:")]

    @functools.cached_property
    def tables(self) -> dict[str, dict]:
        """Every table by caption: its column headers, and its rows as (row header, other cells), texts squeezed."""
        tables = {}
        for table in self.soup.find_all("table"):
            caption = squeezed(table.caption) if table.caption else ""
            head = [squeezed(th) for th in table.select('th[scope="col"]')]
            rows = []
            for tr in table.find_all("tr"):
                cells = [squeezed(cell) for cell in tr.find_all(["th", "td"]) if cell.get("scope") != "col"]
                if cells:
                    rows.append((cells[0], cells[1:]))
            tables[caption] = {"caption": caption, "head": head, "rows": rows,
                               "scopes": [th.get("scope", "") for th in table.find_all("th")]}
        return tables

    def section(self, heading_id: str) -> list[Tag]:
        """The elements after the heading with this id, up to the next heading of its level or higher."""
        heading = self.soup.find(id=heading_id)
        level, elements = int(heading.name[1]), []
        for element in heading.find_next_siblings():
            if element.name in {f"h{n}" for n in range(1, level + 1)}:
                break
            elements.append(element)
        return elements

    def resolve(self, url: str, site: Path) -> tuple[Path, str]:
        """The file a relative or site-absolute link of this page opens, and its #fragment."""
        parts = urlsplit(url)
        if not parts.path:
            return self.path, parts.fragment
        folder = site if parts.path.startswith("/") else self.path.parent
        target = Path(os.path.normpath(folder / parts.path.lstrip("/")))
        if parts.path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target, parts.fragment


def squeezed(element: Tag) -> str:
    return " ".join(element.get_text().split())


def read(path: Path) -> Page:
    """The page in a built file, parsed once for as long as the file is unchanged."""
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _read(path: Path, _mtime_ns: int, _size: int) -> Page:
    return Page(path.read_text(encoding="utf-8"), path)
