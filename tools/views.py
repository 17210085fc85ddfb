"""View counts from the web server's own access log, per page and per month, for the daily rebuild.

GoAccess (Debian's `goaccess`) reads the log: it leaves out crawlers and static files, folds query strings
into their page, and puts misses (404) apart. Only page paths and counts are written: no IP address, no
user agent, no time of day.

Logs are rotated (Debian keeps 14 days), so each run sees only the last days. Counts are therefore kept per
day while a log may still hold that day: a day seen again keeps the larger count of each page (a day whose
start was rotated away cannot lower it, and a day counted twice is not added twice). Days older than
KEEP_DAYS before the newest are folded into their month's totals, and log lines of folded days are ignored.

    python -m tools.views /var/log/nginx/plansite.access.log* --out data/views.json
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

GOACCESS = "goaccess"
KEEP_DAYS = 40   # longer than any log rotation keeps a day
MONTHS = {name: number for number, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
# The time field of nginx's combined format: [01/Dec/2026:20:01:16 +0000], the day in the server's time zone.
LOG_TIME = re.compile(rb"\[(?P<day>\d{2})/(?P<month>[A-Z][a-z]{2})/(?P<year>\d{4}):")
GOACCESS_OPTIONS = ["--no-global-config", "--log-format=COMBINED", "--ignore-crawlers", "--no-query-string",
                    "--http-method=yes", "--ignore-panel=HOSTS", "--anonymize-ip"]
# Files the site serves beside its pages; GoAccess's own static list misses some of them.
NOT_PAGES = ("/assets/", "/pagefind/", "/en/assets/")


class ViewsError(Exception):
    pass


def log_lines(paths: Iterable[Path]) -> Iterable[bytes]:
    for path in paths:
        if not path.is_file():
            raise ViewsError(f"{path}: không có tệp nhật ký / no such log file")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as log:
            yield from log


def split_by_day(lines: Iterable[bytes], folder: Path) -> dict[str, Path]:
    """One file per day ("2026-12-01") of the log lines, because GoAccess counts a whole log at once."""
    files, handles = {}, {}
    try:
        for line in lines:
            match = LOG_TIME.search(line)
            if not match or match["month"].decode() not in MONTHS:
                continue
            day = f"{match['year'].decode()}-{MONTHS[match['month'].decode()]:02d}-{match['day'].decode()}"
            if day not in handles:
                files[day] = folder / f"{day}.log"
                handles[day] = files[day].open("wb")
            handles[day].write(line if line.endswith(b"\n") else line + b"\n")
    finally:
        for handle in handles.values():
            handle.close()
    return files


def page_hits(log: Path, report: Path) -> dict[str, int]:
    """GoAccess's count of each page read with GET, crawlers and misses left out."""
    result = subprocess.run([GOACCESS, str(log), *GOACCESS_OPTIONS, "-o", str(report)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise ViewsError(f"goaccess: {result.stderr.strip() or result.stdout.strip()}")
    requests = json.loads(report.read_text(encoding="utf-8")).get("requests", {}).get("data", [])
    counts: dict[str, int] = {}
    for entry in requests:
        path = entry["data"]
        if entry.get("method") == "GET" and is_page(path):
            counts[path] = counts.get(path, 0) + entry["hits"]["count"]
    return counts


def is_page(path: str) -> bool:
    return path.startswith("/") and (path.endswith("/") or path.endswith(".html")) and not path.startswith(NOT_PAGES)


def count_views(logs: list[Path]) -> dict[str, dict[str, int]]:
    if shutil.which(GOACCESS) is None:
        raise ViewsError("goaccess: chưa cài / not installed → apt-get install goaccess")
    with tempfile.TemporaryDirectory(prefix="plansite-views-") as temp:
        days = split_by_day(log_lines(logs), Path(temp))
        counted = {day: page_hits(log, Path(temp) / f"{day}.json") for day, log in sorted(days.items())}
    return {day: pages for day, pages in counted.items() if pages}


def merge(previous: dict, counted: dict[str, dict[str, int]], keep_days: int = KEEP_DAYS) -> dict:
    """The counts file after this run: {"months": folded totals, "days": recent days, "folded_through": day}."""
    months = {month: dict(pages) for month, pages in previous.get("months", {}).items()}
    days = {day: dict(pages) for day, pages in previous.get("days", {}).items()}
    folded = previous.get("folded_through", "")
    for day, pages in counted.items():
        if day <= folded:
            continue  # already in its month's total
        into = days.setdefault(day, {})
        for path, hits in pages.items():
            into[path] = max(into.get(path, 0), hits)
    if days:
        boundary = (dt.date.fromisoformat(max(days)) - dt.timedelta(days=keep_days)).isoformat()
        for day in sorted(d for d in days if d <= boundary):
            into = months.setdefault(day[:7], {})
            for path, hits in days.pop(day).items():
                into[path] = into.get(path, 0) + hits
            folded = max(folded, day)
    return {"months": sort_counts(months), "days": sort_counts(days), "folded_through": folded}


def sort_counts(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {key: dict(sorted(counts[key].items())) for key in sorted(counts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", type=Path, nargs="+", help="nginx access logs (plain or .gz), in any order")
    parser.add_argument("--out", type=Path, default=Path("data/views.json"), help="the counts file the build reads")
    args = parser.parse_args(argv)
    try:
        previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
        counts = merge(previous, count_views(args.logs))
    except (ViewsError, OSError, ValueError, AttributeError) as error:
        print(f"Không đếm được lượt xem / views not counted: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    staged = args.out.with_name(args.out.name + ".new")
    staged.write_text(json.dumps(counts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    staged.replace(args.out)  # a build reading the file meanwhile sees the old counts or the new, whole
    total = sum(sum(pages.values()) for part in ("months", "days") for pages in counts[part].values())
    print(f"{args.out}: {total} lượt xem / views")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
