"""MkDocs adapter: nothing is read while a link could lead outside the repository, only regular files of the
repository are copied, and page texts that the theme prints unescaped are escaped first. (The source checks of
`make check` stop a build in hooks/source_checks.py, on the HTML MkDocs renders.)"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from adapter import language_of, project_root, serve_nonce, serving
from plansite.check.html_safety import sanitised
from plansite.check.repository_files import link_problems, published_outside
from plansite.output.content_policy import (NGINX_CONFIG, add_to_pages, allowing_nonce, meta_policy, nginx_policies,
                                            policy_for)
from plansite.render.languages import DEFAULT
from plansite.validate.problems import SourceError, say

# Front matter texts that Material's templates (and its tags plugin, reading page.meta after this hook)
# put into HTML without escaping.
PRINTED_RAW = ("title", "description", "subtitle", "tags")


@event_priority(200)  # first of all: before any hook reads a data file, a page or a template
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    problems = link_problems(root)
    if problems:
        raise PluginError(SourceError(problems).report())
    try:
        policies = nginx_policies(root)
    except (OSError, ValueError) as error:
        raise PluginError(f"{error}\n    → the pages' Content-Security-Policy is read from {NGINX_CONFIG}") from None
    if serving():  # `make serve`, `make preview`: the server's reloading script runs, nothing else inline
        policies = allowing_nonce(policies, serve_nonce())
    config.extra["content_policies"] = policies
    # What overrides/main.html puts in every page's head (the theme's pages all live outside /admin/).
    config.extra["content_policy"] = meta_policy(policy_for(policies, "/"))
    return config


def on_serve(server, config: MkDocsConfig, builder):
    # MkDocs' server writes its reloading script, inline, before the last </body> of every page it serves
    # (mkdocs 1.6, LiveReloadServer._inject_js_into_html): that script, and only it, carries the nonce the
    # pages' policy allows while serving. tools/preview.py calls this for its own server.
    inject, nonce = server._inject_js_into_html, serve_nonce().encode()

    def with_nonce(content: bytes, epoch: int) -> bytes:
        served = inject(content, epoch)
        at = content.rfind(b"</body>")
        at = len(content) if at < 0 else at
        if served[at:at + 8] != b"<script>":
            return served   # another version of MkDocs: the page is served without reloading
        return served[:at] + b'<script nonce="' + nonce + b'">' + served[at + 8:]

    server._inject_js_into_html = with_nonce
    return server


@event_priority(-200)  # last: after every hook and plugin has added its files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = project_root(config)
    outside = published_outside(root, [f.abs_src_path for f in files if f.abs_src_path])
    if outside:
        shown = [Path(path).relative_to(root).as_posix() for path in outside]
        raise PluginError(say("problems.outside_files", shown=", ".join(shown)))
    return files


@event_priority(-140)  # after the English build (-100) and /admin/ (-90), before the publishing scan (-150)
def on_post_build(config: MkDocsConfig) -> None:
    # Pages the theme does not render (the printable leaflet, /admin/) get the policy of their address too.
    if language_of(config) == DEFAULT:
        add_to_pages(Path(config.site_dir), config.extra["content_policies"])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    for key in PRINTED_RAW:
        if key in page.meta:
            page.meta[key] = _escaped(page.meta[key])
    return markdown


@event_priority(-80)  # after the rss plugin (-75) has made the page's feed item
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A feed item's description is HTML to a feed reader: the page's description, escaped above for the
    # theme (Markup), must be escaped once more by the feed's template, as text, not kept as markup.
    rss = config.plugins.get("rss")
    for item in getattr(rss, "pages_to_filter", [])[-1:]:
        if item.guid == page.canonical_url and isinstance(item.description, Markup):
            item.description = str(item.description)
    return html


@event_priority(-110)  # after the blog plugin (-100) has cut the excerpts of a news listing
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # An excerpt is the article's HTML cut at its separator, then put beside other excerpts: sanitised,
    # every element it opened is closed and nothing outside the allowlist is left, whatever the cut.
    for excerpt in context.get("posts") or []:
        excerpt.content = sanitised(excerpt.content)
    return context


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value
