"""Reach without trackers: view counts from nginx's own access log (GoAccess), the staff page of the
most-read articles, and the optional "Lượt xem: N" on articles (on a copy of the ended fixture site; that the
site shows no count while it is off: tests/site/test_build.py)."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, run_build
from plansite.derive.view_counts import ViewCounts
from tools import local_nginx, views

# A desktop Chrome: what a reader's browser says (Chromium under Playwright says "HeadlessChrome").
READER = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/130.0.0.0 Safari/537.36")
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
ISSUED = "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/"
ASCC = "tin-tuc/cong-dong-van-hoa-xa-hoi-asean-la-gi/"
FUNDING = "tin-tuc/kinh-phi-thuc-hien-ke-hoach/"


class StaffPage(HTMLParser):
    """The most-read page: its month headings, each with its rows (rank, article title, link, views),
    and whether any part of it is marked for the search index."""

    def __init__(self, path: Path):
        super().__init__()
        self.months: dict[str, list[tuple[str, str, str, str]]] = {}
        self.indexed = False
        self._heading = self._cell = None
        self._row: list[str] = []
        self._href = ""
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.indexed |= "data-pagefind-body" in a
        if tag == "h2":
            self._heading = ""
        elif tag == "td":
            self._cell = ""
        elif tag == "a" and self._cell is not None:
            self._href = a.get("href", "")
        elif tag == "tr":
            self._row = []

    def handle_endtag(self, tag):
        if tag == "h2" and self._heading is not None:
            self.months[self._heading.strip()] = []
            self._heading = None
        elif tag == "td":
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and len(self._row) == 3 and self.months:
            rank, title, count = self._row
            list(self.months.values())[-1].append((rank, title, self._href, count))

    def handle_data(self, data):
        if self._heading is not None and data != "¶":
            self._heading += data
        if self._cell is not None:
            self._cell += data


class Blocks(HTMLParser):
    """The paragraphs and second-level headings of a page, in order, as (tag, class, text), and its links."""

    def __init__(self, path: Path):
        super().__init__()
        self.blocks: list[tuple[str, str, str]] = []
        self.links: list[str] = []
        self._open: list | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        if tag in ("p", "h2"):
            self._open = [tag, dict(attrs).get("class") or "", ""]

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.blocks.append((self._open[0], self._open[1], self._open[2].strip()))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2] += data

    def views(self) -> list[str]:
        return [text for tag, css, text in self.blocks if css == "article-views"]


def log_line(path: str, agent: str = READER, status: int = 200, day: str = "03/Dec/2026", method: str = "GET") -> str:
    return f'203.0.113.0 - - [{day}:10:00:00 +0700] "{method} {path} HTTP/1.1" {status} 100 "-" "{agent}"\n'


def count(tmp_path: Path, lines: list[str], out: Path | None = None) -> dict:
    log = tmp_path / "access.log"
    log.write_text("".join(lines), encoding="utf-8")
    out = out or tmp_path / "views.json"
    assert views.main([str(log), "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_view_counts_leave_out_crawlers_misses_files_and_addresses(tmp_path):
    lines = [log_line("/tin-tuc/a/")] * 3 + [log_line("/tin-tuc/a/?utm_source=zalo"), log_line("/en/tin-tuc/a/"),
             log_line("/tin-tuc/a/", status=304),                       # a reader's second visit, revalidated
             log_line("/tin-tuc/a/", agent=GOOGLEBOT), log_line("/tin-tuc/a/", agent="bingbot/2.0"),
             log_line("/khong-co/", status=404), log_line("/assets/stylesheets/site.css"),
             log_line("/pagefind/pagefind-entry.json"), log_line("/tin-tuc/a/", method="HEAD"),
             log_line("/tin-tuc/a/", day="28/Nov/2026"), log_line("/tin-tuc/b/", day="30/Nov/2026")]
    written = count(tmp_path, lines)
    assert written == {"months": {}, "folded_through": "",
                       "days": {"2026-11-28": {"/tin-tuc/a/": 1}, "2026-11-30": {"/tin-tuc/b/": 1},
                                "2026-12-03": {"/en/tin-tuc/a/": 1, "/tin-tuc/a/": 5}}}
    assert ViewCounts.model_validate(written).by_month() == {"2026-11": {"/tin-tuc/a/": 1, "/tin-tuc/b/": 1},
                                                             "2026-12": {"/en/tin-tuc/a/": 1, "/tin-tuc/a/": 5}}
    assert "203.0.113" not in (tmp_path / "views.json").read_text()


def test_view_counts_of_daily_runs_over_rotated_logs_add_up(tmp_path):
    """Each run sees only the logs not yet rotated away: days seen twice count once, partial days never lower
    a count, and old days fold into their month without being counted again."""
    out = tmp_path / "views.json"
    day = {n: f"{n:02d}/Dec/2026" for n in range(1, 4)}
    count(tmp_path, [log_line("/tin-tuc/a/", day=day[1])] * 2 + [log_line("/tin-tuc/a/", day=day[2])] * 3, out)
    # The next day: the 1st was rotated away, the 2nd is still whole, the 3rd is new.
    written = count(tmp_path, [log_line("/tin-tuc/a/", day=day[2])] * 3 + [log_line("/tin-tuc/a/", day=day[3])] * 4, out)
    assert ViewCounts.model_validate(written).by_month() == {"2026-12": {"/tin-tuc/a/": 2 + 3 + 4}}
    # A log that holds only the end of the 3rd leaves its count as it was.
    written = count(tmp_path, [log_line("/tin-tuc/a/", day=day[3])], out)
    assert written["days"]["2026-12-03"] == {"/tin-tuc/a/": 4}
    # Fifty days on, December's days are folded into its total; its old log given again adds nothing.
    count(tmp_path, [log_line("/tin-tuc/b/", day="21/Jan/2027")], out)
    written = count(tmp_path, [log_line("/tin-tuc/a/", day=day[2])] * 3, out)
    assert written["months"] == {"2026-12": {"/tin-tuc/a/": 9}} and written["folded_through"] == "2026-12-03"
    assert written["days"] == {"2027-01-21": {"/tin-tuc/b/": 1}}


def test_view_counts_without_a_log_say_so_without_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tools.views", str(tmp_path / "none.log"), "--out",
                             str(tmp_path / "views.json")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "none.log: không có tệp nhật ký / no such log file" in result.stderr
    assert not (tmp_path / "views.json").exists()


def test_a_broken_view_counts_file_is_reported_at_its_line(project):
    (project / "data/views.json").write_text('{"months": {\n "2026-11": {\n  "/tin-tuc/a/": -3\n },\n "2026-13": {}\n},\n'
                                             ' "days": {"2026-12-32": {}}}\n')
    result = subprocess.run([sys.executable, "-m", "plansite.check"], cwd=project, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0 and "Traceback" not in result.stderr + result.stdout
    output = result.stdout + result.stderr
    assert ("data/views.json:3:3: months.2026-11./tin-tuc/a/: số lượt xem không được âm / "
            "a view count cannot be negative\n    → tệp do tools/views.py ghi") in output, output
    assert "data/views.json:5:2: months.2026-13: không phải một tháng dạng YYYY-MM / not a month as YYYY-MM" in output
    assert "data/views.json:7:11: days.2026-12-32: không phải một ngày dạng YYYY-MM-DD / not a day as YYYY-MM-DD" in output


def test_views_end_to_end_nginx_chromium_counting_and_rebuild(project, tmp_path, browser):
    """nginx serves the built site, Chromium reads some articles, GoAccess counts the log, the rebuild shows it."""
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    log = tmp_path / "logs" / "access.log"
    log.parent.mkdir()
    visits = {ISSUED: 3, ASCC: 1, FUNDING: 2, "en/" + ISSUED: 2}
    with local_nginx.serve(site, access_log=log) as address:
        context = browser.new_context(user_agent=READER)
        page = context.new_page()
        for path, times in visits.items():
            for _ in range(times):
                assert page.goto(address + path).status in (200, 304)
        assert page.goto(address + "khong-co-trang-nay/").status == 404
        context.close()
        for _ in range(5):  # a crawler reading the least-read article would put it first
            request = urllib.request.Request(address + ASCC, headers={"User-Agent": GOOGLEBOT})
            assert urllib.request.urlopen(request).status == 200
    raw = log.read_text()
    assert raw.count("Googlebot") == 5 and "127.0.0.1" not in raw and "127.0.0.0" in raw  # nginx keeps no full address

    assert views.main([str(log), "--out", str(project / "data/views.json")]) == 0
    month = dt.date.today()
    settings = project / "data/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("show_view_counts: false", "show_view_counts: true"),
                        encoding="utf-8")
    rebuilt = tmp_path / "rebuilt"
    result = run_build(project, rebuilt)
    assert result.returncode == 0, result.stderr

    vi = StaffPage(rebuilt / "luot-xem/index.html")
    assert list(vi.months) == [f"Tháng {month.month}/{month.year}"]
    rows = vi.months[f"Tháng {month.month}/{month.year}"]
    assert [(rank, href, views_count) for rank, _, href, views_count in rows] == [
        ("1", "../" + ISSUED, "3"), ("2", "../" + FUNDING, "2"), ("3", "../" + ASCC, "1")]
    assert not vi.indexed
    en = StaffPage(rebuilt / "en/luot-xem/index.html")
    assert [(rank, href, c) for rank, _, href, c in en.months[month.strftime("%B %Y")]] == [("1", "../" + ISSUED, "2")]
    # On the articles, when switched on: the count of the article in its own language.
    article = Blocks(rebuilt / ISSUED / "index.html")
    assert article.views() == ["Lượt xem: 3"]
    order = [text for _, _, text in article.blocks]
    assert order.index("Lượt xem: 3") < order.index("Bài viết liên quan¶")  # it ends the text, before related
    assert Blocks(rebuilt / "en" / ISSUED / "index.html").views() == ["Views: 2"]
    assert Blocks(rebuilt / ASCC / "index.html").views() == ["Lượt xem: 1"]  # the crawler's five left out
    # Not in the menu of any page, not in the search index.
    assert not [url for url in Blocks(rebuilt / "index.html").links if "luot-xem" in url]
    fragments = [p.read_bytes() for p in (rebuilt / "pagefind").rglob("*.pf_fragment")]
    assert fragments and not any(b"luot-xem" in gzip.decompress(f) for f in fragments)
