"""`make bench`: the performance budget on a synthetic site, printed and written into the README.

Not a test: the figures depend on the machine. Budget (issues 6 and 10): first visit to the home page at
most 150 KB transferred; no search bytes before the first query, the first query at most 150 KB (engine
included), each further one at most 60 KB, plan pages in the top three for plan queries; HTML at most
60 KB per page; build time at most 1.3 times that of plain Material on the same posts."""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from playwright.sync_api import sync_playwright

from tools import local_nginx, readme
from tools.project import ROOT
from tools.synthetic_site import AUTHORS, POSTS_DIR, generate

sys.path.insert(0, str(ROOT / "hooks"))
from plansite.check.page_templates import PAGE_TEMPLATES  # noqa: E402


def plain(text: str) -> str:
    """As a reader types without diacritics: "kinh phí" -> "kinh phi", "đ" as "d", punctuation dropped."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace(",", " ").split())


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUERIES = {"vi": ["ke hoach", "van hoa", "du lich", "giao duc", "cong dong"],
           "en": ["plan", "culture", "tourism", "education", "community"]}
# Plan queries and the plan page each must find in its top three results: Vietnamese with and without
# diacritics (Vietnamese words are two or more syllables; many of these syllables, "cộng đồng", "du lịch",
# "văn hóa", fill the news titles around the plan pages), and English. The held-out set of issue 21 is not
# among them: these tune nothing, they measure.
PLAN_QUERIES = {"vi": [(query, target) for target, spellings in {
                    "ke-hoach/kinh-phi/": ["kinh phí", "ngân sách nhà nước"],
                    "ke-hoach/to-chuc-thuc-hien/": ["tổ chức thực hiện"],
                    "ke-hoach/xa-hoi-hoc-tap/": ["xã hội học tập"],
                    "ke-hoach/van-hoa-du-lich/": ["du lịch", "quảng bá du lịch"],
                    "ke-hoach/cong-dong-hoa-nhap/": ["bình đẳng", "hòa nhập"],
                    "ke-hoach/cong-dong-nang-dong/": ["năng động", "cộng đồng năng động"],
                    "ke-hoach/cong-dong-ben-vung/": ["cộng đồng bền vững"],
                    "ke-hoach/cong-dong-tu-cuong/": ["tự lực, tự cường"],
                    "ke-hoach/cong-dong-gan-ket/": ["gắn kết"],
                    "ke-hoach/khoa-hoc-cong-nghe/": ["khoa học, công nghệ trong sản xuất"],
                    "ke-hoach/vien-tro-phi-chinh-phu/": ["viện trợ phi chính phủ"],
                    "ke-hoach/tuyen-truyen-giao-duc/": ["tuyên truyền, giáo dục"],
                    "theo-doi/moc-thoi-gian/": ["mốc thời gian"],
                    "theo-doi/du-lieu-mo/": ["dữ liệu mở"],
                }.items() for spelling in spellings for query in dict.fromkeys((spelling, plain(spelling)))],
                "en": [("funding", "en/ke-hoach/kinh-phi/"), ("state budget", "en/ke-hoach/kinh-phi/"),
                       ("organisation", "en/ke-hoach/to-chuc-thuc-hien/"),
                       ("learning society", "en/ke-hoach/xa-hoi-hoc-tap/"),
                       ("tourism promotion", "en/ke-hoach/van-hoa-du-lich/"),
                       ("inclusive", "en/ke-hoach/cong-dong-hoa-nhap/"),
                       ("dynamic community", "en/ke-hoach/cong-dong-nang-dong/"),
                       ("sustainable community", "en/ke-hoach/cong-dong-ben-vung/"),
                       ("non-governmental aid", "en/ke-hoach/vien-tro-phi-chinh-phu/"),
                       ("open data", "en/theo-doi/du-lieu-mo/")]}
PREFIX = {"vi": "", "en": "en/"}
KB = 1000
# Plain Material on the same Markdown: its default search plugin, none of our hooks, one build per language.
PLAIN_CONFIG = """site_name: Plain Material
site_url: http://127.0.0.1:8000/{prefix}
docs_dir: docs/{language}
site_dir: {site}
theme:
  name: material
  custom_dir: {overrides}
  language: {language}
  font: false
  features: [navigation.prune, navigation.indexes, navigation.top, navigation.footer, toc.follow]
markdown_extensions: [abbr, admonition, attr_list, md_in_html, tables, {{toc: {{permalink: true}}}},
                      pymdownx.details, pymdownx.keys, pymdownx.superfences]
plugins:
  - search
  - blog:
      blog_dir: tin-tuc
      post_url_format: "{{slug}}"
      post_excerpt: required
      post_readtime: true
      archive_url_format: "luu-tru/{{date}}"
      categories_url_format: "chu-de/{{slug}}"
      pagination_per_page: 10
      pagination_url_format: "trang/{{page}}"
      authors_file: "{authors}"
"""


@dataclass(frozen=True)
class Figure:
    wall: float   # seconds
    cpu: float    # seconds, user and system, the command and its children (Pagefind)
    peak: int     # bytes, the largest resident set of the command or one of its children
    load: float   # the machine's load average (1 minute) at the start or the end, whichever was higher

    def __add__(self, other: Figure) -> Figure:
        return Figure(self.wall + other.wall, self.cpu + other.cpu, max(self.peak, other.peak),
                      max(self.load, other.load))



def timed(command: list[str], cwd: Path) -> Figure:
    """Wall-clock and CPU time and peak memory of a command that must succeed (any warning fails it)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        # wait4 gives this command's own usage, its children's included (getrusage would sum every run).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-3000:]}")
    return Figure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, max(load, os.getloadavg()[0]))


def build_ours(project: Path) -> Figure:
    return timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"], project)


def build_plain(project: Path) -> Figure:
    """Plain Material: the same posts as a Material blog with its own search, one build per language."""
    # A page may ask for one of our layouts (PAGE_TEMPLATES, the home page's): plain Material renders it as
    # its own ordinary page.
    overrides = project / "plain-overrides"
    overrides.mkdir(exist_ok=True)
    for template in PAGE_TEMPLATES:
        if template != "main.html":
            (overrides / template).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    runs = []
    for language in ("vi", "en"):
        config = project / f"plain-{language}.yml"
        authors = project / f"plain-authors-{language}.yml"
        authors.write_text(json.dumps({"authors": {
            author: {"name": author, "description": author, "avatar": "assets/images/logo.svg"} for author in AUTHORS}}),
            encoding="utf-8")
        config.write_text(PLAIN_CONFIG.format(language=language, prefix=PREFIX[language], authors=authors, overrides=overrides,
                                              site=project / "plain-site" / PREFIX[language]), encoding="utf-8")
        runs.append(timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config.name], project))
    return runs[0] + runs[1]


def html_sizes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html")}


def news_sizes(site: Path, sizes: dict[str, int]) -> dict[str, int]:
    """The largest of each kind of news page (both languages), and the feeds, uncompressed."""
    def largest(pattern: str) -> int:
        found = [size for path, size in sizes.items() if re.fullmatch(pattern, path)]
        return max(found, default=0)

    listings = {"news index, first page": r"(en/)?tin-tuc/index.html",
                "news index, a later page": r"(en/)?tin-tuc/trang/\d+/index.html",
                "category page": r"(en/)?tin-tuc/chu-de/[^/]+/(trang/\d+/)?index.html",
                "archive page": r"(en/)?tin-tuc/luu-tru/.+/index.html",
                "article": r"(en/)?tin-tuc/bai-\d+/index.html"}
    figures = {name: largest(pattern) for name, pattern in listings.items()}
    feeds = [p.stat().st_size for p in site.rglob("feed_rss_*.xml")]
    figures["feed (RSS, largest)"] = max(feeds, default=0)
    return figures


# What a query downloads besides the results page: the engine once (cached afterwards), then index pieces.
ENGINE_FILES = ("pagefind.js", ".pagefind", ".pf_meta", "pagefind-entry.json")
INDEX_FILES = (".pf_index", ".pf_filter")
FRAGMENT_FILES = (".pf_fragment",)


def transferred(requests) -> dict[str, int]:
    """Bytes over the wire (headers and compressed bodies) of finished requests, by kind."""
    totals = {"all": 0, "search": 0, "engine": 0, "index": 0, "fragments": 0}
    for request in requests:
        path = request.url.split("?")[0]
        # Chromium reports no body for a worker's script: its bytes would be missed. search-results.js runs none.
        if path.endswith("pagefind-worker.js"):
            raise SystemExit("Pagefind started its web worker: the benchmark cannot measure its script")
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        totals["all"] += size
        totals["search"] += size if "/pagefind/" in path else 0
        totals["engine"] += size if path.endswith(ENGINE_FILES) else 0
        totals["index"] += size if path.endswith(INDEX_FILES) else 0
        totals["fragments"] += size if path.endswith(FRAGMENT_FILES) else 0
    return totals


def wait_for_results(page, query: str) -> None:
    """search-results.js marks the list busy until every shown result's fragment has arrived."""
    page.locator(".search-page__status").filter(has_text=query).wait_for()
    page.locator(".search-page__results[aria-busy=false]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")


def shown_results(page, address: str) -> list[tuple[str, str]]:
    """(address below the site root, excerpt) of each result on the page, in order."""
    links = page.locator(".search-result > .search-result__title a")
    excerpts = page.locator(".search-result > .search-result__excerpt")
    return [(links.nth(i).evaluate("a => a.href").removeprefix(address), excerpts.nth(i).inner_text())
            for i in range(links.count())]


def browser_figures(address: str) -> dict[str, dict]:
    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for language, prefix in PREFIX.items():
            context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(address + prefix)
            page.wait_for_load_state("networkidle")
            home = transferred(finished)
            finished.clear()
            # The first query: the results page (the theme's files are cached from the home page) and the engine.
            page.goto(f"{address}{prefix}tim-kiem/?q={QUERIES[language][0]}")
            wait_for_results(page, QUERIES[language][0])
            first = transferred(finished)
            further, ranks, missing_excerpts = [], [], 0
            queries = QUERIES[language][1:] + [query for query, _ in PLAN_QUERIES[language]]
            expected = dict(PLAN_QUERIES[language])
            for query in queries:
                finished.clear()
                page.locator(".search-page__input").fill(query)
                wait_for_results(page, query)
                further.append(transferred(finished))
                results = shown_results(page, address)
                missing_excerpts += sum(1 for _, excerpt in results if not excerpt.strip())
                if query in expected:
                    urls = [url for url, _ in results]
                    ranks.append((query, urls.index(expected[query]) + 1 if expected[query] in urls else None))
            figures[language] = {"home": home["all"], "home_search": home["search"], "first": first,
                                 "further": further, "ranks": ranks, "missing_excerpts": missing_excerpts}
            context.close()
        browser.close()
    return figures


def search_rows(label: str, browser: dict[str, dict]) -> list[list[str]]:
    """The per-query figures of one synthetic site, largest of the two languages and of the queries."""
    def first(key: str, language: str) -> int:
        return browser[language]["first"][key]

    def further(language: str, key: str = "all") -> int:
        return max(q[key] for q in browser[language]["further"])

    largest_first = max(first("all", lang) for lang in PREFIX)
    largest_further = max(further(lang) for lang in PREFIX)
    ranks = [(lang, query, rank) for lang in PREFIX for query, rank in browser[lang]["ranks"]]
    outside = [f"{query} ({lang}): {rank or 'not shown'}" for lang, query, rank in ranks if not rank or rank > 3]
    missing = sum(browser[lang]["missing_excerpts"] for lang in PREFIX)
    both = " / ".join
    return [
        [f"{label}: first query, transferred (largest; vi / en)", "≤ 150 KB",
         f"{kb(largest_first)} ({both(kb(first('all', lang)) for lang in PREFIX)})", ok(largest_first <= 150 * KB)],
        [f"{label}: first query, of which the engine / index / result fragments (vi; en)", "",
         "; ".join(both(kb(first(key, lang)) for key in ("engine", "index", "fragments")) for lang in PREFIX), ""],
        [f"{label}: each further query, transferred (largest; vi / en)", "≤ 60 KB",
         f"{kb(largest_further)} ({both(kb(further(lang)) for lang in PREFIX)})", ok(largest_further <= 60 * KB)],
        [f"{label}: each further query, of which index / fragments (largest; vi; en)", "",
         "; ".join(both(kb(further(lang, key)) for key in ("index", "fragments")) for lang in PREFIX), ""],
        [f"{label}: plan page in the top three for {len(ranks)} plan queries ({kinds(ranks)})",
         "≥ 90%", f"{len(ranks) - len(outside)} of {len(ranks)}, {100 * (len(ranks) - len(outside)) / len(ranks):.0f}%"
         + (f" (outside: {', '.join(outside)})" if outside else ""), ok(len(outside) <= 0.1 * len(ranks))],
        [f"{label}: results shown without an excerpt", "0", str(missing), ok(missing == 0)],
    ]


def kinds(ranks: list[tuple[str, str, int | None]]) -> str:
    """How many of the plan queries were found, by kind: Vietnamese with and without diacritics, English."""
    groups = {"vi, with diacritics": [r for lang, q, r in ranks if lang == "vi" and q != plain(q)],
              "vi, without": [r for lang, q, r in ranks if lang == "vi" and q == plain(q)],
              "en": [r for lang, q, r in ranks if lang == "en"]}
    return "; ".join(f"{name}: {sum(1 for r in found if r and r <= 3)} of {len(found)}" for name, found in groups.items())


def free_port() -> int:
    return local_nginx.free_port()


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and of its finished children (Pagefind), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Edit:
    """A file saved during a preview: which file, how the marker goes in, and the page that must show it."""

    path: Path
    page: str                       # address below the site root
    insert: Callable[[str, str], str]


def article_edit(project: Path) -> Edit:
    post = next((project / "docs" / "vi" / POSTS_DIR).glob("*-bai-0001.md"))
    return Edit(post, "tin-tuc/bai-0001/", lambda text, marker: text.replace("\n\n", f"\n\n{marker} ", 1))


def data_edit(project: Path) -> Edit:
    """The aim of the first plan, which its overview page shows (data/plans/<id>.yml, `aim: vi:`)."""
    plan = sorted((project / "data" / "plans").glob("*.yml"))[0]

    def insert(text: str, marker: str) -> str:
        found = re.search(r"^aim:\n  vi: (>-?\n\s+)?", text, re.M)
        if not found:
            raise SystemExit(f"{plan}: no `aim: vi:` to edit")
        return text[:found.end()] + marker + " " + text[found.end():]

    return Edit(plan, "ke-hoach/", insert)



def reload_seconds(project: Path, command: list[str], edits: list[Edit], seconds: float = 3600) -> list[Figure]:
    """Per edit, wall and CPU seconds from saving the file to the reloaded page showing the change, with the
    machine's load: the command (a server on `--dev-addr`) is started once, the edits made one after another.

    The CPU time (of the server) does not grow when other work shares the machine; the wall time does."""
    port = free_port()
    address = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)})
    figures = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:   # the first build, before the server answers
                if server.poll() is not None:
                    raise SystemExit(f"{' '.join(command)} stopped ({server.returncode})")
                try:
                    if page.goto(address + edits[0].page).ok:
                        break
                except Exception:
                    pass
                time.sleep(1)
            for edit in edits:
                page.goto(address + edit.page)
                marker = f"Benchmark{time.time_ns()}"
                text = edit.path.read_text(encoding="utf-8")
                page.wait_for_timeout(3000)   # a rebuild the first build's own output may have started
                load = os.getloadavg()[0]
                busy = cpu_seconds(server.pid)
                edit.path.write_text(edit.insert(text, marker), encoding="utf-8")
                saved = time.perf_counter()
                while True:
                    if time.perf_counter() - saved > seconds:
                        raise SystemExit(f"{address + edit.page} never showed the change")
                    try:
                        if marker in page.content():
                            break
                    except Exception:
                        pass   # the page is reloading
                    time.sleep(0.05)
                figures.append(Figure(time.perf_counter() - saved, cpu_seconds(server.pid) - busy, 0,
                                      max(load, os.getloadavg()[0])))
                edit.path.write_text(text, encoding="utf-8")
                page.wait_for_timeout(3000)   # the rebuild of the file as it was, before the next edit
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return figures


def progress(name: str, figures) -> None:
    """Each figure as soon as it is measured: a run of an hour is not lost to an interruption."""
    print(f"{name}: {figures}", file=sys.stderr, flush=True)


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def mb(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


def ok(passed: bool) -> str:
    return "yes" if passed else "**no**"


def sizes(text: str) -> list[int]:
    return [int(size) for size in text.split(",") if size.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=sizes, default=[1000, 3000],
                        help="posts per language at which ours and plain Material are built (the first also gives "
                             "the page sizes, search and preview figures); default 1000,3000")
    parser.add_argument("--memory-sizes", type=sizes, default=[10000],
                        help="further sizes at which only our build is timed, for its peak memory; default 10000")
    parser.add_argument("--runs", type=int, default=1, help="builds of each kind at --sizes; the fastest counts")
    parser.add_argument("--text", default="topical", help="the text of the site whose build is timed")
    parser.add_argument("--no-preview", action="store_true", help="skip the save-to-reload times of `make preview`")
    parser.add_argument("--with-serve", action="store_true", help="also time a save in `make serve` (a whole build)")
    parser.add_argument("--worst-case", action="store_true", help="also measure search on the worst-case text")
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()

    reloads: dict[str, Figure] = {}
    builds: dict[int, tuple[Figure, Figure | None]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="plansite-bench-") as temp:
        for count in args.sizes + args.memory_sizes:
            project = generate(Path(temp) / f"site-{count}", count, "blog", args.text)
            # The fastest of --runs builds where a ratio is taken; a build for its peak memory alone runs once.
            runs = args.runs if count in args.sizes else 1
            ours = min((build_ours(project) for _ in range(runs)), key=lambda run: run.cpu)
            plain = None
            if count in args.sizes:
                plain = min((build_plain(project) for _ in range(args.runs)), key=lambda run: run.cpu)
            builds[count] = (ours, plain)
            progress(f"{count:,} posts: ours / plain Material", builds[count])
            if count != args.sizes[0]:
                shutil.rmtree(project)
                continue
            site, plain_site = project / "site", project / "plain-site"
            html_count = sum(1 for _ in site.rglob("*.html"))
            page_sizes, plain_sizes = html_sizes(site), html_sizes(plain_site)
            news, plain_news = news_sizes(site, page_sizes), news_sizes(plain_site, plain_sizes)
            plain_index = max(p.stat().st_size for p in plain_site.rglob("search_index.json"))
            with local_nginx.serve(site) as address:
                searches = {args.text: browser_figures(address)}
            progress(f"search, {args.text}", searches[args.text])
            if not args.no_preview:
                article, data = reload_seconds(project, [sys.executable, "-m", "tools.preview"],
                                               [article_edit(project), data_edit(project)])
                reloads["`make preview`: an article"] = article
                reloads["`make preview`: a data file (the plan's aim, on its overview page)"] = data
            if args.with_serve:
                [serve] = reload_seconds(project, [sys.executable, "-m", "mkdocs", "serve"], [article_edit(project)])
                reloads["`make serve` (a whole build): an article"] = serve
            progress("reloads", reloads)
            for text in ("shuffled",) if args.worst_case else ():
                other = generate(Path(temp) / text, count, "blog", text)
                build_ours(other)
                with local_nginx.serve(other / "site") as address:
                    searches[text] = browser_figures(address)
                progress(f"search, {text}", searches[text])
                shutil.rmtree(other)
            shutil.rmtree(project)

    first = args.sizes[0]
    largest = max(page_sizes, key=page_sizes.get)
    home = max(figures["home"] for figures in searches[args.text].values())
    search_before = max(figures["home_search"] for figures in searches[args.text].values())
    labels = {"topical": "news-like", "shuffled": "worst case"}

    def load(figure: Figure) -> str:
        return f"load {figure.load:.1f}"

    build_rows = []
    for count, (ours, plain) in builds.items():
        build_rows.append([f"build of {count:,} posts per language: ours (both languages, `--strict`, Pagefind "
                           "index), wall / CPU / peak memory", "", f"{ours.wall:.0f} s / {ours.cpu:.0f} s / "
                           f"{mb(ours.peak)} ({load(ours)})", ""])
        if plain is None:
            continue
        build_rows.append([f"build of {count:,} posts per language: plain Material (the same posts, its blog and "
                           "search, one build per language), wall / CPU / peak memory", "",
                           f"{plain.wall:.0f} s / {plain.cpu:.0f} s / {mb(plain.peak)} ({load(plain)})", ""])
        ratio = ours.cpu / plain.cpu
        build_rows.append([f"build time ratio at {count:,} posts per language, ours / plain (CPU time)", "≤ 1.3",
                           f"{ratio:.2f}", ok(ratio <= 1.3)])
    budgets = {"article": 5, "data": 10, "serve": 5}
    rows = [
        ["first visit to the home page, transferred (largest of vi, en)", "≤ 150 KB", kb(home), ok(home <= 150 * KB)],
        ["search bytes before the first query", "0", f"{search_before} B", ok(search_before == 0)],
        *[row for text in ("topical", "shuffled") if text in searches for row in search_rows(labels[text], searches[text])],
        ["plain Material: its search index, fetched whole on the first search (largest of vi, en)", "",
         kb(plain_index), ""],
        ["HTML per page (largest, uncompressed)", "≤ 60 KB", f"{kb(page_sizes[largest])} (`{largest}`)",
         ok(page_sizes[largest] <= 60 * KB)],
        ["HTML per page, median (plain Material)", "", f"{kb(statistics.median(page_sizes.values()))} "
         f"({kb(statistics.median(plain_sizes.values()))})", ""],
        *[[f"{name} (plain Material)", "", f"{kb(news[name])} ({kb(plain_news[name]) if plain_news[name] else 'none'})", ""]
          for name in news],
        *build_rows,
        *[[f"saving a file to the reloaded page in Chromium, wall / CPU: {name}",
           f"≤ {budgets[next(k for k in budgets if k in name)]} s", f"{figure.wall:.1f} s / {figure.cpu:.1f} s "
           f"({load(figure)})", ok(figure.wall <= budgets[next(k for k in budgets if k in name)])]
          for name, figure in reloads.items()],
    ]
    once = f" (at {', '.join(f'{count:,}' for count in args.memory_sizes)} posts: one)" if args.runs > 1 and args.memory_sizes else ""
    text = (f"Synthetic sites of {', '.join(f'{count:,}' for count in builds)} posts per language, layout `blog`, "
            f"`{args.text}` text; page sizes, search and preview at {first:,} posts ({html_count:,} HTML files); builds "
            f"fastest of {args.runs}{once}; {os.cpu_count()} CPU cores shared with other work: each figure gives the "
            f"machine's load average (1 minute) while it was measured; wall times are noisy, CPU times and ratios "
            f"less so; search on {' and '.join(f'{labels[t]} (`{t}`)' for t in searches)} text; browser: Chromium, "
            f"mobile viewport, through nginx (brotli). One run of `make bench`: "
            f"{(time.perf_counter() - started) / 60:.0f} minutes.\n\n"
            + readme.table(["what", "budget", "measured", "met"], rows))
    print(text)
    if not args.no_readme:
        readme.replace_section("bench", text)


if __name__ == "__main__":
    main()
