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
        if (['javascript:', 'vbscript:', 'data:'].includes(scheme)) found.push(`${name}[${attribute.name}=${scheme}]`);
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


def live_in_chromium(browser, html: str, own_scripts: set[str], allowed_hashes: set[str]) -> list[str]:
    """What in html would run or navigate by itself: handlers, script addresses, frames, <base>, a meta refresh,
    and any script or style that is not the site's own (own_scripts: the addresses of the site's script files;
    allowed_hashes: the CSP hashes of the site's inline scripts and styles)."""
    context = browser.new_context()
    try:
        page = context.new_page()

        def serve(route):
            if route.request.url == JUDGE_URL:
                route.fulfill(status=200, body=html.encode("utf-8"), headers={
                    "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'none'"})
            else:
                route.fulfill(status=204)  # nothing loads, and a navigation (a meta refresh) stays where it is

        page.route("**/*", serve)
        page.goto(JUDGE_URL, wait_until="domcontentloaded")
        result = page.evaluate(WALK, LIVE_ELEMENTS)
    finally:
        context.close()
    found = list(result["found"])
    for name, src, kind, text in result["own"]:
        if name == "script" and src:
            if src.rsplit("/", 1)[-1] not in own_scripts:
                found.append(f"script[src={src}]")
        elif name == "script" and kind == "application/json":
            continue  # a data block, never run
        elif inline_hash(text) not in allowed_hashes:
            found.append(f"{name}: {text[:60]!r}")
    return found


def site_judge(browser, real_site):
    """A judge of pages against what the real site (a clean build) runs: its script files and the inline
    scripts and styles its Content-Security-Policy allows by hash."""
    from tools.csp import configured_hashes

    own = {path.name for path in real_site.rglob("*.js")}
    hashes = set().union(*configured_hashes().values())

    def judge(html: str) -> list[str]:
        return live_in_chromium(browser, html, own, hashes)
    return judge


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
