"""MkDocs adapter: the pages and files made from data/ (plansite.generated), the menu, and facts in
hand-written pages."""
from __future__ import annotations


import tempfile
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from adapter import language_of, project_root, site_articles, site_view, views
from plansite.derive.site_view import SiteView
from plansite.generated import UNLISTED, generated_files, generated_pages
from plansite.model import NavSection
from plansite.render.facts import facts, fill_facts
from plansite.render.home import HOME_TEMPLATE, home_parts
from plansite.render.languages import site_root
from plansite.render.navigation import generated_navigation
from plansite.validate.problems import SourceError, say

# Facts per language, worked out once per build rather than once per page.
_facts: dict[str, dict] = {}
# Each language's generated pages, written to a folder of their own for the length of a build: the blog
# plugin paginates a category page by copying its source file, so a page held only in memory (no source
# path) crashes the build once a category has more posts than one page holds.
_page_sources: dict[str, tempfile.TemporaryDirectory] = {}
# Each language's site view, taken once per build (hooks run on_config again when `make preview` reads new data).
_sites: dict[str, SiteView] = {}
# Each language's files, for the home page's links to pages whose address a plugin decides (the articles).
_files: dict[str, Files] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language, site = language_of(config), site_view(config)
    _sites[language] = site
    generated = generated_navigation(site)
    menu: list = []
    for entry in site.site.navigation:
        if isinstance(entry, NavSection):
            pages = [p for page in entry.pages for p in generated.get(page, [page])]
            menu.append({escape(entry.section(language)): escaped(pages)})
        else:
            menu.append(entry.page)
    config.nav = menu
    _facts[language] = facts(site)
    return config


def escaped(entries: list) -> list:
    """Section titles (one-key mappings of title to pages) escaped: the theme prints them unescaped."""
    result = []
    for entry in entries:
        if isinstance(entry, dict):
            [(title, pages)] = entry.items()
            entry = {escape(title): escaped(pages)}
        result.append(entry)
    return result


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = language_of(config)
    folder = Path(_fresh_folder(language))
    pages, other = made_from_data(config)
    for src_uri, markdown in pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if src_uri in UNLISTED else InclusionLevel.UNDEFINED
        source = folder / src_uri
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(markdown, encoding="utf-8")
        files.append(File.generated(config, src_uri, abs_src_path=str(source), inclusion=inclusion))
    for path, content in other.items():
        files.append(File.generated(config, path, content=content))
    _files[language] = files
    return files


def made_from_data(config: MkDocsConfig) -> tuple[dict[str, str], dict[str, str | bytes]]:
    """This language's generated pages (source path -> Markdown) and other files (path -> content); `make
    preview` asks again after a data file changed."""
    language, site = language_of(config), views(config)   # each ask of the adapter walks the sources: once
    pages = generated_pages(project_root(config), site, language, site_articles(config),
                            site_root(config.site_url or "/", language))
    # The calendar names the site by the view's name, not config.site_name: that one is escaped for the theme.
    return pages, generated_files(site[language], config.site_url or "/")


def _fresh_folder(language: str) -> str:
    """An empty folder for this build's pages; the previous build's folder of this language goes."""
    previous = _page_sources.pop(language, None)
    if previous is not None:
        previous.cleanup()
    _page_sources[language] = tempfile.TemporaryDirectory(prefix=f"plansite-pages-{language}-")
    return _page_sources[language].name


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by:
        return markdown  # generated pages hold data texts, which are never read as placeholders
    language = language_of(config)
    source = page.file.content_string
    # Report lines as they stand in the file, front matter included.
    offset = source[: source.find(markdown)].count("\n") if markdown in source else 0
    try:
        return fill_facts(markdown, _facts[language], page.file.src_uri, f"docs/{language}/{page.file.src_uri}",
                          line_offset=offset)
    except SourceError as error:
        raise PluginError(error.report()) from None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """The home page's first screen and cards (plansite.render.home), for overrides/home.html."""
    if page.meta.get("template") != HOME_TEMPLATE:
        return context
    language = language_of(config)
    files = _files[language]

    def link(target: str) -> str:
        """A source path (and #fragment) as an address relative to this page, wherever a plugin put it."""
        path, _, fragment = target.partition("#")
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"{page.file.src_uri}: {say('problems.link_page_missing', path)}")
        return get_relative_url(file.url, page.url) + (f"#{fragment}" if fragment else "")

    context["home"] = home_parts(_sites[language], link)
    return context
