"""Search among many news posts: what Pagefind indexes keeps each query's download small (issue 10), and
the plan's own pages still lead for the plan's words. The byte figures at 1,000 posts per language are
`make bench`'s; this site is kept small enough for `make test`."""
from __future__ import annotations

import gzip
import json
from urllib.parse import urlsplit

import pytest

from conftest import post_front, run_build, write_post
from plansite.index.search import INDEX_CHUNK_SIZE, plain_letters
from tools import local_nginx
from tools.synthetic_site import generate

POSTS = 60   # per language, news-like text: six about each of the plan's groups, on average
LEAD = {"vi": "tin-tuc/bai-0001/", "en": "en/tin-tuc/bai-0001/"}


# Posts that hold a query's syllables apart, many times, but never next to each other (issue 21): "du" and
# "lịch" without "du lịch", "bình" and "đang" without "bình đẳng".
SCATTERED = {"lich-du-xuan": "Lịch trình du xuân: lịch hội làng, du ngoạn sông nước và lịch thi đấu du thuyền",
             "lich-du-hoc": "Lịch tư vấn du học: lịch phỏng vấn, du học sinh và lịch nhập học, du khảo",
             "lich-du-ngoan": "Lịch du ngoạn mùa thu: lịch tàu, du thuyền, lịch xe và du khách",
             "binh-minh": "Bình minh trên biển: mùa đang đến, bình yên đang về, bình tâm đang chờ"}


@pytest.fixture(scope="module")
def news_site(tmp_path_factory):
    project = generate(tmp_path_factory.mktemp("search-scale") / "project", POSTS, "blog", "topical")
    for n, (slug, title) in enumerate(SCATTERED.items(), 1):
        write_post(project, "vi", f"2024-03-0{n}-{slug}.md", post_front(slug, f"2024-03-0{n}", title, translated="false"),
                   f"{title}. " * 4 + "\n\n<!-- more -->\n\nNội dung.\n")
    site_dir = project / "site"
    result = run_build(project, site_dir, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


@pytest.fixture(scope="module")
def news_server(news_site):
    with local_nginx.serve(news_site) as address:
        yield address


def fragments(site, language: str) -> dict[str, dict]:
    """Pagefind's record of each indexed page (what a result shows), by address: gzip, a signature, JSON."""
    found = {}
    for path in (site / "pagefind" / "fragment").glob(f"{language}_*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{"):])
        found[record["url"]] = record
    return found


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


# A group's name is in the title of every post about it: those posts compete with the group's page.
@pytest.mark.parametrize("prefix,query,expected,posts_compete", [
    ("", "kinh phí", "ke-hoach/kinh-phi/", False),
    ("", "kinh phi", "ke-hoach/kinh-phi/", False),
    ("", "xã hội học tập", "ke-hoach/xa-hoi-hoc-tap/", True),
    ("", "xa hoi hoc tap", "ke-hoach/xa-hoi-hoc-tap/", True),
    ("", "van hoa du lich", "ke-hoach/van-hoa-du-lich/", True),
    ("en/", "learning society", "en/ke-hoach/xa-hoi-hoc-tap/", True),
    ("en/", "culture tourism", "en/ke-hoach/van-hoa-du-lich/", True),
])
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


def folded(text: str) -> str:
    """As Pagefind compares words: lower case, tones dropped, "đ" as "d", punctuation as spaces."""
    return " ".join(plain_letters(text).lower().replace(",", " ").replace(":", " ").replace(".", " ").split())


# A Vietnamese word is two or more syllables: results holding the query's syllables next to each other, in order,
# come before results holding them apart, tones typed or not, and the group's page is in the top three. A "đ"
# typed as "d" is found through the folded words, where Pagefind's phrase search does not always see the
# syllables side by side: for "binh dang" only the page's place is asserted.
@pytest.mark.parametrize("query,expected,ordered", [("du lịch", "ke-hoach/van-hoa-du-lich/", True),
                                                    ("du lich", "ke-hoach/van-hoa-du-lich/", True),
                                                    ("bình đẳng", "ke-hoach/cong-dong-hoa-nhap/", True),
                                                    ("binh dang", "ke-hoach/cong-dong-hoa-nhap/", False)])
def test_results_holding_the_syllables_together_come_first(page, news_site, news_server, query, expected, ordered):
    page.goto(f"{news_server}tim-kiem/?q={query}")
    page.locator(".search-page__results[aria-busy=false] > li").first.wait_for()
    links = [urlsplit(href).path for href in page.locator(".search-page__results > li > .search-result__title a")
             .evaluate_all("links => links.map(a => a.href)")]
    assert "/" + expected in links[:3], links
    records = fragments(news_site, "vi")
    phrase = f" {folded(query)} "
    together = [phrase in f" {folded(records[link]['content'] + ' ' + records[link]['meta']['title'])} "
                for link in links]
    if ordered:   # none apart before one together
        assert together == sorted(together, reverse=True), list(zip(links, together))
    scattered = [f"/tin-tuc/{slug}/" for slug in SCATTERED]
    assert set(scattered) & set(records), "the scattered posts are indexed"
