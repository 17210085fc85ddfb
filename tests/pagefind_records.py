"""What Pagefind wrote for a built site, read as the tests need it."""
from __future__ import annotations

import gzip
import json
from pathlib import Path


def fragments(site: Path, language: str) -> dict[str, dict]:
    """Pagefind's record of each indexed page (what a result shows), by address: gzip, a signature, JSON."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob(f"{language}_*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{"):])
        found[record["url"]] = record
    return found
