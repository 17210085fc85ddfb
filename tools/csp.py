"""The Content-Security-Policy hashes of the inline scripts and styles in a built site."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from plansite.output.content_policy import nginx_policies, policy_for

# Inline elements by the CSP directive that allows them: scripts that run (no src, no data type such as
# application/json), and <style> elements (the standalone leaflet's, which must work offline when downloaded).
INLINE = {
    "script-src": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S),
    "style-src": re.compile(r"<style[^>]*>(.*?)</style>", re.S),
}
ROOT = Path(__file__).resolve().parent.parent


def inline_hashes(site_dir: Path) -> dict[str, set[str]]:
    """Every inline script's and style's CSP source expression ('sha256-...') over all pages, by directive."""
    hashes: dict[str, set[str]] = {directive: set() for directive in INLINE}
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for directive, element in INLINE.items():
            for body in element.findall(html):
                digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
                hashes[directive].add(f"'sha256-{digest}'")
    return hashes


def configured_hashes(root: Path = ROOT) -> dict[str, set[str]]:
    """The hashes the committed nginx configuration allows on the site's pages, by directive."""
    policy = policy_for(nginx_policies(root), "/")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {directive: set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", directives.get(directive, "")))
            for directive in INLINE}


if __name__ == "__main__":
    import sys

    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    for directive, hashes in inline_hashes(site).items():
        print(f"{directive}: {' '.join(sorted(hashes))}")
