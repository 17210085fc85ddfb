"""Every kind of page the builds make, one example each, by path below a language's root.

The browser tests visit each in both languages. Most are on the published site's own build; the populated
ones need data the published site does not have yet (fixture reports, a campaign with events, enough news
to paginate, a one-language article) and are on the populated build (tests/conftest.py: populated_site).
A new kind of page adds its example here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    kind: str
    path: str
    populated: bool = False   # on the populated build, not the published one
    standalone: bool = False  # a file of its own (the printable leaflet): no header, menu or skip link

    def __str__(self) -> str:
        return self.kind


PAGE_TYPES: list[PageType] = [
    PageType("home", ""),
    PageType("plan", "ke-hoach/"),
    PageType("group", "ke-hoach/cong-dong-ben-vung/"),
    PageType("funding", "ke-hoach/kinh-phi/"),
    PageType("organisation", "ke-hoach/to-chuc-thuc-hien/"),
    PageType("about-ascc", "cong-dong-van-hoa-xa-hoi-asean/"),
    PageType("guide", "huong-dan/"),
    PageType("tracker", "theo-doi/"),
    PageType("tasks", "theo-doi/nhiem-vu/"),
    PageType("matrix", "theo-doi/trach-nhiem/"),
    PageType("timeline", "theo-doi/moc-thoi-gian/"),
    PageType("agencies", "theo-doi/co-quan/"),
    PageType("open-data", "theo-doi/du-lieu-mo/"),
    PageType("report-guide", "huong-dan-bao-cao/"),
    PageType("search-results", "tim-kiem/?q=ke+hoach"),
    PageType("translation-status", "tinh-trang-ban-dich/"),
    PageType("news-index", "tin-tuc/"),
    PageType("article", "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/"),
    PageType("news-category", "tin-tuc/chu-de/tuyen-truyen-giao-duc/"),
    PageType("news-archive", "tin-tuc/luu-tru/2026/"),
    PageType("staff-guide", "danh-cho-can-bo/"),
    PageType("unknowns", "thong-tin-chua-co/"),
    PageType("materials-library", "tai-lieu/"),
    PageType("leaflet", "tai-lieu/to-roi-ke-hoach.html", standalone=True),
    PageType("not-found", "khong-co-trang-nay/"),
    PageType("dashboard-with-reports", "theo-doi/", populated=True),
    PageType("report-history", "theo-doi/nhiem-vu/", populated=True),
    PageType("agency-with-reports", "theo-doi/co-quan/mttq-tinh/", populated=True),
    PageType("campaigns", "chien-dich/", populated=True),  # the published data records no campaign
    PageType("campaign-with-events", "chien-dich/thu/", populated=True),
    PageType("paginated-listing", "tin-tuc/trang/2/", populated=True),
    PageType("paginated-category", "tin-tuc/chu-de/tuyen-truyen-giao-duc/trang/2/", populated=True),
]
BY_KIND = {page_type.kind: page_type for page_type in PAGE_TYPES}
LANGUAGES = {"vi": "", "en": "en/"}
