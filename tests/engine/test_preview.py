"""`make preview` (tools/preview.py): built once, then a saved article, page or data file renders again only
the pages it makes, checked, while the listings wait for the next start (each page says so)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest
from ruamel.yaml import YAML

from tools import local_nginx
from tools.preview import plan
from tools.project import ROOT

LANGUAGES = ("vi", "en")


def test_a_saved_file_is_sorted_by_what_it_makes():
    todo = plan({"docs/vi/tin-tuc/posts/a.md", "docs/en/huong-dan.md", "docs/assets/images/x.png",
                 "data/plans/ascc-2025.yml"}, set(), LANGUAGES)
    assert not todo.whole
    assert todo.pages == {("vi", "tin-tuc/posts/a.md"), ("en", "huong-dan.md")}
    assert todo.assets == {"assets/images/x.png"} and todo.data
    for whole in ({"data/site.yml"}, {"templates/plan/group.md"}, {"overrides/main.html"}, {"locales/vi.yml"},
                  {"mkdocs.yml"}, {"hooks/news.py"}):
        assert plan(whole, set(), LANGUAGES).whole, whole
    assert plan(set(), {"docs/vi/moi.md"}, LANGUAGES).whole   # a page added or removed changes the menus


def fetch(url: str) -> str:
    """A served page, without the numbers of the reload script the server adds (they move at each save)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return re.sub(r"reload\(\d+, \d+\)", "reload()", response.read().decode("utf-8"))


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"never: {what}")


@pytest.fixture
def preview(project, tmp_path):
    """The preview of a copy of the ended fixture site, started as `make preview` starts it, on a free port. A test
    that starts it is marked `browser`, as one that runs `mkdocs serve` is."""
    port = local_nginx.free_port()
    log = (tmp_path / "preview.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "tools.preview", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"})
    address = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(address), 600, "the preview answers")
        yield address, project, tmp_path / "preview.log"
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


@pytest.mark.browser
def test_a_saved_article_is_shown_again_alone_and_checked(preview):
    address, project, log = preview
    post = sorted((project / "docs/vi/tin-tuc/posts").glob("*.md"))[0]
    slug = next(line.split(":", 1)[1].strip().strip('"') for line in post.read_text(encoding="utf-8").splitlines()
                if line.startswith("slug:"))
    page, listing = f"tin-tuc/{slug}/", "tin-tuc/"
    before_listing = fetch(address + listing)
    assert "make preview" in fetch(address + page)                 # every page says what lags
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("<!-- more -->", "<!-- more -->\n\nĐoạn mới XEMTRUOC1 [x](../../khong-co.md)\n", 1),
                    encoding="utf-8")
    wait_for(lambda: "XEMTRUOC1" in fetch(address + page), 120, "the article shows the change")
    assert fetch(address + listing) == before_listing              # the listing waits for the next start
    # Checked as `make check` checks it, the message at the link's line and column.
    line = next(n for n, row in enumerate(post.read_text(encoding="utf-8").splitlines(), 1) if "XEMTRUOC1" in row)
    expected = f"docs/vi/tin-tuc/posts/{post.name}:{line}:"
    wait_for(lambda: expected in log.read_text(encoding="utf-8"), 30, "the broken link is reported")


@pytest.mark.browser
def test_a_saved_data_file_shows_again_the_pages_made_from_it(preview):
    address, project, _ = preview
    plan_file = sorted((project / "data/plans").glob("*.yml"))[0]
    text = plan_file.read_text(encoding="utf-8")
    opening = " ".join(YAML(typ="safe").load(text)["aim"]["vi"].split()[:3])   # the overview page shows the aim
    marker = "DULIEUMOI"
    changed = text.replace(opening, f"{marker} {opening}", 1)
    assert changed != text
    plan_file.write_text(changed, encoding="utf-8")
    wait_for(lambda: marker in fetch(address + "ke-hoach/"), 120, "the plan's overview shows the new aim")


def test_a_saved_page_reloads_itself_in_the_browser_and_runs_no_script_it_holds(preview, browser):
    """The page open in Chromium reloads on its own after a save: under the page's Content-Security-Policy only
    the server's reloading script runs (it carries the nonce drawn when the preview started). A script the saved
    page now holds is reported by the checks and, shown as the page now is, does not run."""
    address, project, log = preview
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(address + "huong-dan/")
        page.wait_for_timeout(500)
        guide = project / "docs/vi/huong-dan.md"
        guide.write_text(guide.read_text(encoding="utf-8")
                         + "\n\nĐoạn mới TAILAI1\n\n<script>document.title = 'CHAY'</script>\n", encoding="utf-8")
        wait_for(lambda: "TAILAI1" in page.content(), 120, "the open page reloads and shows the change")
        assert page.title() != "CHAY"
        wait_for(lambda: "docs/vi/huong-dan.md:" in log.read_text(encoding="utf-8"), 30, "the script is reported")
        assert "<script>" in log.read_text(encoding="utf-8")
    finally:
        context.close()


@pytest.mark.browser
def test_a_link_saved_in_place_of_a_picture_is_refused_and_never_served(preview, tmp_path):
    """A picture replaced by a symbolic link to a file of the machine: refused before anything is read, as
    `make check` and a build refuse it, and the picture served stays the one before."""
    address, project, log = preview
    secret = tmp_path / "khoa-bi-mat.txt"
    secret.write_text("BI-MAT-CUA-MAY\n", encoding="utf-8")
    picture = "assets/images/tin-tuc/nhom-noi-dung.svg"
    before = urllib.request.urlopen(address + picture, timeout=10).read()
    (project / "docs" / picture).unlink()
    (project / "docs" / picture).symlink_to(secret)
    message = f"docs/{picture}:1:1: liên kết tượng trưng (symlink) không được phép / a symbolic link is not allowed"
    wait_for(lambda: message in log.read_text(encoding="utf-8"), 120, "the link is refused")
    time.sleep(2)
    assert urllib.request.urlopen(address + picture, timeout=10).read() == before
