"""The Content-Security-Policy of every page, carried by the page itself.

nginx sends the policy as a header (deploy/nginx/http.conf, `$plansite_csp`), but the forge's Pages, a
bucket without response-header rules and a preview opened from a downloaded folder send none. Every HTML
file the build writes therefore carries the same policy in a `<meta http-equiv>` near the top of its
head, read from the nginx configuration so that the two never differ. A meta tag cannot carry
`frame-ancestors`, `report-uri`, `report-to` or `sandbox` (browsers ignore them there, with a console
error): those stay in the header only."""
from __future__ import annotations

import re
from pathlib import Path

NGINX_CONFIG = Path("deploy") / "nginx" / "http.conf"
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")
_MAP = re.compile(r"map\s+\$uri\s+\$plansite_csp\s*\{(.*?)\n\}", re.DOTALL)
_ENTRY = re.compile(r'^\s*(\S+)\s+"([^"]*)"\s*;', re.MULTILINE)
_CHARSET = re.compile(rb"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
_META = re.compile(rb"<meta\s+http-equiv=\"?content-security-policy", re.IGNORECASE)


def nginx_policies(root: Path) -> list[tuple[str, str]]:
    """The (nginx map key, policy) pairs of `$plansite_csp`, in order: `~regex`, `~*regex` or `default`."""
    found = _MAP.search((root / NGINX_CONFIG).read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{NGINX_CONFIG}: no `map $uri $plansite_csp` block")
    return _ENTRY.findall(found.group(1))


def policy_for(policies: list[tuple[str, str]], uri: str) -> str:
    """The policy nginx sends for an address (its path, from "/"), as nginx's map picks it."""
    default = ""
    for key, policy in policies:
        if key == "default":
            default = policy
        elif key.startswith("~*") and re.search(key[2:], uri, re.IGNORECASE):
            return policy
        elif key.startswith("~") and re.search(key[1:], uri):
            return policy
        elif key == uri:
            return policy
    return default


def allowing_nonce(policies: list[tuple[str, str]], nonce: str) -> list[tuple[str, str]]:
    """The policies with the inline scripts that carry this nonce allowed too (`script-src`)."""
    def allowed(policy: str) -> str:
        directives = [d.strip() for d in policy.split(";") if d.strip()]
        return "; ".join(f"{d} 'nonce-{nonce}'" if d.split()[0].lower() == "script-src" else d for d in directives)
    return [(key, allowed(policy)) for key, policy in policies]


def meta_policy(policy: str) -> str:
    """The policy without the directives a `<meta>` cannot carry."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    return "; ".join(d for d in directives if d.split()[0].lower() not in HEADER_ONLY)


def meta_tag(policy: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(policy)}">'


def with_policy(html: bytes, policy: str) -> bytes | None:
    """html with the policy's meta tag after its charset (or at the top of its head); None when it already
    has one, or has no head to put it in."""
    if _META.search(html, 0, 4096):
        return None
    at = _CHARSET.search(html) or _HEAD.search(html)
    if not at:
        return None
    return html[: at.end()] + meta_tag(policy).encode() + html[at.end():]


def add_to_pages(site_dir: Path, policies: list[tuple[str, str]]) -> int:
    """Give every HTML file of the site without a policy meta tag the one nginx sends for its address
    (pages rendered by the theme carry it already: overrides/main.html); returns how many were given one."""
    added = 0
    for path in site_dir.rglob("*.html"):
        with path.open("rb") as stream:
            if _META.search(stream.read(4096)):
                continue  # the head is read, not the whole page
        changed = with_policy(path.read_bytes(), policy_for(policies, "/" + path.relative_to(site_dir).as_posix()))
        if changed is not None:
            path.write_bytes(changed)
            added += 1
    return added
