"""News, feeds, campaigns, calendars and share previews, as the built site and its sources show them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest

from ruamel.yaml import YAML

from conftest import FEED_LENGTH, FIXTURES, ONE_LANGUAGE, ROOT, run_build, write_post as write_article
from conftest import populate, post_front
from html_page import read
from plansite.derive.views import group_heading
from plansite.load.articles import load_articles
from plansite.render.calendar import calendar_ics
from plansite.render.campaigns import material_path, plan_leaflet
from plansite.model import Campaign
from plansite.new_article import create_article, main as new_article_main
from plansite.validate.problems import SourceError
from plansite.load.sitedata import load_site_data
from test_build import PAGES

BASE = "http://127.0.0.1:8000/"
ARTICLE = "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/"
POSTS = "tin-tuc/posts"
# The published articles, as their front matter titles them (docs/*/tin-tuc/posts/).
TITLES = {
    "vi": {"Kế hoạch thực hiện mục tiêu Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025: những điểm chính",
           "Cộng đồng Văn hóa - Xã hội ASEAN là gì?", "Kế hoạch yêu cầu gì ở các ngành, các cấp?",
           "Kinh phí thực hiện Kế hoạch lấy từ đâu?"},
    "en": {"The plan for the ASEAN Socio-Cultural Community goals to 2025: the main points",
           "What is the ASEAN Socio-Cultural Community?", "What does the plan ask of each sector and level?",
           "Where does the money for the plan come from?"},
}
SITE_NAME = {"vi": "Kế hoạch thực hiện mục tiêu Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025",
             "en": "Plan to implement the ASEAN Socio-Cultural Community goals to 2025"}
SHARE_IMAGE_ALT = {"vi": "Biểu trưng và tên trang Kế hoạch thực hiện mục tiêu Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025",
                   "en": "Logo and name of the site: Plan to implement the ASEAN Socio-Cultural Community goals to 2025"}
AUTHORS = {"vi": {"L.Q.L", "Ban biên tập trang"}, "en": {"L.Q.L", "Site editors"}}  # data/authors.yml
CATEGORY_LABEL = {"vi": "Tuyên truyền, giáo dục", "en": "Communication and education"}


def group_titles(language: str) -> set[str]:
    plan = YAML(typ="safe").load((ROOT / "data/plans/ascc-2025.yml").read_text(encoding="utf-8"))
    return {group["title"][language] for group in plan["groups"]}


def front(slug: str = "bai-thu", date: str = "2021-08-01", **extra: str) -> str:
    return post_front(slug, date, **extra)


def article_problems(project: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_articles(project, load_site_data(project))
    return [str(p) for p in caught.value.problems]


# ---- feeds

@pytest.mark.parametrize("name", ["feed_rss_created.xml", "feed_rss_updated.xml"])
@pytest.mark.parametrize("prefix,language", [("", "vi"), ("en/", "en")])
def test_each_language_has_its_own_valid_feed(site, prefix, language, name):
    feed = feedparser.parse((site / prefix / name).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert feed.feed.link == BASE + prefix
    assert {entry.title for entry in feed.entries} == TITLES[language]
    for entry in feed.entries:
        assert entry.link.startswith(BASE + prefix + "tin-tuc/") and entry.link.endswith("/")
        assert (site / entry.link.removeprefix(BASE) / "index.html").is_file(), entry.link
        assert entry.author in AUTHORS[language]
        assert entry.summary.strip() and entry.summary != entry.title
        # Categories by their labels in this language: the titles of the plan's groups.
        assert entry.tags and {tag.term for tag in entry.tags} <= group_titles(language), entry.tags
    issued = next(e for e in feed.entries if e.link == BASE + prefix + ARTICLE)
    # The site's own summary of the plan's issue, credited to the site's editors on the day they wrote it.
    assert issued.author == {"vi": "Ban biên tập trang", "en": "Site editors"}[language]
    assert issued.published_parsed[:3] == (2026, 11, 28)
    assert [tag.term for tag in issued.tags] == [CATEGORY_LABEL[language]]


@pytest.mark.parametrize("prefix,language", [("", "vi"), ("en/", "en")])
def test_a_feed_holds_its_languages_newest_articles_up_to_its_length(populated_site, prefix, language):
    other = {"vi": "en", "en": "vi"}[language]
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        feed = feedparser.parse((populated_site / prefix / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == FEED_LENGTH  # the populated build has more articles than that
        slugs = [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries]
        # The one-language article reaches its own language's feed, never the other's.
        assert ONE_LANGUAGE[language] in slugs and ONE_LANGUAGE[other] not in slugs
        assert all(entry.link.startswith("https://ke-hoach.example.gov.vn/" + prefix + "tin-tuc/") for entry in feed.entries)
        dates = [entry.published_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)
        # The oldest articles are the ones left out: the first fixture posts.
        assert "bai-so-1" not in slugs
        assert "bai-tuong-lai" not in slugs and "bai-nhap" not in slugs


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_links_its_languages_feed_without_triggering_sitemap_fetches(site, prefix):
    for path in PAGES:
        feeds = read(site / prefix / path).feeds
        up = "../" * path.count("/")
        assert {link["href"] for link in feeds} == {up + "feed_rss_created.xml", up + "feed_rss_updated.xml"}, path
        # Material's script fetches sitemap.xml beside every rel="alternate"; the trailing space avoids it.
        assert all(link["rel"] == "alternate " for link in feeds)


# ---- publishing rules

def test_future_dated_and_draft_articles_stay_out_of_the_build(populated_site):
    for prefix in ("", "en/"):
        assert (populated_site / prefix / "tin-tuc/bai-so-1/index.html").is_file()
        assert not (populated_site / prefix / "tin-tuc/bai-tuong-lai").exists()
        assert not (populated_site / prefix / "tin-tuc/bai-nhap").exists()
        listed = [href for page in (populated_site / prefix / "tin-tuc").glob("**/index.html") for href in read(page).links]
        assert [href for href in listed if "bai-so-1/" in href]
        assert not [href for href in listed if "bai-tuong-lai" in href or "bai-nhap" in href]


@pytest.mark.parametrize("language,other,note", [("vi", "en", "Bài này chỉ có bằng tiếng Việt."),
                                                 ("en", "vi", "This article is available in English only.")])
def test_one_language_article_switches_to_the_other_news_index(populated_site, language, other, note):
    prefix, other_prefix = ("", "en/") if language == "vi" else ("en/", "")
    path = populated_site / prefix / "tin-tuc" / ONE_LANGUAGE[language] / "index.html"
    page = read(path)
    assert page.resolve(page.switcher[other], populated_site)[0] == populated_site / other_prefix / "tin-tuc/index.html"
    assert set(page.hreflang) == {language, "x-default"}  # no translation to announce
    assert note in page.text
    assert not (populated_site / other_prefix / "tin-tuc" / ONE_LANGUAGE[language]).exists()


def test_article_switcher_lands_on_its_translation(site):
    vi, en = read(site / ARTICLE / "index.html"), read(site / "en" / ARTICLE / "index.html")
    assert vi.switcher["en"] == "../../en/" + ARTICLE and en.switcher["vi"] == "../../../" + ARTICLE
    assert en.meta["og:locale:alternate"] == ["vi_VN"]


# ---- validation: each problem at its file and line

@pytest.mark.parametrize("key,value,needle,expected", [
    ("authors", "[khong-co]", "authors:", 'authors[0]: không có tác giả "khong-co" / unknown author "khong-co"'),
    ("categories", "[khong-co]", "categories:", 'categories[0]: không có chuyên mục "khong-co" / unknown category "khong-co"'),
    ("date", "22/7/2021", "date:", "date: ngày không hợp lệ / not a valid date"),
    ("cover", '\n  image: assets/images/khong-co.png\n  alt: "Ảnh"\n  credit: "Ảnh minh họa (Nguồn: x)"', "  image:",
     "cover.image: không có tệp ảnh docs/assets/images/khong-co.png / image docs/assets/images/khong-co.png does not exist"),
    ("cover", '\n  image: assets/images/share.png\n  credit: "Ảnh minh họa (Nguồn: x)"', "cover:",
     "cover.alt: thiếu trường bắt buộc / required field is missing"),
])
def test_article_problems_name_file_line_and_field(project, key, value, needle, expected):
    lines = [line for line in front().splitlines() if not line.startswith(f"{key}:")] + [f"{key}: {value}"]
    for language in ("vi", "en"):
        path = write_article(project, language, "loi.md", "\n".join(lines))
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if row.startswith(needle))
    messages = [m for m in article_problems(project) if m.startswith(f"docs/vi/{POSTS}/loi.md:")]
    assert [m for m in messages if m.startswith(f"docs/vi/{POSTS}/loi.md:{line}:") and expected in m], messages


def test_duplicate_slug_and_missing_translation(project):
    for language in ("vi", "en"):
        write_article(project, language, "mot.md", front("trung-nhau"))
        write_article(project, language, "hai.md", front("trung-nhau"))
    write_article(project, "vi", "le.md", front("le"))
    messages = article_problems(project)
    assert any(m.startswith(f"docs/vi/{POSTS}/mot.md:5:1: slug: ") and "duplicate slug" in m and "hai.md" in m
               or m.startswith(f"docs/vi/{POSTS}/hai.md:5:1: slug: ") and "duplicate slug" in m for m in messages), messages
    assert any(m.startswith(f"docs/vi/{POSTS}/le.md:2:1:") and "no English version" in m and "translated: false" in m
               for m in messages), messages


def test_the_published_articles_are_valid_and_paired():
    articles = load_articles(ROOT, load_site_data(ROOT))
    by_language = {lang: {a.name: a.meta.slug for a in articles if a.language == lang} for lang in ("vi", "en")}
    assert by_language["vi"] == by_language["en"] and len(by_language["vi"]) >= 4
    assert all(a.meta.slug.isascii() for a in articles)


# ---- starting an article

def test_make_article_writes_both_languages_that_build(project, tmp_path, capsys, monkeypatch):
    today = dt.date.today()
    paths = create_article(project, "Hội nghị triển khai Kế hoạch năm mới", today)
    assert [p.relative_to(project).as_posix() for p in paths] == [
        f"docs/{lang}/{POSTS}/{today.isoformat()}-hoi-nghi-trien-khai-ke-hoach-nam-moi.md" for lang in ("vi", "en")]
    assert "slug: hoi-nghi-trien-khai-ke-hoach-nam-moi" in paths[1].read_text(encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for prefix in ("", "en/"):
        assert (tmp_path / "out" / prefix / "tin-tuc/hoi-nghi-trien-khai-ke-hoach-nam-moi/index.html").is_file()
    monkeypatch.chdir(project)
    assert new_article_main(["Hội nghị triển khai Kế hoạch năm mới"]) == 1  # never overwrites
    assert new_article_main(["Một bài khác"]) == 0
    out = capsys.readouterr().out
    assert "what to fill in" in out and "translate" in out


# ---- campaigns, materials and calendars

def test_campaign_materials_library_and_leaflet(site):
    """Every plan has its leaflet in the library, campaign or none (no campaign is recorded without a source)."""
    data = load_site_data(ROOT)
    for prefix, language in (("", "vi"), ("en/", "en")):
        leaflet = site / prefix / material_path(plan_leaflet(data.main), language)
        sheet = read(leaflet)
        assert [li.b.get_text() for li in sheet.select("ol > li")] == [
            group_heading(g, language) for g in data.main.plan.groups]
        assert sheet.urls == ["data:,"] and sheet.links == []  # a standalone file: nothing to load or follow
        library = read(site / prefix / "tai-lieu/index.html")
        [material] = library.select('.material[data-type="leaflet"]')
        assert f"({leaflet.stat().st_size / 1024:.0f} KB)" in material.get_text()
        assert library.select(".materials-filter")


@pytest.mark.parametrize("prefix,name", [("", "sự kiện"), ("en/", "events")])
def test_published_calendar_is_valid_and_holds_no_invented_events(site, prefix, name):
    calendar = icalendar.Calendar.from_ical((site / prefix / "chien-dich/su-kien.ics").read_bytes())
    assert name in str(calendar["X-WR-CALNAME"])
    assert not calendar.walk("VEVENT")


FIXTURE_CAMPAIGN = YAML(typ="safe").load((FIXTURES / "campaign.yml").read_text(encoding="utf-8"))


def test_calendar_machinery_on_fixture_events():
    campaign = Campaign.model_validate(FIXTURE_CAMPAIGN)
    stamp = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    ics = calendar_ics([campaign], "en", "Site", {"thu": "https://example.org/en/chien-dich/thu/"}, stamp)
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    assert set(events) == {"Test fair", "Test talk"}
    fair, talk = events["Test fair"], events["Test talk"]
    assert fair.decoded("DTSTART") == dt.date(2030, 3, 1) and fair.decoded("DTEND") == dt.date(2030, 3, 3)
    assert talk.decoded("DTSTART") == dt.datetime(2030, 4, 5, 8, 30) and "DTEND" not in talk
    assert str(fair["UID"]) == "thu.ngay-hoi@example.org" and str(fair["URL"]) == "https://example.org/en/chien-dich/thu/"
    assert str(fair["LOCATION"]) == "Culture house"


@pytest.mark.parametrize("prefix,titles,days", [
    ("", ["Ngày hội thử", "Tọa đàm thử"], ["1/3/2030", "5/4/2030"]),
    ("en/", ["Test fair", "Test talk"], ["1 March 2030", "5 April 2030"])])
def test_campaign_events_appear_on_the_page_and_in_each_calendar(populated_site, prefix, titles, days):
    page = read(populated_site / prefix / "chien-dich/thu/index.html")
    assert all(title in page.text for title in titles) and all(day in page.text for day in days)
    calendar = icalendar.Calendar.from_ical((populated_site / prefix / "chien-dich/su-kien.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == titles
    assert {str(e["URL"]) for e in calendar.walk("VEVENT")} == {
        f"https://ke-hoach.example.gov.vn/{prefix}chien-dich/thu/"}


def test_campaign_reference_problems(project):
    populate(project)  # the fixture campaign: the published data records none
    path = project / "data/campaigns.yml"
    text = path.read_text(encoding="utf-8").replace("    groups: [tuyen-truyen-giao-duc]\n", "    groups: [khong-co]\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "groups: [khong-co]" in row)
    with pytest.raises(SourceError) as caught:
        load_site_data(project)
    [message] = map(str, caught.value.problems)
    assert message.startswith(f"data/campaigns.yml:{line}:14: campaigns[0].groups[0]: ") and 'unknown group "khong-co"' in message


# ---- share previews

@pytest.mark.parametrize("prefix,locale,other", [("", "vi_VN", "en_GB"), ("en/", "en_GB", "vi_VN")])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_absolute_share_previews(site, path, prefix, locale, other):
    page = read(site / prefix / path)
    meta, language = page.meta, locale[:2]
    assert meta["og:site_name"] == [SITE_NAME[language]]
    assert meta["og:title"] == meta["twitter:title"] == [page.h1.rstrip("¶").strip()], path
    assert meta["og:description"] == meta["twitter:description"] == meta["description"] and meta["description"][0]
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == [SHARE_IMAGE_ALT[language]]
    assert meta["twitter:card"] == ["summary_large_image"] and meta["twitter:image"] == meta["og:image"]
    assert meta["og:url"][0] == BASE + prefix + path.removesuffix("index.html")
    assert meta["og:image"][0] == BASE + prefix + "assets/images/share.png"
    assert (site / prefix / "assets/images/share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert meta["og:locale"] == [locale]
    assert meta["og:locale:alternate"] == [other]


def test_articles_are_shared_as_articles_with_plain_share_links(site):
    page = read(site / ARTICLE / "index.html")
    assert page.meta["og:type"] == ["article"] and page.meta["article:published_time"] == ["2026-11-28"]
    [share] = page.select(".share")
    links = [a["href"] for a in share.select("a[href]")]
    assert ("https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F127.0.0.1%3A8000%2Ftin-tuc%2F"
            "tinh-ban-hanh-ke-hoach-asean-2025%2F") in links
    assert [link for link in links if link.startswith("mailto:?subject=")]
    assert share.select(".share__copy") and "Zalo" in share.get_text() and not share.select("script")
    assert "Ảnh minh họa (Nguồn:" in page.text
    assert [img for img in page.select("img[alt]") if img["alt"].startswith("Hình minh họa: một ô lớn cho công tác tuyên truyền")]
    assert read(site / "ke-hoach/index.html").meta["og:type"] == ["website"]
