"""Reach without trackers: the view counts that tools/views.py took from the web server's access log
(data/views.json), the staff page of the most-read articles per language and month, and the optional
"Lượt xem: N" line on articles (`show_view_counts: true` in data/site.yml)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Iterable, Literal

from babel.dates import format_date
from babel.numbers import format_decimal
from pydantic import Field, StringConstraints, ValidationError

from plansite.load.articles import NEWS_DIR, Article
from plansite.load.yamlsource import read_yaml
from plansite.model import Language, Strict
from plansite.render.escaping import markdown_text as md
from plansite.render.languages import LOCALES, site_prefix
from plansite.render.paths import link
from plansite.validate.problems import Problem, SourceError

VIEWS_FILE = "data/views.json"
MOST_READ_PAGE = "luot-xem.md"
RECOUNT_HINT = ("tệp do tools/views.py ghi từ nhật ký máy chủ: chạy lại lệnh đếm, hoặc xóa tệp / the file is "
                "written by tools/views.py from the server's log: count again, or delete the file")
TOP = 10

Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
PagePath = Annotated[str, StringConstraints(pattern=r"^/")]
Counts = dict[PagePath, Annotated[int, Field(ge=0)]]


class ViewCounts(Strict):
    """Page views by page path ("/tin-tuc/<slug>/", "/en/tin-tuc/<slug>/"): totals of past months ("2026-11"),
    and recent days ("2026-12-01") that a rotated log may still hold (tools/views.py)."""

    months: dict[Month, Counts] = {}
    days: dict[Day, Counts] = {}
    folded_through: Day | Literal[""] = ""

    def by_month(self) -> dict[str, dict[str, int]]:
        totals = {month: dict(pages) for month, pages in self.months.items()}
        for day, pages in self.days.items():
            into = totals.setdefault(day[:7], {})
            for path, hits in pages.items():
                into[path] = into.get(path, 0) + hits
        return totals


def load_views(root: Path) -> ViewCounts:
    """The counts, or none when the site has not counted yet (no access log, e.g. on the forge's Pages)."""
    path = root / VIEWS_FILE
    if not path.is_file():
        return ViewCounts()
    document = read_yaml(path, VIEWS_FILE)  # JSON is YAML: the same safe reader, with line numbers
    if isinstance(document, Problem):
        raise SourceError([document])
    try:
        return ViewCounts.model_validate(document.data)
    except ValidationError as error:
        raise SourceError([document.problem(*explain(item)) for item in error.errors()]) from None


def explain(item: dict) -> tuple[tuple, str, str]:
    """Where and what, for a file that no one edits by hand: the hint is to count again."""
    location = tuple(part for part in item["loc"] if part != "[key]")
    if item["loc"][-1] == "[key]":
        message = {("months", 2): "không phải một tháng dạng YYYY-MM / not a month as YYYY-MM",
                   ("days", 2): "không phải một ngày dạng YYYY-MM-DD / not a day as YYYY-MM-DD"}.get(
            (location[0], len(location)), "không phải đường dẫn trang bắt đầu bằng / / not a page path starting with /")
    elif item["type"] == "greater_than_equal":
        message = "số lượt xem không được âm / a view count cannot be negative"
    else:
        message = f"giá trị không hợp lệ / invalid value: {item['msg']}"
    return location, message, RECOUNT_HINT


def article_path(article: Article) -> str:
    """The article's address below the site root, as the access log writes it."""
    return f"/{site_prefix(article.language)}{NEWS_DIR}/{article.meta.slug}/"


def article_views(views: ViewCounts, article: Article) -> int:
    path = article_path(article)
    return sum(pages.get(path, 0) for pages in views.by_month().values())


def most_read(views: ViewCounts, articles: list[Article], language: Language,
              now: dt.datetime) -> list[tuple[str, list[tuple[Article, int]]]]:
    """Per month, newest first: the published articles of this language most read that month."""
    by_path = {article_path(a): a for a in articles if a.language == language and a.published(now)}
    result = []
    months = views.by_month()
    for month in sorted(months, reverse=True):
        read = [(by_path[path], hits) for path, hits in months[month].items() if path in by_path and hits]
        read.sort(key=lambda item: (-item[1], item[0].meta.title))
        if read:
            result.append((month, read[:TOP]))
    return result


WORDS: dict[Language, dict[str, str]] = {
    "vi": {"title": "Bài được đọc nhiều nhất",
           "description": "Số lượt xem các bài viết theo tháng, đếm từ nhật ký của máy chủ web.",
           "intro": "Trang dành cho cán bộ truyền thông, không hiện trong menu và kết quả tìm kiếm. Số lượt xem đếm từ "
                    "nhật ký truy cập của chính máy chủ web, không dùng cookie, mã theo dõi hay dịch vụ bên ngoài; "
                    "không lưu địa chỉ IP; lượt truy cập của máy tìm kiếm và công cụ tự động không được tính. "
                    "Số liệu cập nhật mỗi ngày khi trang được dựng lại.",
           "none": "Chưa có số liệu lượt xem: trang chưa được đếm từ nhật ký máy chủ (ví dụ khi xuất bản trên "
                   "Pages của nền tảng mã nguồn, nơi không có nhật ký truy cập).",
           "month": "Tháng {month}", "rank": "Hạng", "article": "Bài viết", "views": "Lượt xem",
           "views_line": "Lượt xem: {n}"},
    "en": {"title": "Most-read articles",
           "description": "Article views per month, counted from the web server's log.",
           "intro": "A page for communication staff, not in the menu or in search. Views are counted from the web "
                    "server's own access log, with no cookie, tracking script or outside service; no IP address is "
                    "kept; visits by search engines and other automated tools are left out. The figures are "
                    "updated every day when the site is rebuilt.",
           "none": "No view counts yet: the site has not been counted from a server log (for example when it is "
                   "published on the forge's Pages, which keep no access log).",
           "month": "{month}", "rank": "Rank", "article": "Article", "views": "Views",
           "views_line": "Views: {n}"},
}


def count_text(n: int, language: Language) -> str:
    return format_decimal(n, locale=LOCALES[language])


def month_text(month: str, language: Language) -> str:
    year, number = month.split("-")
    first = dt.date(int(year), int(number), 1)
    shown = f"{first.month}/{first.year}" if language == "vi" else format_date(first, "MMMM yyyy", locale=LOCALES[language])
    return WORDS[language]["month"].format(month=shown)


def most_read_page(views: ViewCounts, articles: list[Article], language: Language, now: dt.datetime) -> str:
    words = WORDS[language]
    head = (f"---\ndescription: {words['description']}\nsearch:\n  exclude: true\n---\n\n"
            f"# {words['title']}\n\n{words['intro']}\n")
    months = most_read(views, articles, language, now)
    if not months:
        return head + f"\n{words['none']}\n"
    sections = []
    for month, read in months:
        rows = "\n".join(f"| {rank} | [{md(article.meta.title)}]({link(article.src_uri, MOST_READ_PAGE)}) "
                         f"| {count_text(hits, language)} |" for rank, (article, hits) in enumerate(read, 1))
        sections.append(f"## {month_text(month, language)}\n\n| {words['rank']} | {words['article']} | "
                        f"{words['views']} |\n| ---: | --- | ---: |\n{rows}\n")
    return head + "\n" + "\n".join(sections)


def views_pages(root: Path, articles: list[Article], language: Language, now: dt.datetime) -> dict[str, str]:
    """For the registry of generated pages (plansite.generated)."""
    try:
        views = load_views(root)
    except SourceError:
        views = ViewCounts()  # reported by the view_counts check, which stops the build first
    return {MOST_READ_PAGE: most_read_page(views, articles, language, now)}


def view_counts(project) -> Iterable[Problem]:
    """The check (plansite.checks.CHECKS) that data/views.json, when present, is well-formed."""
    try:
        load_views(project.root)
    except SourceError as error:
        yield from error.problems


def views_line(views: ViewCounts, article: Article) -> str:
    """The line at the end of an article, as the source site shows it; nothing before the first count."""
    n = article_views(views, article)
    if not n:
        return ""
    text = WORDS[article.language]["views_line"].format(n=count_text(n, article.language))
    return f'\n\n<p class="article-views">{text}</p>\n'
