"""Front matter: of a news article, and of a hand-written page."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .campaigns import AssetPath
from .common import NonEmpty, RepoPath, Slug, Strict

# ---- front matter of a news article (docs/<language>/tin-tuc/posts/*.md)

class Cover(Strict):
    image: AssetPath
    alt: NonEmpty
    credit: NonEmpty


class ArticleMeta(Strict):
    title: NonEmpty
    description: NonEmpty
    date: dt.date
    slug: Slug
    # At least one each (the schema says so to editors and the CMS); an empty list is named by the article
    # checks, which list the choices from the data (plansite.load.articles).
    authors: list[Slug] = Field(json_schema_extra={"minItems": 1})
    categories: list[Slug] = Field(json_schema_extra={"minItems": 1})
    tags: list[NonEmpty] = []
    draft: bool = False
    translated: bool = True
    pin: bool = False
    cover: Cover | None = None


# ---- front matter of a hand-written page (docs/<language>/*.md)

class SearchSettings(Strict):
    exclude: bool = False


class FrontMatter(Strict):
    """What a page may say about itself; Material's keys plus the site's own `source` and `translation`."""

    description: NonEmpty
    title: NonEmpty | None = None
    subtitle: NonEmpty | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    template: NonEmpty | None = None
    search: SearchSettings = SearchSettings()
    # The data file behind the page, for its edit link (generated pages set it).
    source: RepoPath | None = None
    # false: the page exists in one language only, on purpose (the translation check skips it).
    translated: bool = True
