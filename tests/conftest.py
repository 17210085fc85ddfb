"""Shared fixtures for both halves of the suite.

- Site tests (tests/site/) read the site's content from SITE_ROOT: the repository, or the folder that
  PLANSITE_SITE_ROOT names (a copy with more content, as a pull request would bring: tests/site/
  test_pull_request.py). `site` is its build.
- Engine tests (tests/engine/) build the fixture sites of tests/fixtures/sites/: each is a site's data/ and
  docs/ beside the repository's engine, built once per session with its build date pinned
  (SOURCE_DATE_EPOCH), so that what they pin holds on any day. `project` is a copy of the ended fixture site
  for a test to break.

Tests that open a browser, nginx or `mkdocs serve` are marked `browser` (make test-quick leaves them out)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools import local_nginx
from tools.project import ROOT, copy_project

# The content the site tests judge: the repository's data/ and docs/, or a copy with more content.
SITE_ROOT = Path(os.environ.get("PLANSITE_SITE_ROOT") or ROOT).resolve()
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_SITES = FIXTURES / "sites"
LOCAL_URL = "http://127.0.0.1:8000/"   # mkdocs.yml's site_url when SITE_URL is not set
FIXTURE_URL = "https://ke-hoach.example.gov.vn/"
FIXTURE_REPOSITORY = "https://git.example.org/province/asean-plan"  # the ended fixture site's data/site.yml
PER_PAGE = 10                   # mkdocs.yml: blog.pagination_per_page
FEED_LENGTH = 50               # mkdocs.yml: rss.length


@dataclass(frozen=True)
class FixtureSite:
    """A fixture site: its folder below tests/fixtures/sites/ and how the engine tests build it."""

    name: str
    build_day: dt.datetime               # the build's "today" (SOURCE_DATE_EPOCH)
    site_url: str | None = None          # SITE_URL, when the build stands for a published site
    paginated_posts: int = 0             # news generated at build time, per language, for long listings

    def __str__(self) -> str:
        return self.name

    @property
    def content(self) -> Path:
        return FIXTURE_SITES / self.name

    @property
    def epoch(self) -> str:
        return str(int(self.build_day.timestamp()))

    def build_env(self) -> dict[str, str]:
        return {"SOURCE_DATE_EPOCH": self.epoch, **({"SITE_URL": self.site_url} if self.site_url else {})}


# The ended plan's fixture has more news than a listing or a feed holds: six pages in a listing, all in one
# category and one archive year (2022, in which no other article is dated).
PAGINATED_POSTS = 5 * PER_PAGE + 3
PAGINATED_CATEGORY = "tuyen-truyen-giao-duc"
PAGINATED_YEAR = "2022"

SITES = {
    # Today's plan, frozen: ended, an unnumbered lead group, plan-level roles, a framework, a campaign with
    # events, articles in one language only, dated in the future and drafts, made-up progress reports.
    "ended": FixtureSite("ended", dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc), FIXTURE_URL,
                         PAGINATED_POSTS),
    # A plan in progress and the plan it replaced (closed by its final report): per-task leads, partners and
    # deadlines, reports of both, a successor agency, a campaign without events, a few articles.
    "running": FixtureSite("running", dt.datetime(2027, 5, 15, 8, 0, tzinfo=dt.timezone.utc)),
    # The least a site can be: one plan, one group, no campaign, no news, no framework, no report.
    "minimal": FixtureSite("minimal", dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc)),
}
ENDED, RUNNING, MINIMAL = SITES["ended"], SITES["running"], SITES["minimal"]
ONE_LANGUAGE = {"vi": "thong-bao-hoi-nghi-so-ket", "en": "note-for-foreign-partners"}  # the ended site's


def write_post(project: Path, language: str, name: str, front: str,
               body: str = "Mở đầu.\n\n<!-- more -->\n\nNội dung.\n") -> Path:
    path = project / "docs" / language / "tin-tuc" / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def post_front(slug: str, date: str, title: str | None = None, **extra: str) -> str:
    lines = [f'title: "{title or "Bài " + slug}"', 'description: "Mô tả."', f"date: {date}", f"slug: {slug}",
             "authors: [ban-bien-tap]", f"categories: [{PAGINATED_CATEGORY}]", *[f"{k}: {v}" for k, v in extra.items()]]
    return "\n".join(lines)


def add_paginated_news(project: Path, count: int) -> None:
    """count short bulletins per language, one a day from 1 January of PAGINATED_YEAR."""
    for language in ("vi", "en"):
        for n in range(1, count + 1):
            day = dt.date(int(PAGINATED_YEAR), 1, 1) + dt.timedelta(days=n - 1)
            write_post(project, language, f"{day}-bai-{n}.md",
                       post_front(f"bai-so-{n}", day.isoformat(), f"Bản tin tuyên truyền số {n}"))


def fixture_project(shape: FixtureSite, target: Path) -> Path:
    """The fixture site beside a copy of the repository's engine, with the news it generates at build time."""
    project = copy_project(target, shape.content)
    add_paginated_news(project, shape.paginated_posts)
    return project


def run_build(project: Path, site_dir: Path | None, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` as an editor would run it (into site_dir, or without it into the project's site/);
    returns the finished process, pass or fail."""
    output = ["--site-dir", str(site_dir)] if site_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *output, *extra],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def strict_build(project: Path, site_dir: Path, env: dict | None = None) -> Path:
    """`mkdocs build --strict` of project into site_dir, which must pass; returns site_dir."""
    result = run_build(project, site_dir, "--strict", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def build_fixture_site(shape: FixtureSite, folder: Path) -> Path:
    """Build a fixture site strictly into folder/site; its project is folder/project."""
    return strict_build(fixture_project(shape, folder / "project"), folder / "site", shape.build_env())


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site (SITE_ROOT), built once for the whole test run as `make build` builds it."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = run_build(SITE_ROOT, site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def _fixture_site_fixtures(shape: FixtureSite):
    """`<name>_site`: the fixture site built once per run; `<name>_server`: that build served by nginx."""
    @pytest.fixture(scope="session", name=f"{shape.name}_site")
    def built(tmp_path_factory) -> Path:
        return build_fixture_site(shape, tmp_path_factory.mktemp(shape.name))

    @pytest.fixture(scope="session", name=f"{shape.name}_server")
    def served(request):
        yield from _serve(request.getfixturevalue(f"{shape.name}_site"))

    return built, served


for _shape in SITES.values():
    globals()[f"_{_shape.name}_site"], globals()[f"_{_shape.name}_server"] = _fixture_site_fixtures(_shape)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    """A copy of the site whose every text field of every kind of data file holds hostile text (tests/hostile.py),
    built once: the built folder, and the fields poisoned in each data file."""
    from hostile import poisoned_files

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", SITE_ROOT if SITE_ROOT != ROOT else None)
    fields = poisoned_files(project)
    site_dir = project.parent / "site"
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir, fields


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the ended fixture site (engine and content) that a test may break."""
    return copy_project(tmp_path / "project", ENDED.content)


def _serve(site_dir: Path):
    with local_nginx.serve(site_dir) as address:
        yield address


@pytest.fixture(scope="session")
def site_server(site):
    """The built site served by Debian's nginx with deploy/nginx/'s configuration; yields its base address."""
    yield from _serve(site)


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


# A test that uses one of these opens Chromium or needs nginx: it is marked `browser`, which `make test-quick`
# leaves out (a test that runs `mkdocs serve` is marked by hand).
BROWSER_FIXTURES = {"browser", "page", "site_server", *(f"{name}_server" for name in SITES)}


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    yield page
    context.close()
