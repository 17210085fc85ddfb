"""The whole bilingual site, built as `make build` builds it, checked file by file against its own data: every
page in both languages and paired with its translation, the data on the pages made from it, honest progress,
ASCII anchors, sitemaps, the search index, nothing from another host, edit links, dates from the history.
(The same build's facts pinned on a fixture site: tests/engine/test_build_fixtures.py.)"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import subprocess

import pytest

from conftest import LOCAL_URL, SITE_ROOT
from html_page import read
from plansite.render.catalogue import text as catalogue_text
from plansite.render.paths import page_url
from site_checks import broken_links, language_pair_problems
from site_content import (ARTICLES, LANGUAGES, SITE_DATA, article_url, built_pages, expected_statuses, page_file, paths,
                          published, translated)


def one_language_pages() -> set[str]:
    """The built paths of the articles that have no translation."""
    return {LANGUAGES[a.language] + article_url(a) + "index.html" for a in ARTICLES if translated(a) is None}


def test_every_page_is_in_both_languages_with_its_lang_and_paired_with_its_translation(site):
    """Canonical address, hreflang and the language switcher of every page, 404s, one-language articles and
    the admin page included."""
    assert language_pair_problems(site, LOCAL_URL, one_language_pages()) == []


def test_every_link_and_its_fragment_resolve(site):
    """Every <a href> and every loaded address on every page: the file exists, and a #fragment names an id there."""
    broken, checked = broken_links(site)
    assert checked > 100 and broken == []


def test_generated_pages_carry_the_data(site):
    for scope in SITE_DATA.scopes():
        plan = paths(scope)
        for group in scope.plan.groups:
            for language, prefix in LANGUAGES.items():
                text = read(site / prefix / page_file(plan.group(group))).text
                # The page opens with what the group means; its one-line summary is the card's and the description's.
                assert group.title(language) in text and group.in_daily_life(language) in " ".join(text.split())
        for language, prefix in LANGUAGES.items():
            funding = " ".join(read(site / prefix / page_file(plan.funding)).text.split())
            assert all(" ".join(source(language).split()) in funding for source in scope.plan.funding)
            organisation = read(site / prefix / page_file(plan.organisation)).text
            assert scope.agency(scope.plan.organisation.standing_agency).name(language) in organisation


def test_progress_is_never_claimed_without_a_report(site):
    """A group none of whose tasks has a report says that there is none, in each language."""
    for scope in SITE_DATA.scopes():
        statuses = expected_statuses(scope)
        for group in scope.plan.groups:
            if any(statuses[task.id] != "no-report" for task in group.tasks):
                continue
            for language, prefix in LANGUAGES.items():
                text = read(site / prefix / page_file(paths(scope).group(group))).text.lower()
                assert catalogue_text(language, "statuses.no-report").lower() in text, (group.id, language)


def test_heading_anchors_are_ascii(site):
    """Every heading's anchor, on every page: an address a reader can copy and share."""
    found = [f"{relative}: {heading['id']}" for relative in built_pages(site)
             for heading in read(site / relative).select("article :is(h1, h2, h3, h4, h5, h6)[id]")
             if not heading["id"].isascii()]
    assert found == []


def test_each_language_has_its_own_sitemap_and_404(site):
    overview = page_url(paths().overview)
    assert f"{LOCAL_URL}{overview}" in (site / "sitemap-vi.xml").read_text()
    english = (site / "en/sitemap.xml").read_text()
    assert f"{LOCAL_URL}en/{overview}" in english and f"<loc>{LOCAL_URL}{overview}" not in english
    assert read(site / "404.html").lang == "vi" and read(site / "en/404.html").lang == "en"
    assert catalogue_text("vi", "interface.not_found") in read(site / "404.html").text
    assert catalogue_text("en", "interface.not_found") in read(site / "en/404.html").text


def test_one_search_index_per_language_and_no_lunr(site):
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "vi"]
    indexed = {language: [p for p in built_pages(site) if p.startswith("en/") == (language == "en")
                          and read(site / p).select("[data-pagefind-body]")] for language in LANGUAGES}
    for language, index in entry["languages"].items():
        assert (site / "pagefind" / f"pagefind.{index['hash']}.pf_meta").is_file(), language
        assert index["page_count"] == len(indexed[language]) > 0, language
    assert not (site / "search/search_index.json").exists()
    assert read(site / page_file(paths().overview)).select("[data-pagefind-body]")
    assert not read(site / "tim-kiem/index.html").select("[data-pagefind-body]")


def test_no_page_loads_anything_from_another_host(site):
    for html in site.rglob("*.html"):
        page = read(html)
        external = [u for u in page.urls if re.match(r"^(https?:)?//", u) and not u.startswith(LOCAL_URL)]
        assert not external, f"{html}: {external}"


def test_edit_links_follow_the_repository_setting(site):
    """With a repository in data/site.yml, a page's edit link opens its source there; without one, no page has
    an edit link."""
    repository = SITE_DATA.site.repository
    guide = next((p for p in sorted((SITE_ROOT / "docs/vi").glob("*.md")) if p.name != "index.md"), SITE_ROOT / "docs/vi/index.md")
    page = read(site / page_file(guide.name))
    buttons = [a["href"] for a in page.select(".md-content__button[href]") if "/edit/" in a["href"]]
    if repository.url:
        assert buttons == [f"{repository.url}/edit/{repository.branch}/docs/vi/{guide.name}"]
    else:
        assert not page.select(".md-content__button")


def last_commit_day(path: str) -> dt.date:
    return dt.date.fromisoformat(subprocess.run(["git", "log", "-1", "--no-merges", "--format=%cs", "--", path],
                                                cwd=SITE_ROOT, capture_output=True, text=True, check=True).stdout.strip())


def test_last_updated_date_comes_from_the_git_history_of_the_source(site):
    guide = next((p for p in sorted((SITE_ROOT / "docs/en").glob("*.md")) if p.name != "index.md"), SITE_ROOT / "docs/en/index.md")
    page_day = last_commit_day(f"docs/en/{guide.name}")
    data_day = last_commit_day(f"data/plans/{SITE_DATA.main.plan.id}.yml")
    [english] = read(site / "en" / page_file(guide.name)).select(".md-source-file")
    assert " ".join(english.get_text().split()).endswith(f"{page_day.day} {page_day:%B %Y}")
    group = paths().group(SITE_DATA.main.plan.groups[0])
    [vietnamese] = read(site / page_file(group)).select(".md-source-file")
    assert " ".join(vietnamese.get_text().split()).endswith(f"{data_day.day}/{data_day.month}/{data_day.year}")


def test_sitemap_dates_come_from_the_last_commit_not_the_clock(site):
    stamp = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=SITE_ROOT, capture_output=True, text=True,
                               check=True).stdout)
    day = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap-vi.xml").read_text())) == {day}
    with gzip.open(site / "sitemap-vi.xml.gz") as packed:
        packed.read()  # MkDocs stamps the archive with the newest page date, at midnight
        assert dt.datetime.fromtimestamp(packed.mtime, dt.timezone.utc).date().isoformat() == day


def test_words_with_d_bar_are_indexed_folded_too(site):
    """"so lao dong" must find "Sở Lao động": Pagefind folds tones but not "đ". Every page whose text has a word
    with "đ" carries it folded, in a hidden paragraph the index weighs less."""
    with_d_bar = 0
    for relative in built_pages(site):
        page = read(site / relative)
        if not page.select("[data-pagefind-body]"):
            continue
        hidden = page.select('p[hidden][data-pagefind-weight="0.5"]')
        words = " ".join(p.get_text() for p in hidden).split()
        assert not [word for word in words if "đ" in word.lower()], relative
        if "đ" in page.text.lower() and not relative.startswith("en/"):
            with_d_bar += 1
            assert words, relative
    assert with_d_bar  # Vietnamese has "đ" on every page of any length


@pytest.mark.parametrize("prefix,key", [("", "vi"), ("en/", "en")])
def test_heading_permalinks_are_titled_in_the_page_language(site, prefix, key):
    title = catalogue_text(key, "interface.permalink")
    permalinks = read(site / prefix / page_file(paths().overview)).select("a.headerlink")
    assert permalinks and {(a["title"], a.get_text()) for a in permalinks} == {(title, "¶")}


def test_no_view_count_is_shown_while_counting_is_off(site):
    """data/site.yml's show_view_counts: off, no article shows a count and the staff page lists no month."""
    if SITE_DATA.site.show_view_counts:
        return  # shown on a fixture site's rebuild in tests/engine/test_views.py
    for language, prefix in LANGUAGES.items():
        for article in published(language):
            assert not read(site / prefix / article_url(article) / "index.html").select(".article-views")
        staff = read(site / prefix / "luot-xem/index.html")
        assert not staff.select("article h2") and not staff.select("[data-pagefind-body]")
