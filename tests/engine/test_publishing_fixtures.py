"""News, feeds, campaigns and calendars on the fixture sites: long feeds, future-dated, draft and one-language
articles, the article checks, `make article`, events in the calendar. (What holds for the site's own news:
tests/site/test_publishing.py.)"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import icalendar
import pytest

from conftest import ENDED, FEED_LENGTH, FIXTURE_URL, ONE_LANGUAGE, run_build, write_post as write_article
from conftest import post_front
from html_page import read
from plansite.load.articles import load_articles
from plansite.load.sitedata import load_site_data
from plansite.new_article import create_article, main as new_article_main
from plansite.render.calendar import calendar_ics
from plansite.validate.problems import SourceError

POSTS = "tin-tuc/posts"
CAMPAIGN = "tuan-le-asean-2027"  # the ended fixture site's campaign with events


def front(slug: str = "bai-thu", date: str = "2021-08-01", **extra: str) -> str:
    return post_front(slug, date, **extra)


def article_problems(project: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_articles(project, load_site_data(project))
    return [str(p) for p in caught.value.problems]


# ---- feeds


@pytest.mark.parametrize("prefix,language", [("", "vi"), ("en/", "en")])
def test_a_feed_names_its_articles_authors_and_categories(running_site, prefix, language):
    """The running fixture site's three articles, each with its author and its group as category."""
    titles = {"vi": {"Tổng kết Kế hoạch chuyển đổi số 2021 - 2025", "Tỉnh ban hành Kế hoạch chuyển đổi số giai đoạn 2026 - 2030",
                     "Làm thủ tục trực tuyến toàn trình: bắt đầu từ đâu?"},
              "en": {"The 2021 to 2025 digital transformation plan closes",
                     "Province issues its digital transformation plan for 2026 to 2030", "Fully online procedures: where to start?"}}
    feed = feedparser.parse((running_site / prefix / "feed_rss_created.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert {entry.title for entry in feed.entries} == titles[language]
    issued = next(e for e in feed.entries if e.link.endswith("/tinh-ban-hanh-ke-hoach-chuyen-doi-so/"))
    assert issued.author == {"vi": "Ban biên tập trang", "en": "Site editors"}[language]
    assert issued.published_parsed[:3] == (2026, 2, 12)
    assert [tag.term for tag in issued.tags] == [{"vi": "Hạ tầng số", "en": "Digital infrastructure"}[language]]


@pytest.mark.parametrize("prefix,language", [("", "vi"), ("en/", "en")])
def test_a_feed_holds_its_languages_newest_articles_up_to_its_length(ended_site, prefix, language):
    other = {"vi": "en", "en": "vi"}[language]
    for name in ("feed_rss_created.xml", "feed_rss_updated.xml"):
        feed = feedparser.parse((ended_site / prefix / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == FEED_LENGTH  # the ended fixture site has more articles than that
        slugs = [entry.link.rstrip("/").rsplit("/", 1)[1] for entry in feed.entries]
        # The one-language article reaches its own language's feed, never the other's.
        assert ONE_LANGUAGE[language] in slugs and ONE_LANGUAGE[other] not in slugs
        assert all(entry.link.startswith(FIXTURE_URL + prefix + "tin-tuc/") for entry in feed.entries)
        dates = [entry.published_parsed for entry in feed.entries]
        assert dates == sorted(dates, reverse=True)
        # The oldest articles are the ones left out: the first fixture posts and the 2021 article.
        assert "bai-so-1" not in slugs and "tinh-ban-hanh-ke-hoach-asean-2025" not in slugs
        assert "ke-hoach-nam-2027" not in slugs and "nhap-ngay-hoi" not in slugs


# ---- publishing rules

def test_future_dated_and_draft_articles_stay_out_of_the_build(ended_site):
    for prefix in ("", "en/"):
        assert (ended_site / prefix / "tin-tuc/bai-so-1/index.html").is_file()
        # Dated 15 January 2027, after the day the site is built as of; and a draft.
        assert not (ended_site / prefix / "tin-tuc/ke-hoach-nam-2027").exists()
        assert not (ended_site / prefix / "tin-tuc/nhap-ngay-hoi").exists()
        listed = [href for page in (ended_site / prefix / "tin-tuc").glob("**/index.html") for href in read(page).links]
        assert [href for href in listed if "bai-so-1/" in href]
        assert not [href for href in listed if "ke-hoach-nam-2027" in href or "nhap-ngay-hoi" in href]


@pytest.mark.parametrize("language,other,note", [("vi", "en", "Bài này chỉ có bằng tiếng Việt."),
                                                 ("en", "vi", "This article is available in English only.")])
def test_one_language_article_switches_to_the_other_news_index(ended_site, language, other, note):
    prefix, other_prefix = ("", "en/") if language == "vi" else ("en/", "")
    path = ended_site / prefix / "tin-tuc" / ONE_LANGUAGE[language] / "index.html"
    page = read(path)
    assert page.resolve(page.switcher[other], ended_site)[0] == ended_site / other_prefix / "tin-tuc/index.html"
    assert set(page.hreflang) == {language, "x-default"}  # no translation to announce
    assert note in page.text
    assert not (ended_site / other_prefix / "tin-tuc" / ONE_LANGUAGE[language]).exists()


# ---- validation: each problem at its file and line

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


# ---- starting an article

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


# ---- campaigns and calendars

def test_calendar_machinery_on_fixture_events():
    [campaign] = [c for c in load_site_data(ENDED.content).campaigns if c.id == CAMPAIGN]
    stamp = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)
    url = f"https://example.org/en/chien-dich/{CAMPAIGN}/"
    ics = calendar_ics([campaign], "en", "Site", {CAMPAIGN: url}, stamp)
    events = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    assert set(events) == {"ASEAN Community fair", "Talk on the ASEAN Socio-Cultural Community"}
    fair, talk = events["ASEAN Community fair"], events["Talk on the ASEAN Socio-Cultural Community"]
    assert fair.decoded("DTSTART") == dt.date(2027, 3, 20) and fair.decoded("DTEND") == dt.date(2027, 3, 22)
    assert talk.decoded("DTSTART") == dt.datetime(2027, 4, 5, 8, 30) and "DTEND" not in talk
    assert str(fair["UID"]) == f"{CAMPAIGN}.ngay-hoi@example.org" and str(fair["URL"]) == url
    assert str(fair["LOCATION"]) == "Provincial community hall"


@pytest.mark.parametrize("prefix,titles,days", [
    ("", ["Ngày hội Cộng đồng ASEAN", "Tọa đàm về Cộng đồng Văn hóa - Xã hội ASEAN"], ["20/3/2027", "5/4/2027"]),
    ("en/", ["ASEAN Community fair", "Talk on the ASEAN Socio-Cultural Community"], ["20 March 2027", "5 April 2027"])])
def test_campaign_events_appear_on_the_page_and_in_each_calendar(ended_site, prefix, titles, days):
    page = read(ended_site / prefix / f"chien-dich/{CAMPAIGN}/index.html")
    assert all(title in page.text for title in titles) and all(day in page.text for day in days)
    calendar = icalendar.Calendar.from_ical((ended_site / prefix / "chien-dich/su-kien.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == titles
    assert {str(e["URL"]) for e in calendar.walk("VEVENT")} == {
        f"{FIXTURE_URL}{prefix}chien-dich/{CAMPAIGN}/"}


def test_campaign_reference_problems(project):
    path = project / "data/campaigns.yml"
    text = path.read_text(encoding="utf-8").replace("    groups: [tuyen-truyen-giao-duc]\n", "    groups: [khong-co]\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "groups: [khong-co]" in row)
    with pytest.raises(SourceError) as caught:
        load_site_data(project)
    [message] = map(str, caught.value.problems)
    assert message.startswith(f"data/campaigns.yml:{line}:14: campaigns[0].groups[0]: ") and 'unknown group "khong-co"' in message
