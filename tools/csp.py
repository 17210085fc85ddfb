"""The Content-Security-Policy hashes of the inline scripts in a built site."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Inline <script> elements that run: no src, and no data type such as application/json.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/json\")[^>]*>(.*?)</script>", re.S)
CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "http.conf"


def inline_script_hashes(site_dir: Path) -> set[str]:
    """Every inline script's CSP source expression ('sha256-...') over all pages of the site."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return hashes


def configured_hashes(config: Path = CONFIG) -> set[str]:
    """The hashes the committed nginx configuration allows."""
    return set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", config.read_text(encoding="utf-8")))


if __name__ == "__main__":
    import sys

    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print(" ".join(sorted(inline_script_hashes(site))))
