"""Every kind of page the site has, one example each, by path below a language's root.

The browser tests visit each in both languages; a new kind of page adds its example here."""
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "plan": "ke-hoach/",
    "group": "ke-hoach/cong-dong-ben-vung/",
    "funding": "ke-hoach/kinh-phi/",
    "organisation": "ke-hoach/to-chuc-thuc-hien/",
    "about-ascc": "cong-dong-van-hoa-xa-hoi-asean/",
    "guide": "huong-dan/",
    "tracker": "theo-doi/",
    "tasks": "theo-doi/nhiem-vu/",
    "matrix": "theo-doi/trach-nhiem/",
    "timeline": "theo-doi/moc-thoi-gian/",
    "agencies": "theo-doi/co-quan/",
    "agency": "theo-doi/co-quan/so-ldtbxh/",
    "open-data": "theo-doi/du-lieu-mo/",
    "report-guide": "huong-dan-bao-cao/",
    "search-results": "tim-kiem/?q=ke+hoach",
    "translation-status": "tinh-trang-ban-dich/",
    "not-found": "khong-co-trang-nay/",
}
