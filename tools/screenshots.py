"""`make screenshots`: pictures of the built site for the README, at a phone's and a desktop's width.

Builds nothing: it serves the existing site/ (run `make build` first) on 127.0.0.1 and saves, for each page
below in both languages, what the window shows on first load at 360 and 1280 CSS pixels, into
screenshots/ at the project's root. That folder is outside docs/ on purpose: the pictures illustrate the
README, and the published site has no use for them. Same build, same pictures: animations are off, the
window is fixed and nothing waits on the clock."""
from __future__ import annotations

import argparse
import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from tools.project import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--hide-scrollbars"]
OUT = ROOT / "screenshots"
# Picture name -> path below a language's root.
PAGES = {"home": "", "group": "ke-hoach/xa-hoi-hoc-tap/", "tracker": "theo-doi/"}
LANGUAGES = {"vi": "", "en": "en/"}
WINDOWS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path):
    """The folder over HTTP on a free port of 127.0.0.1; yields the base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def take(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} has no built site: run `make build` first")
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for window, size in WINDOWS.items():
                context = browser.new_context(viewport=size, reduced_motion="reduce")
                page = context.new_page()
                for language, prefix in LANGUAGES.items():
                    for name, path in PAGES.items():
                        page.goto(base + prefix + path, wait_until="networkidle")
                        target = out / f"{name}-{language}-{window}.png"
                        page.screenshot(path=str(target), animations="disabled", caret="hide")
                        saved.append(target)
                context.close()
        finally:
            browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the pictures go (default: screenshots/)")
    args = parser.parse_args()
    for path in take(args.site, args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
