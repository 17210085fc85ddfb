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
    "search-results": "tim-kiem/?q=ke+hoach",
    "news-index": "tin-tuc/",
    "article": "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/",
    "news-category": "tin-tuc/chu-de/tuyen-truyen-giao-duc/",
    "news-archive": "tin-tuc/luu-tru/2021/",
    "campaigns": "chien-dich/",
    "campaign": "chien-dich/tuyen-truyen-cong-dong-van-hoa-xa-hoi-asean/",
    "materials-library": "tai-lieu/",
    "not-found": "khong-co-trang-nay/",
}
