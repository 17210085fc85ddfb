"""What the browser tests share: a page load in Debian's Chromium that records what went wrong, axe-core's
WCAG rules in the light and dark schemes, and the layout checks run on each load."""
from __future__ import annotations

from urllib.parse import urlsplit

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA: every rule axe-core has for them, none switched off.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# The windows a page is loaded in: a desktop and a phone. (A touch phone is not emulated: Material then takes
# code blocks out of the Tab order, which axe reports on every scrolling one; see the README.)
WIDTHS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 360, "height": 740},
}
# 200% zoom of the desktop window: half as many CSS pixels (each drawn twice as large, which changes no layout).
ZOOMED = {"width": 640, "height": 450}
RECORD_CSP_VIOLATIONS = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation',
  event => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"""
# Visible elements that stick out of the window on the right, other than inside their own scroll box.
OVERFLOWING = """() => [...document.body.querySelectorAll('*')].filter(element => {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= innerWidth + 1 || getComputedStyle(element).visibility === 'hidden') return false;
  for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) return false;
  }
  return true;
}).map(element => element.outerHTML.slice(0, 100))"""
# Inside the content, boxes around a table that scroll sideways: on a phone, a table's rows stack instead.
SCROLLING_TABLES = """() => [...document.querySelectorAll('.md-content *')].filter(box =>
  ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && box.querySelector('table')
  && box.scrollWidth > box.clientWidth + 1).map(box => box.outerHTML.slice(0, 100))"""
# Row names of tables that wrap one word a line: as many lines as words (counted from the text's line boxes).
WORD_PER_LINE = """() => [...document.querySelectorAll('.md-content tbody th')].filter(cell => {
  const words = cell.textContent.trim().split(/\\s+/).length;
  const range = document.createRange();
  range.selectNodeContents(cell);
  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
  return words >= 2 && lines.size >= words;
}).map(cell => cell.textContent.trim())"""
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})"""


class Load:
    """One page load and everything the browser reported during it."""

    def __init__(self, browser, width: str):
        self.context = browser.new_context(viewport=WIDTHS[width])
        # Test tooling, added by the browser itself (not a <script>), so the site's own CSP stays in force.
        assert AXE.is_file(), f"{AXE} is missing: run `make test`, which runs `npm ci`"
        self.context.add_init_script(path=str(AXE))
        self.context.add_init_script(RECORD_CSP_VIOLATIONS)
        self.page = self.context.new_page()
        self.console, self.failed, self.requested = [], [], []
        self.page.on("console", lambda m: self.console.append(m) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.console.append(error))
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.failure} {r.url}"))

    def problems(self, address: str, missing: bool) -> dict[str, list[str]]:
        """What went wrong during the load; a missing page's own 404 (and its console line) is expected."""
        expected_404 = {f"404 {address}"} if missing else set()
        console = [getattr(m, "text", str(m)) for m in self.console
                   if not (missing and getattr(m, "location", {}).get("url") == address and "404" in m.text)]
        hosts = {urlsplit(url).hostname for url in self.requested if not url.startswith(("data:", "blob:"))}
        return {"console errors": console, "failed responses": [f for f in self.failed if f not in expected_404],
                "CSP violations": self.page.evaluate("() => window.cspViolations"),
                "other hosts": sorted(hosts - {"127.0.0.1"})}


def axe(page, scheme: str, where: str, incomplete: list) -> list[str]:
    """axe-core's violations in one colour scheme; what it could not decide is recorded for the summary."""
    result = page.evaluate(RUN_AXE, WCAG_TAGS)
    for rule in result["incomplete"]:
        incomplete.append((rule["id"], f"{where} {scheme}", len(rule["nodes"])))
    return [f"{scheme}: {v['id']} ({v['impact']}) at {node['target']}: {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


def switch_to_dark(page) -> None:
    """The dark scheme as a reader gets it: the system preference, and Material's palette following it."""
    page.emulate_media(color_scheme="dark")
    page.evaluate("() => document.querySelector('input.md-option[data-md-color-scheme=slate]')?.click()")
    page.wait_for_function("() => !document.querySelector('input.md-option')"
                           " || document.body.getAttribute('data-md-color-scheme') === 'slate'")


def check_skip_link(page, prefix: str) -> None:
    """The first Tab shows the skip link; Enter moves past the header and the menu to the content."""
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main-content"
    assert skip.inner_text() == ("Chuyển đến nội dung chính" if prefix == "" else "Skip to main content")
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.md-content, .md-footer') !== null"), \
        page.evaluate("() => document.activeElement.outerHTML")


def assert_only_local_requests(page) -> None:
    """The page (a `page` fixture, which records its requests) asked no host but the local server."""
    hosts = {urlsplit(url).hostname for url in page.requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, page.requested
