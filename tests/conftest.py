"""Shared fixtures: the project's own build, a populated build with test data, copies of the project to break,
and nginx serving the builds."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools import local_nginx
from tools.project import ROOT, copy_project


FIXTURES = ROOT / "tests" / "fixtures"
# The populated build: what the published site has no data for yet, made up under tests/fixtures/.
POPULATED_URL = "https://ke-hoach.example.gov.vn/"
POPULATED_REPOSITORY = "https://git.example.org/province/asean-plan"
PER_PAGE = 10                   # mkdocs.yml: blog.pagination_per_page
FEED_LENGTH = 50               # mkdocs.yml: rss.length
# Six pages in every listing that holds them all, and more articles than a feed holds.
PAGINATED_POSTS = 5 * PER_PAGE + 3
PAGINATED_CATEGORY = "tuyen-truyen-giao-duc"
PAGINATED_YEAR = "2022"         # no real article is dated 2022, so its archive holds only these posts
ONE_LANGUAGE = {"vi": "chi-tieng-viet", "en": "only-in-english"}  # an article in one language only
ONE_LANGUAGE_DATE = "2026-11-30"  # newer than every other article, so it is in its feed


def write_post(project: Path, language: str, name: str, front: str,
               body: str = "Mở đầu.\n\n<!-- more -->\n\nNội dung.\n") -> Path:
    path = project / "docs" / language / "tin-tuc" / "posts" / name
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def post_front(slug: str, date: str, title: str | None = None, **extra: str) -> str:
    lines = [f'title: "{title or "Bài " + slug}"', 'description: "Mô tả."', f"date: {date}", f"slug: {slug}",
             "authors: [lql]", f"categories: [{PAGINATED_CATEGORY}]", *[f"{k}: {v}" for k, v in extra.items()]]
    return "\n".join(lines)


def add_fixture_campaign(project: Path) -> None:
    """The made-up campaign (tests/fixtures/campaign.yml), added to the list in data/campaigns.yml."""
    campaign = [line for line in (FIXTURES / "campaign.yml").read_text(encoding="utf-8").splitlines()
                if not line.startswith("#")]
    with (project / "data/campaigns.yml").open("a", encoding="utf-8") as campaigns:
        campaigns.write("\n".join(["  - " + campaign[0], *("    " + line for line in campaign[1:])]) + "\n")


def populate(project: Path) -> None:
    """Add every fixture: progress reports, a campaign with events, enough news to paginate, one-language,
    future and draft articles, and a repository for the edit links."""
    for report in (FIXTURES / "reports").glob("*.yml"):
        shutil.copy(report, project / "data/reports" / report.name)
    add_fixture_campaign(project)
    site_yml = project / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace('  url: ""\n  branch',
                                                                     f"  url: {POPULATED_REPOSITORY}\n  branch", 1),
                        encoding="utf-8")
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    for language in ("vi", "en"):
        for n in range(1, PAGINATED_POSTS + 1):
            day = dt.date(int(PAGINATED_YEAR), 1, 1) + dt.timedelta(days=n - 1)
            write_post(project, language, f"{day}-bai-{n}.md", post_front(f"bai-so-{n}", day.isoformat(), f"Bài số {n}"))
        write_post(project, language, "tuong-lai.md", post_front("bai-tuong-lai", future))
        write_post(project, language, "nhap.md", post_front("bai-nhap", "2021-08-02", draft="true"))
        write_post(project, language, f"{ONE_LANGUAGE[language]}.md",
                   post_front(ONE_LANGUAGE[language], ONE_LANGUAGE_DATE, translated="false"))


def run_build(project: Path, site_dir: Path | None, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` as an editor would run it (into site_dir, or without it into the project's site/);
    returns the finished process, pass or fail."""
    output = ["--site-dir", str(site_dir)] if site_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *output, *extra],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once for the whole test run."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def populated_site(tmp_path_factory) -> Path:
    """The project with every fixture of tests/fixtures/ added and SITE_URL set, built once for the whole run."""
    project = copy_project(tmp_path_factory.mktemp("populated") / "project")
    populate(project)
    site_dir = project.parent / "site"
    result = run_build(project, site_dir, "--strict", env={"SITE_URL": POPULATED_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_server(site):
    """The built site served by Debian's nginx with deploy/nginx/'s configuration; yields its base address."""
    with local_nginx.serve(site) as address:
        yield address


@pytest.fixture(scope="session")
def populated_server(populated_site):
    """The populated build, served the same way."""
    with local_nginx.serve(populated_site) as address:
        yield address


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright. Missing, it is a failure: a browser test never skips."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# What axe-core could not decide on its own ("incomplete": needs a person's review), from every page load.
_axe_incomplete: list[tuple[str, str, int]] = []


@pytest.fixture(scope="session")
def axe_incomplete() -> list[tuple[str, str, int]]:
    """Where browser tests record axe's incomplete results: (rule, page and scheme, number of elements)."""
    return _axe_incomplete


def pytest_terminal_summary(terminalreporter):
    if not _axe_incomplete:
        return
    terminalreporter.section("axe-core: needs a person's review (incomplete results)")
    rules: dict[str, list[str]] = {}
    for rule, where, count in _axe_incomplete:
        rules.setdefault(rule, []).append(f"{where}: {count}")
    for rule, places in sorted(rules.items()):
        terminalreporter.write_line(f"{rule} on {len(places)} page loads: " + "; ".join(places))


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()
