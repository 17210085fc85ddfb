"""MkDocs adapter: one build per language from one configuration, and pages that link across."""
from __future__ import annotations

import gc
import os
import signal

from mkdocs.commands.build import build
from markupsafe import escape
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from plansite.render import languages
from plansite.render.catalogue import section
from plansite.model import LANGUAGES
from plansite.slugs import slug
from adapter import build_moment, dirty_build, language_of, project_root, record_command, serving, site_data, site_view

# Per language: source paths that exist there, for pairing pages across languages.
_pages_by_language: dict[str, set[str]] = {}


def on_startup(command: str, dirty: bool) -> None:
    record_command(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = language_of(config)
    data = site_data(config)
    # Templates print these unescaped: escaped here, once (Markup is not escaped twice by `| e`).
    config.site_name = escape(data.site.name(language))
    config.site_description = escape(data.site.description(language))
    config.extra["language"] = language
    config.extra["locale"] = languages.LOCALES[language]
    config.extra["labels"] = dict(section(language, "interface"))
    config.extra["footer"] = escape(site_view(config).footer)
    # Heading anchors in ASCII ("#tien-do", not "#tien-o"), the same in both languages; their ¶ titled in this one.
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slug
    toc["permalink_title"] = section(language, "interface")["permalink"]
    return config


@event_priority(-50)  # after the other hooks have added their generated pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Shared images and downloads go into each language's output, so pages link to assets/… locally.
    root = project_root(config)
    assets = root / "docs" / "assets"
    for path in sorted(p for p in assets.rglob("*") if p.is_file()):
        uri = path.relative_to(root / "docs").as_posix()
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, str(root / "docs"), config.site_dir, config.use_directory_urls))
    # Pages generated from data exist in every language (`generated` is a constructor: test generated_by).
    generated = {f.src_uri for f in files if f.generated_by}
    for language in LANGUAGES:
        docs = root / "docs" / language
        _pages_by_language[language] = generated | {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    targets = {other: languages.counterpart(page.file.src_uri, page.url, _pages_by_language.get(other, set()))
               for other in LANGUAGES}
    context["alternates"] = page_alternates(config, page.url, targets)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # 404.html is served at any address, so its links are absolute; each language has its own.
    if template_name == "404.html":
        context["alternates"] = page_alternates(config, "404.html", {}, absolute_links=True)
    return context


@event_priority(-100)  # after every plugin has written its files, so the site is whole
def on_post_build(config: MkDocsConfig) -> None:
    if language_of(config) != languages.DEFAULT:
        return
    root = project_root(config)
    for language in LANGUAGES[1:]:
        nested = load_config(
            config_file=config.config_file_path,
            docs_dir=str(root / "docs" / language),
            site_dir=os.path.join(config.site_dir, language),
            site_url=(config.site_url or "/") + languages.site_prefix(language),
            strict=config.strict,
            use_directory_urls=config.use_directory_urls,
        )
        nested.theme["language"] = language
        # Both languages as of one moment: the same articles published, the same site view.
        nested.extra["build_moment"] = build_moment(config)
        serve_url = nested.site_url if serving() else None
        # The first language's pages stay in memory while this one builds: kept out of the garbage
        # collector's full passes, which would otherwise walk them again and again (5% of a large build).
        gc.freeze()
        try:
            build(nested, serve_url=serve_url, dirty=dirty_build())
        finally:
            gc.unfreeze()


def page_alternates(config: MkDocsConfig, url: str, targets: dict, absolute_links: bool = False) -> list:
    language = language_of(config)
    root_url = languages.site_root(config.site_url or "/", language)
    return languages.alternates(language, url, root_url, targets, absolute_links)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    root = project_root(config)
    # templates/ and locales/ make the generated pages: an edit there must rebuild them too.
    for folder in ("docs", "data", "overrides", "hooks", "templates", "locales"):
        server.watch(str(root / folder))
    # A serve started in the background ignores Ctrl+C unless the default handler is restored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return server
