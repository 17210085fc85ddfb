"""MkDocs adapter: share previews on every page, share links on articles and campaign pages."""
from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from adapter import language_of, site_data
from plansite.render.catalogue import section
from plansite.render.sharing import preview_image, share_links, share_tags


# The site's name as plain text, per language (config.site_name is escaped for Material's templates): the tags'
# template escapes every value once, including the picture's alt text made from it. Read once per build: the
# data behind it is found by walking the sources, which cost a 1,000-post build 195 s when done for each page.
_site_names: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = language_of(config)
    _site_names[language] = site_data(config).site.name(language)
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    language, site_url = language_of(config), config.site_url or "/"
    url = page.canonical_url or site_url + page.url
    site_name = _site_names[language]
    title = site_name if page.is_homepage else (page.meta.get("title") or page.title or site_name)
    description = page.meta.get("description") or config.site_description or ""
    published = page.meta.get("date") if isinstance(page.meta.get("date"), dt.date) else None
    image = preview_image(page.meta.get("cover"), language, site_name)
    context["share"] = {
        "tags": share_tags(language, site_name, site_url, url, title, description, image,
                           context.get("alternates", []), published),
        "links": share_links(language, url, title) if page.meta.get("share") else [],
        "url": url,
        "words": section(language, "sharing"),
    }
    return context
