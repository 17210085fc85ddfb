"""The committed nginx configuration (deploy/nginx/) over the built site: what a host would send."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from page_types import BY_KIND
from tools.csp import configured_hashes, inline_hashes

PLAN = BY_KIND["plan"].path

SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
                    "cross-origin-opener-policy", "x-frame-options"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # show the redirect itself


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.build_opener(NoRedirect).open(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_csp_allows_exactly_the_inline_scripts_and_styles_of_the_site(site):
    # After a Material upgrade this fails: `make csp-hashes` prints the hashes for deploy/nginx/http.conf.
    built, configured = inline_hashes(site), configured_hashes()
    # Every plan has its printable leaflet (plansite.derive.site.all_materials), with its inline style.
    assert built["style-src"], "the leaflet's inline style"
    assert configured == built


def test_csp_has_no_unsafe_inline_and_blocks_injected_scripts(page, site_server):
    response = page.goto(site_server)
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "default-src 'none'" in policy
    page.evaluate("""() => { window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));
        const script = document.createElement('script'); script.textContent = 'window.injected = true';
        document.body.append(script); }""")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.injected") is None
    # Reported once by the header's policy and once by the page's own <meta> copy of it.
    assert page.evaluate("window.cspViolations") == ["script-src-elem"] * 2


@pytest.mark.parametrize("path", ["", "en/", PLAN, "khong-co/", "en/khong-co/"])
def test_security_headers_on_pages_and_misses(site_server, path):
    _, headers, _ = fetch(site_server + path)
    assert [name for name in SECURITY_HEADERS if name not in headers] == []
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path,language,title", [("khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
                                                 ("en/no-such-page/", "en", "Page not found"),
                                                 ("404.html", "vi", "Không tìm thấy trang")])
def test_a_miss_gets_the_404_page_of_its_language(site_server, path, language, title):
    status, _, body = fetch(site_server + path)
    html = body.decode("utf-8")
    assert status == 404 and f'<html lang="{language}"' in html and title in html


def test_both_language_roots_and_the_redirect_to_the_english_root(site_server):
    assert fetch(site_server)[0] == 200
    assert '<html lang="en"' in fetch(site_server + "en/")[2].decode("utf-8")
    status, headers, _ = fetch(site_server + "en")
    assert status == 301 and headers["location"] == "/en/"


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_text_is_compressed(site, site_server, encoding):
    status, headers, body = fetch(site_server, encoding)
    assert status == 200 and headers["content-encoding"] == encoding and headers["vary"] == "Accept-Encoding"
    assert len(body) < (site / "index.html").stat().st_size / 3


def test_hashed_files_are_kept_a_year_and_pages_are_revalidated(site, site_server):
    immutable = "public, max-age=31536000, immutable"
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).name
    fragment = next((site / "pagefind/fragment").iterdir()).name
    meta = next((site / "pagefind").glob("pagefind.vi_*.pf_meta")).name
    for path in [f"assets/javascripts/{bundle}", f"en/assets/javascripts/{bundle}", f"pagefind/fragment/{fragment}",
                 f"pagefind/{meta}"]:
        assert fetch(site_server + path)[1]["cache-control"] == immutable, path
    for path in ["", "en/" + PLAN, "assets/stylesheets/site.css", "pagefind/pagefind-entry.json", "pagefind/pagefind.js"]:
        assert fetch(site_server + path)[1]["cache-control"] == "no-cache", path
