"""News, feeds, campaigns, calendars and share previews, as the built site and its sources show them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest

from conftest import ROOT, run_build
from plansite.load.articles import load_articles
from plansite.render.calendar import calendar_ics
from plansite.model import Campaign
from plansite.new_article import create_article, main as new_article_main
from plansite.validate.problems import SourceError
from plansite.load.sitedata import load_site_data
from test_build import PAGES, Page

BASE = "http://127.0.0.1:8000/"
ARTICLE = "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/"
POSTS = "tin-tuc/posts"


def write_article(project: Path, language: str, name: str, front: str, body: str = "Mở đầu.\n\n<!-- more -->\n\nNội dung.\n") -> Path:
    path = project / "docs" / language / POSTS / name
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")
    return path


def front(slug: str = "bai-thu", date: str = "2021-08-01", **extra: str) -> str:
    lines = [f'title: "Bài {slug}"', 'description: "Mô tả."', f"date: {date}", f"slug: {slug}",
             "authors: [lql]", "categories: [tuyen-truyen-giao-duc]", *[f"{k}: {v}" for k, v in extra.items()]]
    return "\n".join(lines)


def article_problems(project: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_articles(project, load_site_data(project))
    return [str(p) for p in caught.value.problems]


# ---- feeds

@pytest.mark.parametrize("prefix,language", [("", "vi"), ("en/", "en")])
def test_each_language_has_its_own_valid_feed(site, prefix, language):
    feed = feedparser.parse((site / prefix / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert feed.feed.link == BASE + prefix
    articles = load_articles(ROOT, load_site_data(ROOT))
    expected = {a.meta.title for a in articles if a.language == language}
    assert {entry.title for entry in feed.entries} == expected
    for entry in feed.entries:
        assert entry.link.startswith(BASE + prefix + "tin-tuc/")
        assert entry.published_parsed and entry.summary and entry.author
        assert entry.tags  # categories, by their labels in this language
    issued = next(e for e in feed.entries if e.link == BASE + prefix + ARTICLE)
    assert issued.author == "L.Q.L" and issued.published_parsed[:3] == (2021, 7, 22)
    assert issued.tags[0].term == {"vi": "Tuyên truyền, giáo dục", "en": "Communication and education"}[language]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_links_its_languages_feed_without_triggering_sitemap_fetches(site, prefix):
    for path in PAGES:
        feeds = Page(site / prefix / path).feeds
        up = "../" * path.count("/")
        assert {link["href"] for link in feeds} == {up + "feed_rss_created.xml", up + "feed_rss_updated.xml"}, path
        # Material's script fetches sitemap.xml beside every rel="alternate"; the trailing space avoids it.
        assert all(link["rel"] == "alternate " for link in feeds)


# ---- publishing rules

def test_future_dated_and_draft_articles_stay_out_of_the_build(project, tmp_path):
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    for language in ("vi", "en"):
        write_article(project, language, "tuong-lai.md", front("bai-tuong-lai", future))
        write_article(project, language, "nhap.md", front("bai-nhap", "2021-08-02", draft="true"))
        write_article(project, language, "da-dang.md", front("bai-da-dang", "2021-08-03"))
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    for prefix in ("", "en/"):
        assert (out / prefix / "tin-tuc/bai-da-dang/index.html").is_file()
        assert not (out / prefix / "tin-tuc/bai-tuong-lai").exists()
        assert not (out / prefix / "tin-tuc/bai-nhap").exists()
        feed = feedparser.parse((out / prefix / "feed_rss_created.xml").read_bytes())
        links = [e.link for e in feed.entries]
        assert any(link.endswith("/bai-da-dang/") for link in links)
        assert not any("tuong-lai" in link or "bai-nhap" in link for link in links)
        assert "bai-tuong-lai" not in (out / prefix / "tin-tuc/index.html").read_text(encoding="utf-8")


def test_one_language_article_switches_to_the_other_news_index(project, tmp_path):
    write_article(project, "vi", "chi-tieng-viet.md", front("chi-tieng-viet", translated="false"))
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = Page(tmp_path / "out/tin-tuc/chi-tieng-viet/index.html")
    assert page.switcher["en"] == "../../en/tin-tuc/"
    assert set(page.hreflang) == {"vi", "x-default"}  # no English translation to announce
    assert "Bài này chỉ có bằng tiếng Việt." in page.text
    assert not (tmp_path / "out/en/tin-tuc/chi-tieng-viet").exists()


def test_article_switcher_lands_on_its_translation(site):
    vi, en = Page(site / ARTICLE / "index.html"), Page(site / "en" / ARTICLE / "index.html")
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
    data = load_site_data(ROOT)
    [campaign] = data.campaigns
    for prefix, language in (("", "vi"), ("en/", "en")):
        page = Page(site / prefix / f"chien-dich/{campaign.id}/index.html")
        assert all(m(language) in page.text for m in campaign.key_messages)
        assert {"vi": "Chưa có sự kiện nào được công bố.", "en": "No event has been announced yet."}[language] in page.text
        leaflet = site / prefix / "tai-lieu/to-roi-muoi-nhom.html"
        text = leaflet.read_text(encoding="utf-8")
        assert all(g.title(language) in text for g in data.main.plan.groups) and "http" not in text
        library = (site / prefix / "tai-lieu/index.html").read_text(encoding="utf-8")
        assert f"({leaflet.stat().st_size / 1024:.0f} KB)" in library
        assert 'data-type="leaflet"' in library and "materials-filter" in library


@pytest.mark.parametrize("prefix,name", [("", "sự kiện"), ("en/", "events")])
def test_published_calendar_is_valid_and_holds_no_invented_events(site, prefix, name):
    calendar = icalendar.Calendar.from_ical((site / prefix / "chien-dich/su-kien.ics").read_bytes())
    assert name in str(calendar["X-WR-CALNAME"])
    assert not calendar.walk("VEVENT")


FIXTURE_CAMPAIGN = {
    "id": "thu", "title": {"vi": "Chiến dịch thử", "en": "Test campaign"}, "summary": {"vi": "Tóm tắt", "en": "Summary"},
    "period": {"vi": "2030", "en": "2030"}, "audiences": [{"vi": "Mọi người", "en": "Everyone"}],
    "channels": [{"vi": "Trang", "en": "Site"}], "key_messages": [{"vi": "Thông điệp", "en": "Message"}],
    "groups": ["tuyen-truyen-giao-duc"],
    "events": [
        {"id": "ngay-hoi", "title": {"vi": "Ngày hội thử", "en": "Test fair"}, "start": dt.date(2030, 3, 1),
         "end": dt.date(2030, 3, 2), "location": {"vi": "Nhà văn hóa", "en": "Culture house"},
         "description": {"vi": "Mô tả", "en": "Description"}},
        {"id": "toa-dam", "title": {"vi": "Tọa đàm thử", "en": "Test talk"},
         "start": dt.datetime(2030, 4, 5, 8, 30), "location": {"vi": "Hội trường", "en": "Hall"},
         "description": {"vi": "Mô tả", "en": "Description"}},
    ],
}


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


def test_campaign_events_appear_on_the_page_and_in_each_calendar(project, tmp_path):
    import yaml
    campaigns = project / "data/campaigns.yml"
    fixture = {**FIXTURE_CAMPAIGN, "events": FIXTURE_CAMPAIGN["events"][:1]}
    campaigns.write_text(yaml.safe_dump({"campaigns": [fixture]}, allow_unicode=True), encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for prefix, title, day in (("", "Ngày hội thử", "1/3/2030"), ("en/", "Test fair", "1 March 2030")):
        assert title in Page(tmp_path / "out" / prefix / "chien-dich/thu/index.html").text
        assert day in Page(tmp_path / "out" / prefix / "chien-dich/thu/index.html").text
        calendar = icalendar.Calendar.from_ical((tmp_path / "out" / prefix / "chien-dich/su-kien.ics").read_bytes())
        assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [title]


def test_campaign_reference_problems(project):
    path = project / "data/campaigns.yml"
    text = path.read_text(encoding="utf-8").replace("    groups: [tuyen-truyen-giao-duc]\n", "    groups: [khong-co]\n")
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
    meta = Page(site / prefix / path).meta
    for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:site_name",
                "twitter:card", "twitter:title", "twitter:image"):
        assert meta.get(key) and meta[key][0], (path, key)
    assert meta["og:url"][0] == BASE + prefix + path.removesuffix("index.html")
    assert meta["og:image"][0] == BASE + prefix + "assets/images/share.png"
    assert (site / prefix / "assets/images/share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert meta["og:locale"] == [locale]
    if path != "tim-kiem/index.html":
        assert meta["og:locale:alternate"] == [other]


def test_articles_are_shared_as_articles_with_plain_share_links(site):
    html = (site / ARTICLE / "index.html").read_text(encoding="utf-8")
    page = Page(site / ARTICLE / "index.html")
    assert page.meta["og:type"] == ["article"] and page.meta["article:published_time"] == ["2021-07-22"]
    assert 'href="https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F127.0.0.1%3A8000%2Ftin-tuc%2F' in html
    assert 'href="mailto:?subject=' in html and "share__copy" in html and "Zalo" in page.text
    assert "<script" not in html.split('class="share"')[1].split("</aside>")[0]
    assert "Ảnh minh họa (Nguồn:" in page.text and 'alt="Hình minh họa mười ô vuông' in html
    assert Page(site / "ke-hoach/index.html").meta["og:type"] == ["website"]
