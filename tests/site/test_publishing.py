"""News, feeds, campaigns, calendars and share previews of the site, as its sources say they must be: each feed
holds its language's newest published articles, every page links its feed and has absolute share previews,
each campaign shows its messages and events, the calendar holds exactly the events announced, every generated
leaflet is a standalone file of its plan. (Long feeds, future-dated, draft and one-language articles, the
article checks and `make article`: tests/engine/test_publishing_fixtures.py.)"""
from __future__ import annotations

from urllib.parse import quote

import feedparser
import icalendar
import pytest

from conftest import FEED_LENGTH, LOCAL_URL
from html_page import read
from plansite.derive.views import group_heading
from plansite.render.campaigns import material_path
from plansite.render.paths import campaign_path
from plansite.derive.site import all_materials
from plansite.render.catalogue import text as catalogue_text
from plansite.render.paths import page_url
from site_content import (ARTICLES, LANGUAGES, OTHER, SITE_DATA, article_url, built_pages, published, translated)

LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def site_pages(site) -> list[str]:
    """The pages of the site proper: with the site's header, not the admin page, not a 404 page."""
    return [p for p in built_pages(site) if p.endswith("index.html") and not p.startswith("admin/")
            and read(site / p).soup.select_one("body .md-header") is not None]


# ---- feeds

@pytest.mark.parametrize("name", ["feed_rss_created.xml", "feed_rss_updated.xml"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_valid_feed_of_its_newest_articles(site, language, name):
    prefix = LANGUAGES[language]
    feed = feedparser.parse((site / prefix / name).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert feed.feed.link == LOCAL_URL + prefix
    newest = published(language)[:FEED_LENGTH]
    assert sorted(entry.title for entry in feed.entries) == sorted(a.meta.title for a in newest)
    authors = {author.name(language) for author in SITE_DATA.authors.values()}
    groups = {group.title(language) for group in SITE_DATA.groups()}
    for entry in feed.entries:
        assert entry.link.startswith(LOCAL_URL + prefix + "tin-tuc/") and entry.link.endswith("/")
        assert (site / entry.link.removeprefix(LOCAL_URL) / "index.html").is_file(), entry.link
        assert entry.author in authors
        assert entry.summary.strip() and entry.summary != entry.title
        # Categories by their labels in this language: the titles of the plans' groups.
        assert entry.tags and {tag.term for tag in entry.tags} <= groups, entry.tags


@pytest.mark.parametrize("prefix", LANGUAGES.values())
def test_every_page_links_its_languages_feed_without_triggering_sitemap_fetches(site, prefix):
    pages = [p for p in site_pages(site) if p.startswith("en/") == bool(prefix)]
    assert pages
    for path in pages:
        feeds = read(site / path).feeds
        up = "../" * path.removeprefix(prefix).count("/")
        assert {link["href"] for link in feeds} == {up + "feed_rss_created.xml", up + "feed_rss_updated.xml"}, path
        # Material's script fetches sitemap.xml beside every rel="alternate"; the trailing space avoids it.
        assert all(link["rel"] == "alternate " for link in feeds)


# ---- articles

def test_the_articles_are_valid_and_paired():
    """tests/site_content.py loaded them with every check; a translation keeps its article's slug."""
    assert all(a.meta.slug.isascii() for a in ARTICLES)
    for article in ARTICLES:
        other = translated(article)
        assert other is None and article.meta.translated is False or other.meta.slug == article.meta.slug, article.name


def test_article_switcher_lands_on_its_translation(site):
    for article in [a for a in published("vi") if translated(a)][:3]:
        path = article_url(article)
        vi, en = read(site / path / "index.html"), read(site / "en" / path / "index.html")
        assert vi.switcher["en"] == "../../en/" + path and en.switcher["vi"] == "../../../" + path
        assert en.meta["og:locale:alternate"] == ["vi_VN"]


# ---- campaigns, materials and calendars

@pytest.mark.parametrize("language", LANGUAGES)
def test_campaigns_materials_library_and_leaflets(site, language):
    prefix = LANGUAGES[language]
    for campaign in SITE_DATA.campaigns:
        page = read(site / prefix / page_url(campaign_path(campaign)) / "index.html")
        assert all(" ".join(m(language).split()) in " ".join(page.text.split()) for m in campaign.key_messages)
        if not campaign.events:
            assert catalogue_text(language, "campaigns.no_events") in page.text
    library = read(site / prefix / "tai-lieu/index.html")
    materials = all_materials(SITE_DATA)  # every plan's leaflet, then the campaigns' materials
    leaflets = [m for m, _ in materials if m.generated == "leaflet"]
    for material in leaflets:
        leaflet = site / prefix / material_path(material, language)
        sheet = read(leaflet)
        plan = SITE_DATA.group_scope(material.groups[0]).plan  # a leaflet presents the plan of its first group
        assert [li.b.get_text() for li in sheet.select("ol > li")] == [group_heading(g, language) for g in plan.groups]
        assert sheet.urls == ["data:,"] and sheet.links == []  # a standalone file: nothing to load or follow
        [listed] = [m for m in library.select('.material[data-type="leaflet"]') if material.title(language) in m.get_text()]
        assert f"({leaflet.stat().st_size / 1024:.0f} KB)" in listed.get_text()
    assert len(library.select(".material")) == len(materials)
    generated = {p.name for p in (site / prefix / "tai-lieu").glob("*.html") if p.name != "index.html"}
    assert generated == {material_path(m, language).removeprefix("tai-lieu/") for m in leaflets}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_holds_exactly_the_announced_events(site, language):
    calendar = icalendar.Calendar.from_ical((site / LANGUAGES[language] / "chien-dich/su-kien.ics").read_bytes())
    assert SITE_DATA.site.name(language) in str(calendar["X-WR-CALNAME"])
    events = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert events == sorted(event.title(language) for c in SITE_DATA.campaigns for event in c.events)


# ---- share previews

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_absolute_share_previews(site, language):
    prefix, locale, other = LANGUAGES[language], LOCALES[language], LOCALES[OTHER[language]]
    image_alt = catalogue_text(language, "sharing.image_alt").format(site=SITE_DATA.site.name(language))
    assert (site / prefix / "assets/images/share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for path in [p for p in site_pages(site) if p.startswith("en/") == bool(prefix)]:
        page = read(site / path)
        meta = page.meta
        assert meta["og:site_name"] == [SITE_DATA.site.name(language)], path
        title = SITE_DATA.site.name(language) if path == f"{prefix}index.html" else page.h1.rstrip("¶").strip()
        assert meta["og:title"] == meta["twitter:title"] == [title], path  # the home page: the site's name
        assert meta["og:description"] == meta["twitter:description"] == meta["description"] and meta["description"][0]
        assert meta["og:image:alt"] == meta["twitter:image:alt"] == [image_alt], path
        assert meta["twitter:card"] == ["summary_large_image"] and meta["twitter:image"] == meta["og:image"]
        assert meta["og:url"][0] == LOCAL_URL + path.removesuffix("index.html"), path
        assert meta["og:image"][0] == LOCAL_URL + prefix + "assets/images/share.png"
        assert meta["og:locale"] == [locale]
        if path.startswith(tuple(f"{LANGUAGES[a.language]}{article_url(a)}" for a in ARTICLES if not translated(a))):
            continue  # a one-language article has no other locale
        assert meta["og:locale:alternate"] == [other], path


def test_articles_are_shared_as_articles_with_plain_share_links(site):
    for article in published("vi")[:3]:
        path = article_url(article)
        page = read(site / path / "index.html")
        assert page.meta["og:type"] == ["article"]
        assert page.meta["article:published_time"] == [article.meta.date.isoformat()]
        [share] = page.select(".share")
        links = [a["href"] for a in share.select("a[href]")]
        assert "https://www.facebook.com/sharer/sharer.php?u=" + quote(LOCAL_URL + path, safe="") in links
        assert [link for link in links if link.startswith("mailto:?subject=")]
        assert share.select(".share__copy") and "Zalo" in share.get_text() and not share.select("script")
    assert read(site / "index.html").meta["og:type"] == ["website"]
