"""View counts from the web server's own access log, per page and per month, for the daily rebuild.

GoAccess (Debian's `goaccess`) reads the log: it leaves out crawlers and static files, folds query strings
into their page, and puts misses (404) apart. Only the page paths and their counts are written: no IP
address, no user agent, no time of day. Months already in the counts file are kept, so rotated-away logs
lose nothing; a month seen again keeps the larger count of each page (a log that starts mid-month cannot
lower it).

    python -m tools.views /var/log/nginx/plansite.access.log* --out data/views.json
"""
from __future__ import annotations

import argparse
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
MONTHS = {name: number for number, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
# The time field of nginx's combined format: [01/Dec/2026:20:01:16 +0000]
LOG_TIME = re.compile(rb"\[\d{2}/(?P<month>[A-Z][a-z]{2})/(?P<year>\d{4}):")
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


def split_by_month(lines: Iterable[bytes], folder: Path) -> dict[str, Path]:
    """One file per month ("2026-12") of the log lines, because GoAccess counts a whole log at once."""
    files, handles = {}, {}
    try:
        for line in lines:
            match = LOG_TIME.search(line)
            if not match or match["month"].decode() not in MONTHS:
                continue
            month = f"{match['year'].decode()}-{MONTHS[match['month'].decode()]:02d}"
            if month not in handles:
                files[month] = folder / f"{month}.log"
                handles[month] = files[month].open("wb")
            handles[month].write(line if line.endswith(b"\n") else line + b"\n")
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
        months = split_by_month(log_lines(logs), Path(temp))
        counted = {month: page_hits(log, Path(temp) / f"{month}.json") for month, log in sorted(months.items())}
    return {month: pages for month, pages in counted.items() if pages}


def merge(previous: dict[str, dict[str, int]], counted: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    merged = {month: dict(pages) for month, pages in previous.items()}
    for month, pages in counted.items():
        into = merged.setdefault(month, {})
        for path, hits in pages.items():
            into[path] = max(into.get(path, 0), hits)
    return {month: dict(sorted(merged[month].items())) for month in sorted(merged)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", type=Path, nargs="+", help="nginx access logs (plain or .gz), in any order")
    parser.add_argument("--out", type=Path, default=Path("data/views.json"), help="the counts file the build reads")
    args = parser.parse_args(argv)
    try:
        previous = json.loads(args.out.read_text(encoding="utf-8"))["months"] if args.out.exists() else {}
        months = merge(previous, count_views(args.logs))
    except (ViewsError, OSError, ValueError, KeyError) as error:
        print(f"Không đếm được lượt xem / views not counted: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    staged = args.out.with_name(args.out.name + ".new")
    staged.write_text(json.dumps({"months": months}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    staged.replace(args.out)  # a build reading the file meanwhile sees the old counts or the new, whole
    total = sum(sum(pages.values()) for pages in months.values())
    print(f"{args.out}: {len(months)} tháng / months, {total} lượt xem / views")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
