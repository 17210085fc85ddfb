"""`make bench`: the performance budget on a synthetic site, printed and written into the README.

Not a test: the figures depend on the machine. Budget (issue 6): first visit to the home page at most
150 KB transferred; no search bytes before the first query and at most 100 KB per query; HTML at most
60 KB per page; build time at most 1.3 times that of plain Material on the same Markdown."""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools import local_nginx, readme
from tools.synthetic_site import LAYOUTS, generate

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
QUERIES = {"vi": ["ke hoach", "van hoa", "du lich", "giao duc", "cong dong"],
           "en": ["plan", "culture", "tourism", "education", "community"]}
PREFIX = {"vi": "", "en": "en/"}
KB = 1000
# Plain Material on the same Markdown: its default search plugin, none of our hooks, one build per language.
PLAIN_CONFIG = """site_name: Plain Material
site_url: http://127.0.0.1:8000/{prefix}
docs_dir: docs/{language}
site_dir: {site}
theme:
  name: material
  language: {language}
  font: false
  features: [navigation.prune, navigation.indexes, navigation.top, navigation.footer, toc.follow]
markdown_extensions: [abbr, admonition, attr_list, md_in_html, tables, {{toc: {{permalink: true}}}},
                      pymdownx.details, pymdownx.keys, pymdownx.superfences]
"""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the process and its children) of a command that must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_ours(project: Path) -> tuple[float, float]:
    return timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], project)


def build_plain(project: Path) -> tuple[float, float]:
    wall = cpu = 0.0
    for language in ("vi", "en"):
        config = project / f"plain-{language}.yml"
        config.write_text(PLAIN_CONFIG.format(language=language, prefix=PREFIX[language],
                                              site=project / "plain-site" / PREFIX[language]), encoding="utf-8")
        w, c = timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config.name], project)
        wall, cpu = wall + w, cpu + c
    return wall, cpu


def html_sizes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html")}


# What a query downloads besides the results page: the engine once (cached afterwards), then index pieces.
ENGINE_FILES = ("pagefind.js", ".pagefind", ".pf_meta", "pagefind-entry.json")
INDEX_FILES = (".pf_index", ".pf_fragment")


def transferred(requests) -> dict[str, int]:
    """Bytes over the wire (headers and compressed bodies) of finished requests, by kind."""
    totals = {"all": 0, "search": 0, "engine": 0, "index": 0}
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
    return totals


def wait_for_results(page, query: str) -> None:
    """search-results.js marks the list busy until every shown result's fragment has arrived."""
    page.locator(".search-page__status").filter(has_text=query).wait_for()
    page.locator(".search-page__results[aria-busy=false]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")


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
            next_queries = []
            for query in QUERIES[language][1:]:
                finished.clear()
                page.locator(".search-page__input").fill(query)
                wait_for_results(page, query)
                next_queries.append(transferred(finished)["all"])
            figures[language] = {"home": home["all"], "home_search": home["search"], "first_query": first["all"],
                                 "first_engine": first["engine"], "first_index": first["index"],
                                 "next_queries": next_queries}
            context.close()
        browser.close()
    return figures


def search_rows(label: str, browser: dict[str, dict]) -> list[list[str]]:
    """The per-query figures of one synthetic site, largest of the two languages and of the queries."""
    def largest(key: str, language: str | None = None) -> int:
        return max(f[key] for lang, f in browser.items() if language in (None, lang))

    def further(language: str | None = None) -> int:
        return max(q for lang, f in browser.items() if language in (None, lang) for q in f["next_queries"])

    first, per_query = largest("first_query"), further()
    return [
        [f"{label}: first query, transferred (largest; vi / en: results page, engine, index)", "≤ 100 KB",
         f"{kb(first)} ({kb(largest('first_query', 'vi'))} / {kb(largest('first_query', 'en'))})", ok(first <= 100 * KB)],
        [f"{label}: first query, of which the engine (pagefind.js, WebAssembly, metadata; once)", "",
         kb(largest("first_engine")), ""],
        [f"{label}: first query, of which index and result pieces (vi / en)", "",
         f"{kb(largest('first_index', 'vi'))} / {kb(largest('first_index', 'en'))}", ""],
        [f"{label}: each further query, transferred (largest; vi / en)", "≤ 100 KB",
         f"{kb(per_query)} ({kb(further('vi'))} / {kb(further('en'))})", ok(per_query <= 100 * KB)],
    ]


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def ok(passed: bool) -> str:
    return "yes" if passed else "**no**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per language")
    parser.add_argument("--runs", type=int, default=2, help="builds of each kind; the fastest counts")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="pages")
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="plansite-bench-") as temp:
        project = generate(Path(temp) / "project", args.articles, args.layout)
        ours = [build_ours(project) for _ in range(args.runs)]
        plain = [build_plain(project) for _ in range(args.runs)]
        site = project / "site"
        sizes = html_sizes(site)
        with local_nginx.serve(site) as address:
            worst = browser_figures(address)
        # Search again on news-like articles (one topic each): built once, for the search figures only.
        topical = generate(Path(temp) / "topical", args.articles, args.layout, "topical")
        build_ours(topical)
        with local_nginx.serve(topical / "site") as address:
            news = browser_figures(address)

    ours_wall, ours_cpu = min(w for w, _ in ours), min(c for _, c in ours)
    plain_wall, plain_cpu = min(w for w, _ in plain), min(c for _, c in plain)
    largest = max(sizes, key=sizes.get)
    home = max(figures["home"] for figures in worst.values())
    search_before = max(figures["home_search"] for figures in worst.values())

    rows = [
        ["first visit to the home page, transferred (largest of vi, en)", "≤ 150 KB", kb(home), ok(home <= 150 * KB)],
        ["search bytes before the first query", "0", f"{search_before} B", ok(search_before == 0)],
        *search_rows("worst case", worst),
        *search_rows("news-like", news),
        ["HTML per page (largest, uncompressed)", "≤ 60 KB", f"{kb(sizes[largest])} (`{largest}`)",
         ok(sizes[largest] <= 60 * KB)],
        ["HTML per page (median)", "", kb(statistics.median(sizes.values())), ""],
        ["build: ours (both languages, Pagefind index), wall / CPU", "", f"{ours_wall:.1f} s / {ours_cpu:.1f} s", ""],
        ["build: plain Material, same Markdown, wall / CPU", "", f"{plain_wall:.1f} s / {plain_cpu:.1f} s", ""],
        ["build time ratio, ours / plain (CPU time)", "≤ 1.3", f"{ours_cpu / plain_cpu:.2f}", ok(ours_cpu / plain_cpu <= 1.3)],
    ]
    text = (f"Synthetic site: {args.articles:,} articles per language ({len(sizes):,} HTML files), "
            f"layout `{args.layout}`, fastest of {args.runs} builds, {os.cpu_count()} CPU cores; "
            f"search measured on the worst case (`shuffled` text) and on news-like articles (`topical` text); "
            f"browser: Chromium, mobile viewport, through nginx (brotli).\n\n"
            + readme.table(["what", "budget", "measured", "met"], rows))
    print(text)
    if not args.no_readme:
        readme.replace_section("bench", text)


if __name__ == "__main__":
    main()
