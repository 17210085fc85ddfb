"""The translation status page lists what needs a look and only counts the pages that match."""
from __future__ import annotations

import datetime as dt

from plansite.render.translations import PairStatus, report_page

DAY, LATER = dt.date(2026, 1, 5), dt.date(2026, 2, 1)


def test_only_pages_needing_a_look_are_listed():
    statuses = [PairStatus(f"tin-tuc/posts/bai-{n}.md", "current", {"vi": DAY, "en": DAY}) for n in range(500)]
    statuses.append(PairStatus("huong-dan.md", "older", {"vi": LATER, "en": DAY}, "en"))
    page = report_page(statuses, "en")
    assert "500 pages match in both languages." in page
    assert "huong\\-dan\\.md" in page and "bai\\-1" not in page
    assert len(page) < 2000


def test_all_matching_says_so():
    page = report_page([PairStatus("index.md", "current", {"vi": DAY, "en": DAY})], "vi")
    assert "1 trang đã khớp ở cả hai ngôn ngữ. Không có trang nào cần xem lại." in page
