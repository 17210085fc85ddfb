"""Whether anything in a page would run or navigate on its own, as Chromium parses the page.

Each page is loaded in Debian's Chromium with scripting on (so `<noscript>` and every parser quirk is read as
a browser reads a page) but no script allowed to run (a Content-Security-Policy header of `script-src
'none'`), and its DOM is walked: every element that runs, loads or navigates by itself is reported unless it
is the site's own. Addresses are judged after the browser's own URL parsing (`new URL`), so entities,
tabs, newlines and control characters hide no scheme."""
from __future__ import annotations

import base64
import hashlib

JUDGE_URL = "https://judge.invalid/page.html"
# Elements that load or run something whatever their attributes, or change where the page's links go.
LIVE_ELEMENTS = "iframe, frame, frameset, object, embed, applet, portal, base, link[rel~=import], template"
WALK = """(liveElements) => {
  const found = [];
  const own = [];
  for (const element of document.querySelectorAll('*')) {
    const name = element.localName;
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) found.push(`${name}[${attribute.name}]`);
      if (/^(href|src|action|formaction|xlink:href|data|poster|background|ping|codebase|cite)$/i.test(attribute.name)) {
        let scheme = null;
        try { scheme = new URL(attribute.value, document.baseURI).protocol; } catch (error) {}
        // A data: address is a picture where a picture goes (img, an icon); anywhere else it is a document.
        const picture = ['img', 'source', 'video', 'audio', 'track'].includes(name) || (name === 'link' && /icon/i.test(element.rel));
        if (['javascript:', 'vbscript:'].includes(scheme) || (scheme === 'data:' && !picture)) found.push(`${name}[${attribute.name}=${scheme}]`);
      }
      if (attribute.name === 'srcdoc') found.push(`${name}[srcdoc]`);
    }
    if (element.matches(liveElements)) found.push(name);
    if (name === 'meta' && element.httpEquiv && element.httpEquiv.toLowerCase() !== 'content-security-policy') {
      found.push(`meta[http-equiv=${element.httpEquiv}]`);
    }
    if (name === 'script' || name === 'style') own.push([name, element.getAttribute('src') || '', element.getAttribute('type') || '', element.textContent]);
    if (name === 'form' && new URL(element.action, document.baseURI).host !== location.host) found.push('form[action=elsewhere]');
  }
  return {found, own};
}"""


def inline_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class Judge:
    """One Chromium page that judges HTML after HTML: nothing the judged page asks for is loaded (a policy
    header of `default-src 'none'`), and a navigation it starts (a meta refresh) is answered with 204 and
    goes nowhere."""

    def __init__(self, browser, own_scripts: set[str], allowed_hashes: set[str]):
        self.own_scripts, self.allowed_hashes = own_scripts, allowed_hashes
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.html = ""
        self.page.route("**/*", self._serve)

    def _serve(self, route):
        if route.request.url == JUDGE_URL and route.request.is_navigation_request() and self.html is not None:
            body, self.html = self.html, None  # served once: a refresh to the same address gets nothing
            route.fulfill(status=200, body=body.encode("utf-8"), headers={
                "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'"})
        else:
            route.fulfill(status=204)

    def __call__(self, html: str) -> list[str]:
        """What in html would run or navigate by itself: handlers, script addresses, frames, <base>, a meta
        refresh, and any script or style that is not the site's own (own_scripts: the names of the site's
        script files; allowed_hashes: the CSP hashes of its inline scripts and styles)."""
        self.html = html
        self.page.goto(JUDGE_URL, wait_until="domcontentloaded")
        result = self.page.evaluate(WALK, LIVE_ELEMENTS)
        found = list(result["found"])
        for name, src, kind, text in result["own"]:
            if name == "script" and src:
                if src.rsplit("/", 1)[-1] not in self.own_scripts:
                    found.append(f"script[src={src}]")
            elif name == "script" and kind == "application/json":
                continue  # a data block, never run
            elif inline_hash(text) not in self.allowed_hashes:
                found.append(f"{name}: {text[:60]!r}")
        return found


def site_judge(browser, real_site):
    """A judge of pages against what the real site (a clean build) runs: its script files and the inline
    scripts and styles its Content-Security-Policy allows by hash."""
    from tools.csp import configured_hashes

    own = {path.name for path in real_site.rglob("*.js")}
    return Judge(browser, own, set().union(*configured_hashes().values()))


def live_pages(judge, site_dir) -> dict[str, list[str]]:
    """Every HTML page of a built site (and the HTML of its feeds' items) with what is live in it."""
    import xml.etree.ElementTree as ElementTree

    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        found[path.relative_to(site_dir).as_posix()] = judge(path.read_text(encoding="utf-8"))
    for feed in sorted(site_dir.rglob("feed_rss_*.xml")):
        for index, item in enumerate(ElementTree.fromstring(feed.read_bytes()).iter("description")):
            found[f"{feed.relative_to(site_dir).as_posix()}#{index}"] = judge(item.text or "")
    return {page: live for page, live in found.items() if live}
