"""What HTML a page may contain, judged as a browser reads it.

A page's rendered HTML is parsed by an HTML5 parser that follows the WHATWG parsing rules browsers follow
(Lexbor, through selectolax), so `<!--><script>` or `<![CDATA[><img onerror=…>]]>` is seen as the live
script or handler a browser sees, not as the comment Python's `html.parser` sees. Every element, attribute
and address is then held against the allowlist below; anything outside it is reported, never silently
changed: the source is refused. Comments, `<!…>` declarations and `<?…?>` instructions are refused too,
apart from the news excerpt's separator standing on its own.

Addresses are judged after the browser's own clean-up (`url_scheme`): character references are decoded by
the parser, tabs and newlines anywhere and controls or spaces at either end are dropped, and a backslash
counts as a slash; `java&#9;script:` is a `javascript:` address.

What the build writes from a fragment of a page (the news listing's excerpts) is also sanitised with nh3
(the Ammonia library, on html5ever) under the same allowlist (`sanitised`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import nh3
from selectolax.lexbor import LexborHTMLParser

from plansite.load.articles import EXCERPT_MARKER   # kept where the blog cuts the news listing's excerpt
from plansite.validate.problems import say

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
# Ids the theme's own scripts look up (`__config`, `__search`, `__drawer`…): a page's element with one of
# them would stand in for the theme's (DOM clobbering).
RESERVED_ID = re.compile(r"^__")
# What a browser drops from an address before reading its scheme (WHATWG URL parsing).
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_DOCTYPE = re.compile(r"<!doctype[^>]*>?", re.IGNORECASE)


def url_scheme(address: str) -> str | None:
    """The scheme a browser reads in an attribute's (already decoded) address, lower case; "//" for an
    address that names another host without a scheme; None for a relative address."""
    cleaned = _TAB_OR_NEWLINE.sub("", address).strip(_C0_OR_SPACE).replace("\\", "/")
    match = _SCHEME.match(cleaned)
    if match:
        return match.group(1).lower()
    return "//" if cleaned.startswith("//") else None


@dataclass(frozen=True)
class Removed:
    """One thing the allowlist refuses: a tag, an attribute (with its value) of a tag, or markup the
    browser reads as a comment or declaration (tag "!")."""

    tag: str
    attribute: str = ""
    value: str = ""

    def message(self) -> str:
        if self.tag == "!":
            return say("problems.html_comment", shown=self.value[:60])
        if self.tag == "excerpt":
            return say("problems.excerpt_separator", separator=EXCERPT_MARKER)
        if not self.attribute:
            return say("problems.tag_not_allowed", tag=self.tag)
        if self.attribute.startswith("on"):
            return say("problems.handler_not_allowed", attribute=self.attribute)
        if self.attribute == "style":
            return say("problems.style_not_allowed", value=self.value, allowed=", ".join(sorted(STYLE_PROPERTIES)))
        if self.attribute == "id":
            return say("problems.reserved_id", id=self.value)
        if self.attribute in URL_ATTRIBUTES:
            scheme = url_scheme(self.value)
            if self.tag == "img" and scheme in URL_SCHEMES | {"//"}:
                return say("problems.image_elsewhere", shown=self.value[:60])
            return say("problems.scheme_not_allowed", scheme=scheme, shown=self.value[:60])
        return say("problems.attribute_not_allowed", attribute=self.attribute, tag=self.tag)

    def hint(self) -> str:
        if self.tag == "excerpt":
            return say("fixes.excerpt_separator", separator=EXCERPT_MARKER)
        if self.tag == "!":
            return say("fixes.html_comment")
        if self.attribute in URL_ATTRIBUTES:
            return say("fixes.html_address")
        if self.attribute == "id":
            return say("fixes.reserved_id")
        return say("fixes.unsafe_html")

    def needle(self) -> str:
        """What to look for in the source to find the line."""
        if self.tag == "!":
            return self.value.removeprefix("<!--").removesuffix("-->")[:20] or "<!"
        if self.tag == "excerpt":
            return self.value
        if self.attribute in URL_ATTRIBUTES and self.value:
            return self.value
        if self.attribute == "style":
            return "style="
        if self.attribute == "id":
            return self.value
        return self.attribute or f"<{self.tag}"


def removed_by_sanitiser(html: str) -> list[Removed]:
    """Every tag, attribute, address, comment or declaration of html that the allowlist refuses, in
    document order, as a browser parses html inside a page's body."""
    removed, separators = [], 0
    body = LexborHTMLParser("<!DOCTYPE html><body>" + html).body
    for node in body.traverse(include_text=False):
        if node == body or node.tag == "-text":
            continue
        if node.is_comment_node and node.html == EXCERPT_MARKER and node.parent == body:
            separators += 1
        elif node.is_comment_node or not node.tag or node.tag.startswith("-"):
            # A comment, a bogus comment (<?…>, <![CDATA[…]]>, </-…>) or any other node that is no element.
            removed.append(Removed("!", value=node.html or ""))
        elif node.tag not in TAGS:
            removed.append(Removed(node.tag))
        else:
            removed += _attribute_problems(node.tag, node.attributes)
    # A <!DOCTYPE> inside a page leaves no node behind; it is no content either.
    removed += [Removed("!", value=match.group()) for match in _DOCTYPE.finditer(html)]
    if html.count(EXCERPT_MARKER) != separators:
        removed.append(Removed("excerpt", value=EXCERPT_MARKER))
    return removed


def _attribute_problems(tag: str, attributes: dict[str, str | None]) -> list[Removed]:
    allowed = EVERY_TAG | ATTRIBUTES.get(tag, set())
    removed = []
    for name, value in attributes.items():
        value = value or ""
        if name not in allowed:
            removed.append(Removed(tag, name))
        elif name in URL_ATTRIBUTES:
            scheme = url_scheme(value)
            if scheme is not None and (scheme not in URL_SCHEMES or tag == "img"):
                removed.append(Removed(tag, name, value))
        elif name == "style":
            properties = {p.split(":")[0].strip().lower() for p in value.split(";") if p.strip()}
            if not properties <= STYLE_PROPERTIES or "(" in value or "\\" in value:
                removed.append(Removed(tag, name, ", ".join(sorted(properties))))
        elif name == "id" and RESERVED_ID.match(value):
            removed.append(Removed(tag, name, value))
    return removed


def sanitised(html: str) -> str:
    """html with everything outside the allowlist removed and every open element closed (nh3): for
    fragments the build cuts out of a page, such as the news listing's excerpts."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     strip_comments=True, filter_style_properties=STYLE_PROPERTIES)
