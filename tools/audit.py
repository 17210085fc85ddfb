"""`make audit`: Lighthouse (mobile settings) with Debian's Chromium over nginx; scores into the README.

Targets (issue 6): accessibility 100, best practices 100, SEO 100, performance 95 or more. Besides the
project's own pages, a news listing full of posts is audited on a copy of the project with synthetic
posts (tools/synthetic_site.py). Lighthouse sometimes fails to record a run on a busy machine
(NO_NAVSTART, NO_FCP, PROTOCOL_TIMEOUT…): such a run is tried again, a few times, then reported."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import local_nginx, readme
from tools.project import ROOT
from tools.synthetic_site import generate

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Pages audited, by path below a language's root: the project's own, and listings of a site with many posts.
PAGES = {
    "home": "",
    "article": "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/",
}
LISTINGS = {
    "news listing, page 2": "tin-tuc/trang/2/",
    "category page": "tin-tuc/chu-de/tuyen-truyen-giao-duc/",
}
LISTING_POSTS = 60   # per language: six pages of the news index, several of most categories
ATTEMPTS = 3
LANGUAGES = {"vi": "", "en": "en/"}
# The example public address of the README: `make publish` refuses any address of this machine.
EXAMPLE_URL = "https://ke-hoach.example.gov.vn/"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
REPORTS = ROOT / ".cache" / "lighthouse"


def build_site(project: Path, site: Path) -> None:
    # The site as `make publish` builds it (a local build is noindex, which the SEO score counts); Lighthouse
    # accepts canonical and hreflang links to the public address while it visits the local one.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=project,
                            capture_output=True, text=True,
                            env={**os.environ, "SITE_URL": EXAMPLE_URL, "PLANSITE_PUBLISH": "1",
                                 "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(result.stderr)


class LighthouseFailed(Exception):
    pass


def lighthouse(url: str, report: Path) -> dict[str, int]:
    """The scores of one run; LighthouseFailed when it recorded no usable run."""
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    if result.returncode != 0:
        raise LighthouseFailed(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit {result.returncode}")
    data = json.loads(report.read_text(encoding="utf-8"))
    # A failed trace can still write a report: it says so in runtimeError, and its scores are null.
    if data.get("runtimeError"):
        raise LighthouseFailed(f"{data['runtimeError'].get('code')}: {data['runtimeError'].get('message', '')}")
    if any(category["score"] is None for category in data["categories"].values()):
        raise LighthouseFailed("no score: " + ", ".join(name for name, c in data["categories"].items() if c["score"] is None))
    return {name: round(category["score"] * 100) for name, category in data["categories"].items()}


def scores_with_retries(url: str, report: Path, attempts: int = ATTEMPTS) -> tuple[dict[str, int] | None, list[str]]:
    """The first usable run of up to `attempts`, and why the others failed."""
    failures = []
    for _ in range(attempts):
        try:
            return lighthouse(url, report), failures
        except LighthouseFailed as error:
            failures.append(str(error))
    return None, failures


def failed_audits(report: Path) -> list[str]:
    """Audits that cost points, for the printed summary."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return [f"{audit['id']} ({audit['score']})" for audit in data["audits"].values()
            if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")]


def audit(address: str, pages: dict[str, str], rows: list[list[str]]) -> bool:
    """Audit each page in both languages into rows; False if a page could not be measured."""
    measured = True
    for page, path in pages.items():
        for language, prefix in LANGUAGES.items():
            report = REPORTS / f"{language}-{path.strip('/').replace('/', '-') or 'home'}.json"
            scores, failures = scores_with_retries(address + prefix + path, report)
            for attempt, failure in enumerate(failures, 1):
                print(f"{language} {page}: Lighthouse run {attempt} of {ATTEMPTS} failed: {failure}")
            if scores is None:
                measured = False
                rows.append([page, language] + [f"**not measured** ({len(failures)} runs failed: {failures[-1][:80]})"]
                            + [""] * (len(CATEGORIES) - 1))
                continue
            rows.append([page, language] + [
                f"{scores[name]}" + ("" if scores[name] >= target else " **(below target)**")
                for name, target in CATEGORIES.items()])
            print(f"{language} {page}: {scores}; lost points: {', '.join(failed_audits(report)) or 'none'}")
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make audit`, which runs `npm ci`")
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="plansite-audit-") as temp:
        many_posts = generate(Path(temp) / "many-posts", LISTING_POSTS, "blog", "topical")
        measured = True
        for project, pages in ((ROOT, PAGES), (many_posts, LISTINGS)):
            port = local_nginx.free_port()
            address = f"http://127.0.0.1:{port}/"
            site = Path(temp) / f"site-{port}"
            build_site(project, site)
            with local_nginx.serve(site, port):
                measured = audit(address, pages, rows) and measured
    header = ["page", "language"] + [f"{name} (target {'≥ ' if target < 100 else ''}{target})"
                                     for name, target in CATEGORIES.items()]
    text = ("Lighthouse 12.2.3, mobile settings (simulated slow 4G, 4× CPU slowdown), Debian's Chromium, "
            f"through nginx (brotli); listings on a copy of the project with {LISTING_POSTS} synthetic posts per "
            f"language; a failed run is tried up to {ATTEMPTS} times. Full reports: `.cache/lighthouse/`.\n\n"
            + readme.table(header, rows))
    print(text)
    if not args.no_readme:
        readme.replace_section("audit", text)
    if not measured:
        raise SystemExit("some pages could not be measured: see the table")


if __name__ == "__main__":
    main()
