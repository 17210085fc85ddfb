"""Properties of whatever the repository holds: every page carries the site's Content-Security-Policy in its
own head (for hosts and previews that send no header), a preview opened from a folder runs no script it
was not built with, and no output file holds a secret or a path of the machine that built it."""
from __future__ import annotations

import shutil

from conftest import ROOT, SITE_ROOT
from html_page import read


def assert_carries_its_policy(site_dir, path) -> None:
    from plansite.output.content_policy import meta_policy, nginx_policies, policy_for

    address = "/" + path.relative_to(site_dir).as_posix()
    head = read(path).soup.head
    metas = head.select('meta[http-equiv="Content-Security-Policy"]')
    assert [m["content"] for m in metas] == [meta_policy(policy_for(nginx_policies(ROOT), address))], address
    # Before anything it governs: every script, style and stylesheet of the head comes after it.
    elements = head.find_all(True)
    governed = [e for e in elements if e.name in ("script", "style") or (e.name == "link" and e.get("rel") == "stylesheet")]
    assert not governed or elements.index(metas[0]) < elements.index(governed[0]), address


def test_every_page_carries_the_policy_nginx_sends_for_it(site):
    pages = sorted(site.rglob("*.html"))
    assert site / "index.html" in pages and site / "en/index.html" in pages
    for path in pages:
        assert_carries_its_policy(site, path)


def test_the_cms_page_carries_its_own_policy(site):
    admin = site / "admin/index.html"
    assert admin.is_file()
    assert_carries_its_policy(site, admin)
    assert "'unsafe-eval'" in read(admin).soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_a_preview_opened_from_a_folder_runs_only_the_site_s_own_scripts(site, tmp_path, browser):
    """CONTRIBUTING.md tells reviewers to unzip the preview and open index.html: from file://, with no
    header, a script that got into a page (here put in by hand) is blocked, and the site's own still run."""
    preview = tmp_path / "preview"
    shutil.copytree(site, preview)
    page_file = preview / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</body>", '<img src="x" onerror="window.pwned = 1"><script>window.pwned = 2</script></body>', 1),
                         encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(page_file.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert len(violations) >= 2  # the handler and the script, each refused
    assert page.evaluate("typeof window.document$") == "object"  # Material's own bundle ran
    context.close()


def test_no_output_file_holds_a_secret_or_a_path_of_the_build_machine(site):
    from plansite.output.leaks import build_leaks

    assert build_leaks(site, SITE_ROOT) == []
