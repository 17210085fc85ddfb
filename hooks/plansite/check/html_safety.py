"""What HTML a page may contain, judged by a maintained sanitiser (nh3, the Ammonia library).

A page is rendered, cleaned with the allowlist below, and every tag, attribute or address the
sanitiser removed is reported: the source is refused, never silently changed."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

# Everything Markdown and the enabled extensions write, plus simple layout an editor may type.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
# `markdown` asks md_in_html to read Markdown inside a tag; it is harmless where it stays.
EVERY_TAG = {"class", "id", "title", "lang", "dir", "style", "markdown", "role", "tabindex",
             "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"}
ATTRIBUTES = {
    "*": EVERY_TAG,
    "a": {"href", "hreflang", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "details": {"open"},
    "time": {"datetime"},
}
# Addresses without a scheme (relative links, #anchors) are always allowed; javascript: and data: never.
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Tables align columns with `style="text-align: …"`, progress bars set their width; nothing else is kept.
STYLE_PROPERTIES = {"text-align", "width"}
URL_ATTRIBUTES = {"href", "src"}


@dataclass(frozen=True)
class Removed:
    """One thing the sanitiser took out: a tag, or an attribute (with its value) of a tag."""

    tag: str
    attribute: str = ""
    value: str = ""

    def message(self) -> str:
        if not self.attribute:
            return f"thẻ <{self.tag}> không được phép / the <{self.tag}> tag is not allowed"
        if self.attribute.startswith("on"):
            return (f"thuộc tính xử lý sự kiện {self.attribute} không được phép / "
                    f"event-handler attribute {self.attribute} is not allowed")
        if self.attribute == "style":
            return f"kiểu trình bày không được phép / style not allowed: {self.value} (only {', '.join(sorted(STYLE_PROPERTIES))})"
        if self.attribute in URL_ATTRIBUTES:
            scheme = self.value.split(":", 1)[0].strip().lower()
            return f"địa chỉ {scheme}: không được phép / {scheme}: addresses are not allowed: {self.value[:60]}"
        return (f"thuộc tính {self.attribute} của <{self.tag}> không được phép / "
                f"attribute {self.attribute} is not allowed on <{self.tag}>")

    def hint(self) -> str:
        if self.attribute in URL_ATTRIBUTES:
            return "dùng liên kết https://… hoặc tệp trong docs/assets/ / link to https://… or a file in docs/assets/"
        return ("chỉ dùng Markdown hoặc các thẻ HTML đơn giản; không dùng script, iframe, object / "
                "use Markdown or simple HTML only; no script, iframe or object")

    def needle(self) -> str:
        """What to look for in the source to find the line."""
        if self.attribute in URL_ATTRIBUTES and self.value:
            return self.value
        if self.attribute == "style":
            return "style="
        return self.attribute or f"<{self.tag}"


def removed_by_sanitiser(html: str) -> list[Removed]:
    """Every tag and attribute of html that the allowlist does not keep, in document order."""
    cleaned = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                        strip_comments=False, filter_style_properties=STYLE_PROPERTIES)
    kept = Counter(item for element in _Elements.of(cleaned) for item in element)
    removed = []
    for tag, *attributes in _Elements.of(html):
        if kept[tag] > 0:
            kept[tag] -= 1
        else:
            removed.append(tag)  # its attributes go with it
            continue
        for item in attributes:
            if kept[item] > 0:
                kept[item] -= 1
            else:
                removed.append(item)
    return removed


class _Elements(HTMLParser):
    """Each start tag as [the tag, each of its attributes], as Removed candidates."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[list[Removed]] = []

    @classmethod
    def of(cls, html: str) -> list[list[Removed]]:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser.items

    def handle_starttag(self, tag, attrs):
        element = [Removed(tag)]
        self.items.append(element)
        for name, value in attrs:
            # Addresses are compared by value, styles by property; the sanitiser may rewrite other values.
            if name in URL_ATTRIBUTES:
                value = value or ""
            elif name == "style":
                value = ", ".join(sorted({p.split(":")[0].strip() for p in (value or "").split(";") if p.strip()}))
            else:
                value = ""
            element.append(Removed(tag, name, value))

    handle_startendtag = handle_starttag
