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


INDEX_FILES = (".pf_meta", ".pf_index", ".pf_fragment", "pagefind-entry.json")


def transferred(requests) -> tuple[int, int, int]:
    """Bytes over the wire (headers and compressed bodies) of finished requests: all, search, search index."""
    total = search = index = 0
    for request in requests:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        search += size if "/pagefind/" in request.url else 0
        index += size if request.url.endswith(INDEX_FILES) else 0
    return total, search, index


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
            home, home_search, _ = transferred(finished)
            finished.clear()
            page.goto(f"{address}{prefix}tim-kiem/?q={QUERIES[language][0]}")
            page.locator(".pagefind-ui__result").first.wait_for()
            page.wait_for_load_state("networkidle")
            first_query, _, first_index = transferred(finished)
            next_queries = []
            for query in QUERIES[language][1:]:
                finished.clear()
                page.locator(".pagefind-ui__search-input").fill(query)
                page.locator(".pagefind-ui__message").filter(has_text=query).wait_for()
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)  # let the result fragments that follow the message arrive
                next_queries.append(transferred(finished)[1])
            figures[language] = {"home": home, "home_search": home_search, "first_query": first_query,
                                 "first_index": first_index,
                                 "next_queries": next_queries}
            context.close()
        browser.close()
    return figures


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
            browser = browser_figures(address)

    ours_wall, ours_cpu = min(w for w, _ in ours), min(c for _, c in ours)
    plain_wall, plain_cpu = min(w for w, _ in plain), min(c for _, c in plain)
    largest = max(sizes, key=sizes.get)
    per_query = max(q for figures in browser.values() for q in figures["next_queries"])
    first_query = max(figures["first_query"] for figures in browser.values())
    first_index = max(figures["first_index"] for figures in browser.values())
    home = max(figures["home"] for figures in browser.values())
    search_before = max(figures["home_search"] for figures in browser.values())

    def ok(passed: bool) -> str:
        return "yes" if passed else "**no**"

    rows = [
        ["first visit to the home page, transferred (largest of vi, en)", "≤ 150 KB", f"{home / KB:.1f} KB", ok(home <= 150 * KB)],
        ["search bytes before the first query", "0", f"{search_before} B", ok(search_before == 0)],
        ["first query, transferred (results page, search interface, WebAssembly, index)", "≤ 100 KB", f"{first_query / KB:.1f} KB",
         ok(first_query <= 100 * KB)],
        ["first query: of which index and result pieces", "", f"{first_index / KB:.1f} KB", ""],
        ["each further query, transferred (largest)", "≤ 100 KB", f"{per_query / KB:.1f} KB", ok(per_query <= 100 * KB)],
        ["HTML per page (largest, uncompressed)", "≤ 60 KB", f"{sizes[largest] / KB:.1f} KB (`{largest}`)",
         ok(sizes[largest] <= 60 * KB)],
        ["HTML per page (median)", "", f"{statistics.median(sizes.values()) / KB:.1f} KB", ""],
        ["build: ours (both languages, Pagefind index), wall / CPU", "", f"{ours_wall:.1f} s / {ours_cpu:.1f} s", ""],
        ["build: plain Material, same Markdown, wall / CPU", "", f"{plain_wall:.1f} s / {plain_cpu:.1f} s", ""],
        ["build time ratio, ours / plain (CPU time)", "≤ 1.3", f"{ours_cpu / plain_cpu:.2f}", ok(ours_cpu / plain_cpu <= 1.3)],
    ]
    text = (f"Synthetic site: {args.articles:,} articles per language ({len(sizes):,} HTML files), "
            f"layout `{args.layout}`, fastest of {args.runs} builds, {os.cpu_count()} CPU cores; "
            f"browser: Chromium, mobile viewport, through nginx (brotli).\n\n"
            + readme.table(["what", "budget", "measured", "met"], rows))
    print(text)
    if not args.no_readme:
        readme.replace_section("bench", text)


if __name__ == "__main__":
    main()
