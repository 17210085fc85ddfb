"""Front matter: of a news article, and of a hand-written page."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .campaigns import AssetPath
from .common import NonEmpty, RepoPath, Slug, Strict

# ---- front matter of a news article (docs/<language>/tin-tuc/posts/*.md)

class Cover(Strict):
    image: AssetPath = Field(description="Ảnh; tệp trong docs/assets/ / the picture, a file under docs/assets/")
    alt: NonEmpty = Field(description="Mô tả ảnh; cho người không xem được ảnh / the picture's alt text")
    credit: NonEmpty = Field(description="Nguồn ảnh; người chụp hoặc cơ quan cung cấp / who took or gave the picture")


class ArticleMeta(Strict):
    title: NonEmpty = Field(description="Tiêu đề / the title")
    description: NonEmpty = Field(description="Tóm tắt; một câu, hiện trên kết quả tìm kiếm và khi chia sẻ / "
                                  "a one-sentence summary")
    date: dt.date = Field(description="Ngày đăng; ngày trong tương lai thì bài hiện từ ngày đó / the date; "
                          "a future date publishes the article on that day")
    slug: Slug = Field(description="Địa chỉ; chữ thường không dấu, nối bằng gạch ngang, giống nhau ở hai ngôn ngữ / "
                       "the address, the same in both languages")
    authors: list[Slug] = Field(min_length=1, description="Tác giả (data/authors.yml) / the authors")
    categories: list[Slug] = Field(min_length=1, description="Chủ đề; nhóm giải pháp của Kế hoạch / the categories: plan groups")
    tags: list[NonEmpty] = Field([], description="Từ khóa / tags")
    draft: bool = Field(False, description="Bản nháp; không đăng lên trang / a draft, not published")
    translated: bool = Field(True, description="Có bản ở ngôn ngữ kia; tắt khi bài chỉ có một ngôn ngữ / "
                             "has a translation; off for an article in one language only")
    pin: bool = Field(False, description="Ghim lên đầu danh sách tin / pinned to the top of the news")
    cover: Cover | None = Field(None, description="Ảnh bìa / the cover picture")



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
