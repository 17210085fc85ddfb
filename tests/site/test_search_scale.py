"""Search among many news posts: what Pagefind indexes keeps each query's download small (issue 10), and
the plan's own pages still lead for the plan's words. The byte figures at 1,000 posts per language are
`make bench`'s; this site is kept small enough for `make test`. The site is the repository's content with news
written about its groups (tools/synthetic_site.py), so the queries come from its data: the pull-request run of
the site tests (test_pull_request.py) leaves this file to the repository's run. The same copy checks that
`make bench`'s peer, plain Material, still builds it."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import strict_build
from plansite.index.search import INDEX_CHUNK_SIZE
from plansite.load.sitedata import load_site_data
from plansite.render.catalogue import text as catalogue_text
from plansite.render.paths import PlanPaths, page_url
from site_content import folded
from pagefind_records import fragments
from tools import local_nginx
from tools.bench import build_plain
from tools.project import ROOT
from tools.synthetic_site import generate

POSTS = 60   # per language, news-like text: six about each of the plan's groups, on average
LEAD = {"vi": "tin-tuc/bai-0001/", "en": "en/tin-tuc/bai-0001/"}


@pytest.fixture(scope="module")
def news_site(tmp_path_factory):
    project = generate(tmp_path_factory.mktemp("search-scale") / "project", POSTS, "blog", "topical")
    return strict_build(project, project / "site")


@pytest.fixture(scope="module")
def news_server(news_site):
    with local_nginx.serve(news_site) as address:
        yield address



@pytest.mark.parametrize("language", ["vi", "en"])
def test_index_pieces_hold_about_the_configured_number_of_word_positions(news_site, language):
    positions = sum(record["word_count"] for record in fragments(news_site, language).values())
    pieces = list((news_site / "pagefind" / "index").glob(f"{language}_*.pf_index"))
    # Pagefind fills a piece until it holds INDEX_CHUNK_SIZE positions (a frequent word makes one alone, so
    # fewer); with its own default of 20,000 this whole site would fit in one or two pieces per language.
    assert positions > 10 * INDEX_CHUNK_SIZE, positions
    assert len(pieces) >= positions / (4 * INDEX_CHUNK_SIZE), (len(pieces), positions)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_article_is_indexed_by_its_title_and_lead_only(news_site, language):
    record = fragments(news_site, language)["/" + LEAD[language]]
    page = (news_site / LEAD[language] / "index.html").read_text(encoding="utf-8")
    lead = page.split("<!-- more -->")[0].rsplit("<p>", 1)[1].split("</p>")[0]
    body_heading = "Kết quả" if language == "vi" else "Next steps"
    assert lead[:60] in record["content"]
    assert body_heading in page and body_heading not in record["content"]
    assert not [anchor for anchor in record["anchors"] if anchor["element"] == "h2"]  # no body section indexed
    assert record["meta"]["title"].startswith("Bản tin số 1" if language == "vi" else "News item 1")


def ranking_queries() -> list[tuple[str, str, str, bool]]:
    """(language prefix, query, the page it must find, whether posts compete): the funding page by its title, and
    two groups by their titles, with and without diacritics; a group's name is in the title of every post about
    it, so those posts compete with the group's page."""
    plan = load_site_data(ROOT).main.plan
    plan_paths = PlanPaths(plan)
    funding = page_url(plan_paths.funding)
    queries = [("", catalogue_text("vi", "plan.funding").lower(), funding, False),
               ("", folded(catalogue_text("vi", "plan.funding")), funding, False)]
    numbered = [g for g in plan.groups if g.number is not None][-4:-2] or plan.groups[:1]
    for group in numbered:
        words = lambda language: " ".join(group.title(language).replace(",", " ").lower().split()[:4])  # noqa: E731
        target = page_url(plan_paths.group(group))
        queries += [("", words("vi"), target, True), ("", folded(words("vi")), target, True),
                    ("en/", words("en"), "en/" + target, True)]
    return queries


@pytest.mark.parametrize("prefix,query,expected,posts_compete", ranking_queries())
def test_plan_pages_rank_in_the_top_three_among_many_posts_with_excerpts(page, news_server, prefix, query,
                                                                         expected, posts_compete):
    page.goto(f"{news_server}{prefix}tim-kiem/?q={query}")
    page.locator(".search-page__results[aria-busy=false] > li").first.wait_for()
    results = page.locator(".search-page__results > li")
    links = [urlsplit(href).path for href in
             results.locator("> .search-result__title a").evaluate_all("links => links.map(a => a.href)")]
    assert "/" + expected in links[:3], links
    if posts_compete:  # the competition is real: posts are among the results, below the plan's page
        assert any(link.startswith(f"/{prefix}tin-tuc/bai-") for link in links), links
    excerpts = results.locator("> .search-result__excerpt").all_inner_texts()
    assert len(excerpts) == len(links) and all(text.strip() for text in excerpts), excerpts


def test_the_benchmarks_plain_material_peer_builds_this_content(news_site):
    """`make bench` times our build against plain Material's on such a copy. A page that asks for a layout of
    this site's own (the home page's `template: home.html`) stopped the peer's build, and the whole benchmark
    with it, until the peer was given that layout as Material's ordinary page."""
    project = news_site.parent
    build_plain(project)
    for prefix in ("", "en/"):
        for page in ("", "tin-tuc/", "tin-tuc/bai-0001/"):
            assert (project / "plain-site" / prefix / page / "index.html").is_file(), prefix + page

