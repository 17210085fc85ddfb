"""`make audit`: Lighthouse (mobile settings) with Debian's Chromium over nginx; scores into the README.

Targets (issue 6): accessibility 100, best practices 100, SEO 100, performance 95 or more."""
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

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Pages audited, by path below a language's root. Add an article here once the blog lands.
PAGES = {
    "home": "",
    "article": "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/",
}
LANGUAGES = {"vi": "", "en": "en/"}
# The example public address of the README: `make publish` refuses any address of this machine.
EXAMPLE_URL = "https://asean.example.gov.vn/"
CATEGORIES = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
REPORTS = ROOT / ".cache" / "lighthouse"


def build_site(site: Path) -> None:
    # The site as `make publish` builds it (a local build is noindex, which the SEO score counts); Lighthouse
    # accepts canonical and hreflang links to the public address while it visits the local one.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT,
                            capture_output=True, text=True,
                            env={**os.environ, "SITE_URL": EXAMPLE_URL, "PLANSITE_PUBLISH": "1",
                                 "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise SystemExit(result.stderr)


def lighthouse(url: str, report: Path) -> dict[str, int]:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(category["score"] * 100) for name, category in data["categories"].items()}


def failed_audits(report: Path) -> list[str]:
    """Audits that cost points, for the printed summary."""
    data = json.loads(report.read_text(encoding="utf-8"))
    return [f"{audit['id']} ({audit['score']})" for audit in data["audits"].values()
            if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make audit`, which runs `npm ci`")
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = local_nginx.free_port()
    address = f"http://127.0.0.1:{port}/"
    rows = []
    with tempfile.TemporaryDirectory(prefix="plansite-audit-") as temp:
        site = Path(temp) / "site"
        build_site(site)
        with local_nginx.serve(site, port):
            for page, path in PAGES.items():
                for language, prefix in LANGUAGES.items():
                    report = REPORTS / f"{language}-{path.strip('/').replace('/', '-') or 'home'}.json"
                    scores = lighthouse(address + prefix + path, report)
                    rows.append([page, language] + [
                        f"{scores[name]}" + ("" if scores[name] >= target else " **(below target)**")
                        for name, target in CATEGORIES.items()])
                    print(f"{language} {page}: {scores}; lost points: {', '.join(failed_audits(report)) or 'none'}")
    header = ["page", "language"] + [f"{name} (target {'≥ ' if target < 100 else ''}{target})"
                                     for name, target in CATEGORIES.items()]
    text = ("Lighthouse 12.2.3, mobile settings (simulated slow 4G, 4× CPU slowdown), Debian's Chromium, "
            "through nginx (brotli). Full reports: `.cache/lighthouse/`.\n\n" + readme.table(header, rows))
    print(text)
    if not args.no_readme:
        readme.replace_section("audit", text)


if __name__ == "__main__":
    main()
