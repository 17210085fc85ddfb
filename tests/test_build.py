"""The whole bilingual site, built as `make build` builds it, checked file by file."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import pytest

from conftest import ONE_LANGUAGE, POPULATED_URL, ROOT, run_build
from html_page import read
from plansite.load.sitedata import load_site_data
from plansite.render.agency_refs import has_own_page

DATA = load_site_data(ROOT)
GROUP_PAGES = [f"ke-hoach/{g.id}/index.html" for g in DATA.main.plan.groups]
PUBLISHING_PAGES = ["tin-tuc/index.html", "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/index.html",
                    "tin-tuc/chu-de/tuyen-truyen-giao-duc/index.html", "tai-lieu/index.html"]
PAGES = ["index.html", "ke-hoach/index.html", "ke-hoach/kinh-phi/index.html", "ke-hoach/to-chuc-thuc-hien/index.html",
         "cong-dong-van-hoa-xa-hoi-asean/index.html", "huong-dan/index.html", "tim-kiem/index.html", *GROUP_PAGES,
         "theo-doi/index.html", "theo-doi/nhiem-vu/index.html", "theo-doi/trach-nhiem/index.html",
         "theo-doi/moc-thoi-gian/index.html", "theo-doi/co-quan/index.html", "theo-doi/du-lieu-mo/index.html",
         "huong-dan-bao-cao/index.html", "danh-cho-can-bo/index.html", "thong-tin-chua-co/index.html",
         *(f"theo-doi/co-quan/{a}/index.html" for a in DATA.agencies if has_own_page(DATA, a)),
         *PUBLISHING_PAGES]



@pytest.mark.parametrize("language,prefix", [("vi", ""), ("en", "en/")])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_exists_in_both_languages_with_its_lang(site, path, language, prefix):
    page = read(site / prefix / path)
    assert page.lang == language


@pytest.mark.parametrize("path", PAGES)
def test_switcher_and_hreflang_pair_each_page_with_its_translation(site, path):
    url = path.removesuffix("index.html")
    vi, en = read(site / path), read(site / "en" / path)
    base = "http://127.0.0.1:8000/"
    assert vi.hreflang == {"vi": base + url, "x-default": base + url, "en": base + "en/" + url}
    assert en.hreflang == vi.hreflang
    assert (vi.canonical, en.canonical) == (base + url, base + "en/" + url)
    # The switcher's relative links resolve to the same page in the other language.
    depth = url.count("/")
    assert vi.switcher["en"] == "../" * depth + "en/" + url
    assert en.switcher["vi"] == "../" * (depth + 1) + url
    assert vi.switcher["vi"] == en.switcher["en"] == "./"


def counterpart(relative: str) -> str:
    """The same page in the other language: 'ke-hoach/index.html' <-> 'en/ke-hoach/index.html'."""
    return relative.removeprefix("en/") if relative.startswith("en/") else "en/" + relative


def test_every_built_page_with_a_site_url_has_its_canonical_hreflang_and_switcher(populated_site):
    """Every page of the populated build (paginated listings, every article, one-language articles, 404s),
    with SITE_URL set: the canonical address is its own, hreflang names its translations, the switcher opens them."""
    pages = sorted(p.relative_to(populated_site).as_posix() for p in populated_site.rglob("*.html"))
    one_language = {f"tin-tuc/{ONE_LANGUAGE['vi']}/index.html", f"en/tin-tuc/{ONE_LANGUAGE['en']}/index.html"}
    assert one_language <= set(pages) and "tin-tuc/trang/3/index.html" in pages
    assert not (set(pages) & {counterpart(p) for p in one_language})
    for relative in pages:
        page, language = read(populated_site / relative), "en" if relative.startswith("en/") else "vi"
        other = {"vi": "en", "en": "vi"}[language]
        if "tai-lieu/to-roi-" in relative:  # a standalone leaflet: a download, not a site page
            assert (page.hreflang, page.canonical, page.switcher) == ({}, None, {}), relative
            continue
        if relative == "admin/index.html":  # the CMS (plansite.cms): not a site page, never indexed
            assert (page.hreflang, page.canonical) == ({}, None), relative
            continue
        if relative.endswith("404.html"):  # served at any address: absolute links, no canonical address
            assert (page.hreflang, page.canonical) == ({}, None), relative
            assert page.switcher == {"vi": "/404.html", "en": "/en/"} if language == "vi" else {"vi": "/", "en": "/en/404.html"}
            continue
        own = POPULATED_URL + relative.removesuffix("index.html")
        assert page.canonical == own, relative
        assert page.switcher[language] == "./", relative
        if relative in one_language:
            assert page.hreflang == {language: own, "x-default": own}, relative
            expected = populated_site / ("" if other == "vi" else "en/") / "tin-tuc/index.html"
        else:
            translation = POPULATED_URL + counterpart(relative).removesuffix("index.html")
            vi, en = (own, translation) if language == "vi" else (translation, own)
            assert page.hreflang == {"vi": vi, "en": en, "x-default": vi}, relative
            expected = populated_site / counterpart(relative)
        assert page.resolve(page.switcher[other], populated_site)[0] == expected, relative


def test_interface_and_dates_are_in_each_language(site):
    vi, en = read(site / "ke-hoach/index.html"), read(site / "en/ke-hoach/index.html")
    assert "22/7/2021" in vi.text and "Quyết định số 161/QĐ-TTg ngày 25/1/2016 của Thủ tướng Chính phủ" in vi.text
    assert "22 July 2021" in en.text and "Decision 161/QĐ-TTg of 25 January 2016 by the Prime Minister" in en.text
    assert "Mục lục" in vi.text and "Table of contents" in en.text  # Material's own labels


def test_generated_pages_carry_the_data(site):
    for group in DATA.main.plan.groups:
        for language, prefix in (("vi", ""), ("en", "en/")):
            text = read(site / prefix / f"ke-hoach/{group.id}/index.html").text
            # The page opens with what the group means; its one-line summary is the card's and the description's.
            assert group.title(language) in text and group.in_daily_life(language) in " ".join(text.split())
    funding = read(site / "en/ke-hoach/kinh-phi/index.html").text
    assert all(source("en") in funding for source in DATA.main.plan.funding)
    organisation = read(site / "ke-hoach/to-chuc-thuc-hien/index.html").text
    assert "Sở Lao động - Thương binh và Xã hội" in organisation and "Bộ Lao động - Thương binh và Xã hội" in organisation


def test_progress_is_honestly_unknown(site):
    for group in DATA.main.plan.groups:
        assert "Chưa có báo cáo công khai" in read(site / f"ke-hoach/{group.id}/index.html").text
        assert "No published report" in read(site / f"en/ke-hoach/{group.id}/index.html").text


def test_home_page_shows_facts_and_a_card_per_group(site):
    home = read(site / "index.html")
    assert "{{" not in home.text
    [cards] = home.select(".home-cards .home-list--groups")
    assert [a["href"] for a in cards.select("a[href]")] == [f"ke-hoach/{group.id}/" for group in DATA.main.plan.groups]
    assert home.soup.select_one(".home-hero h1").get_text().rstrip("¶") == DATA.main.plan.short_title("vi")


def test_heading_anchors_are_ascii(site):
    assert {"nhom-nay-nghia-la-gi", "tin-tuc-ve-nhom-nay"} <= read(site / "ke-hoach/cong-dong-gan-ket/index.html").ids


def test_footer_names_the_issuing_body_and_source(site):
    assert "Kế hoạch do Ủy ban nhân dân tỉnh ban hành ngày 22/7/2021" in read(site / "huong-dan/index.html").text
    assert "Issued by the Provincial People's Committee on 22 July 2021" in read(site / "en/huong-dan/index.html").text


def test_each_language_has_its_own_sitemap_and_404(site):
    assert "http://127.0.0.1:8000/ke-hoach/" in (site / "sitemap-vi.xml").read_text()
    english = (site / "en/sitemap.xml").read_text()
    assert "http://127.0.0.1:8000/en/ke-hoach/" in english and "<loc>http://127.0.0.1:8000/ke-hoach/" not in english
    assert "Không tìm thấy trang" in read(site / "404.html").text
    assert "Page not found" in read(site / "en/404.html").text
    assert read(site / "en/404.html").switcher["vi"] == "/"  # absolute: a 404 is served at any address


def test_one_search_index_per_language_and_no_lunr(site):
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "vi"]
    for language, index in entry["languages"].items():
        assert (site / "pagefind" / f"pagefind.{index['hash']}.pf_meta").is_file(), language
        assert index["page_count"] >= len(PAGES), language
    assert not (site / "search/search_index.json").exists()
    assert read(site / "ke-hoach/index.html").select("[data-pagefind-body]")
    assert not read(site / "tim-kiem/index.html").select("[data-pagefind-body]")


def test_no_page_loads_anything_from_another_host(site):
    for html in site.rglob("*.html"):
        page = read(html)
        external = [u for u in page.urls if re.match(r"^(https?:)?//", u) and not u.startswith("http://127.0.0.1:8000/")]
        assert not external, f"{html}: {external}"


def test_edit_and_report_links_follow_the_repository_setting(populated_site):
    repository = "https://git.example.org/province/asean-plan"
    group = read(populated_site / "en/ke-hoach/xa-hoi-hoc-tap/index.html")
    assert f"{repository}/edit/main/data/plans/ascc-2025.yml" in group.links
    page = read(populated_site / "huong-dan/index.html")
    assert f"{repository}/edit/main/docs/vi/huong-dan.md" in page.links
    assert [link for link in page.links if link.startswith(f"{repository}/issues/new?title=G%C3%B3p+%C3%BD+trang")]


def test_published_site_shows_no_edit_links_while_no_repository_is_set(site):
    assert DATA.site.repository.url == ""
    assert not read(site / "huong-dan/index.html").select(".md-content__button")


def last_commit_day(path: str) -> dt.date:
    return dt.date.fromisoformat(subprocess.run(["git", "log", "-1", "--no-merges", "--format=%cs", "--", path], cwd=ROOT,
                                                capture_output=True, text=True, check=True).stdout.strip())


def test_last_updated_date_comes_from_the_git_history_of_the_source(site):
    page_day, data_day = last_commit_day("docs/en/huong-dan.md"), last_commit_day("data/plans/ascc-2025.yml")
    [english] = read(site / "en/huong-dan/index.html").select(".md-source-file")
    assert " ".join(english.get_text().split()).endswith(f"{page_day.day} {page_day:%B %Y}")
    [vietnamese] = read(site / "ke-hoach/cong-dong-ben-vung/index.html").select(".md-source-file")
    assert " ".join(vietnamese.get_text().split()).endswith(f"{data_day.day}/{data_day.month}/{data_day.year}")


def test_words_with_d_bar_are_indexed_folded_too(site):
    # "so lao dong" must find "Sở Lao động": Pagefind folds tones but not "đ".
    [hidden] = read(site / "ke-hoach/to-chuc-thuc-hien/index.html").select('p[hidden][data-pagefind-weight="0.5"]')
    words = hidden.get_text().split()
    assert "dong" in words and not [word for word in words if "đ" in word]


def test_heading_permalinks_are_titled_in_the_page_language(site):
    for prefix, title in (("", "Liên kết đến mục này"), ("en/", "Link to this section")):
        permalinks = read(site / prefix / "ke-hoach/index.html").select("a.headerlink")
        assert permalinks and {(a["title"], a.get_text()) for a in permalinks} == {(title, "¶")}
