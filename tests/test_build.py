"""The whole bilingual site, built as `make build` builds it, checked file by file."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from plansite.load.sitedata import load_site_data

DATA = load_site_data(ROOT)
GROUP_PAGES = [f"ke-hoach/{g.id}/index.html" for g in DATA.main.plan.groups]
PUBLISHING_PAGES = ["tin-tuc/index.html", "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/index.html",
                    "tin-tuc/chu-de/tuyen-truyen-giao-duc/index.html", "chien-dich/index.html",
                    "chien-dich/tuyen-truyen-cong-dong-van-hoa-xa-hoi-asean/index.html", "tai-lieu/index.html"]
PAGES = ["index.html", "ke-hoach/index.html", "ke-hoach/kinh-phi/index.html", "ke-hoach/to-chuc-thuc-hien/index.html",
         "cong-dong-van-hoa-xa-hoi-asean/index.html", "huong-dan/index.html", "tim-kiem/index.html", *GROUP_PAGES,
         "theo-doi/index.html", "theo-doi/nhiem-vu/index.html", "theo-doi/trach-nhiem/index.html",
         "theo-doi/moc-thoi-gian/index.html", "theo-doi/co-quan/index.html", "theo-doi/du-lieu-mo/index.html",
         "huong-dan-bao-cao/index.html", *(f"theo-doi/co-quan/{a}/index.html" for a in DATA.agencies),
         *PUBLISHING_PAGES]


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, path: Path):
        super().__init__()
        self.lang = None
        self.hreflang: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.urls: list[str] = []
        self.meta: dict[str, list[str]] = {}   # Open Graph and Twitter tags by property or name
        self.feeds: list[dict] = []
        self.listed: list[str] = []  # on a news listing: each excerpt's "continue reading" address
        self.text = ""
        self.h1 = ""
        self._in_body = False
        self._in_h1 = False
        self._in_excerpt_action = False
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and "alternate" in (a.get("rel") or "").split() and "hreflang" in a:
            self.hreflang[a["hreflang"]] = a["href"]
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a.get("name"), []).append(a.get("content"))
        if tag == "link" and a.get("type") == "application/rss+xml":
            self.feeds.append(a)
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
        # What the page loads or submits to; links (<a href>) are navigations, which a reader chooses.
        for key in ("src", "href", "action"):
            if a.get(key) and tag != "a":
                self.urls.append(a[key])
        if tag == "body":
            self._in_body = True
        if tag == "h1":
            self._in_h1 = True
        if tag == "nav" and "md-post__action" in (a.get("class") or ""):
            self._in_excerpt_action = True
        if tag == "a" and self._in_excerpt_action:
            self.listed.append(a["href"])
            self._in_excerpt_action = False

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_body:
            self.text += data
        if self._in_h1:
            self.h1 += data


@pytest.mark.parametrize("language,prefix", [("vi", ""), ("en", "en/")])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_exists_in_both_languages_with_its_lang(site, path, language, prefix):
    page = Page(site / prefix / path)
    assert page.lang == language


@pytest.mark.parametrize("path", PAGES)
def test_switcher_and_hreflang_pair_each_page_with_its_translation(site, path):
    url = path.removesuffix("index.html")
    vi, en = Page(site / path), Page(site / "en" / path)
    base = "http://127.0.0.1:8000/"
    if path != "tim-kiem/index.html":
        assert vi.hreflang == {"vi": base + url, "x-default": base + url, "en": base + "en/" + url}
        assert en.hreflang == vi.hreflang
    # The switcher's relative links resolve to the same page in the other language.
    depth = url.count("/")
    assert vi.switcher["en"] == "../" * depth + "en/" + url
    assert en.switcher["vi"] == "../" * (depth + 1) + url
    assert vi.switcher["vi"] == en.switcher["en"] == "./"


def test_interface_and_dates_are_in_each_language(site):
    vi, en = Page(site / "ke-hoach/index.html"), Page(site / "en/ke-hoach/index.html")
    assert "22/7/2021" in vi.text and "Quyết định số 161/QĐ-TTg ngày 25/1/2016 của Thủ tướng Chính phủ" in vi.text
    assert "22 July 2021" in en.text and "Decision 161/QĐ-TTg of 25 January 2016 by the Prime Minister" in en.text
    assert "Mục lục" in vi.text and "Table of contents" in en.text  # Material's own labels


def test_generated_pages_carry_the_data(site):
    for group in DATA.main.plan.groups:
        for language, prefix in (("vi", ""), ("en", "en/")):
            text = Page(site / prefix / f"ke-hoach/{group.id}/index.html").text
            assert group.title(language) in text and group.summary(language) in text
    funding = Page(site / "en/ke-hoach/kinh-phi/index.html").text
    assert all(source("en") in funding for source in DATA.main.plan.funding)
    organisation = Page(site / "ke-hoach/to-chuc-thuc-hien/index.html").text
    assert "Sở Lao động - Thương binh và Xã hội" in organisation and "Bộ Lao động - Thương binh và Xã hội" in organisation


def test_progress_is_honestly_unknown(site):
    for group in DATA.main.plan.groups:
        assert "Chưa có báo cáo" in Page(site / f"ke-hoach/{group.id}/index.html").text
        assert "No report yet" in Page(site / f"en/ke-hoach/{group.id}/index.html").text


def test_home_page_shows_facts_and_a_card_per_group(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "{{" not in home
    assert home.count('class="grid cards"') == 1
    for group in DATA.main.plan.groups:
        assert f'href="ke-hoach/{group.id}/"' in home
    assert "Ngày 22/7/2021, Ủy ban nhân dân tỉnh ban hành" in Page(site / "index.html").text


def test_heading_anchors_are_ascii(site):
    html = (site / "ke-hoach/cong-dong-gan-ket/index.html").read_text(encoding="utf-8")
    assert 'id="tien-do"' in html and 'id="nhiem-vu-cu-the"' in html


def test_footer_names_the_issuing_body_and_source(site):
    assert "Kế hoạch do Ủy ban nhân dân tỉnh ban hành ngày 22/7/2021" in Page(site / "huong-dan/index.html").text
    assert "Issued by the Provincial People's Committee on 22 July 2021" in Page(site / "en/huong-dan/index.html").text


def test_each_language_has_its_own_sitemap_and_404(site):
    assert "http://127.0.0.1:8000/ke-hoach/" in (site / "sitemap-vi.xml").read_text()
    english = (site / "en/sitemap.xml").read_text()
    assert "http://127.0.0.1:8000/en/ke-hoach/" in english and "<loc>http://127.0.0.1:8000/ke-hoach/" not in english
    assert "Không tìm thấy trang" in Page(site / "404.html").text
    assert "Page not found" in Page(site / "en/404.html").text
    assert Page(site / "en/404.html").switcher["vi"] == "/"  # absolute: a 404 is served at any address


def test_one_search_index_per_language_and_no_lunr(site):
    entry = (site / "pagefind/pagefind-entry.json").read_text()
    assert '"vi"' in entry and '"en"' in entry
    assert not (site / "search/search_index.json").exists()
    assert "data-pagefind-body" in (site / "ke-hoach/index.html").read_text()
    assert "data-pagefind-body" not in (site / "tim-kiem/index.html").read_text()


def test_no_page_loads_anything_from_another_host(site):
    for html in site.rglob("*.html"):
        page = Page(html)
        external = [u for u in page.urls if re.match(r"^(https?:)?//", u) and not u.startswith("http://127.0.0.1:8000/")]
        assert not external, f"{html}: {external}"


def test_edit_and_report_links_follow_the_repository_setting(project, tmp_path):
    site_yml = project / "data/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace('  url: ""', "  url: https://git.example.org/province/asean-plan"))
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    group = (tmp_path / "out/en/ke-hoach/xa-hoi-hoc-tap/index.html").read_text(encoding="utf-8")
    assert 'href="https://git.example.org/province/asean-plan/edit/main/data/plans/ascc-2025.yml"' in group
    page = (tmp_path / "out/huong-dan/index.html").read_text(encoding="utf-8")
    assert 'href="https://git.example.org/province/asean-plan/edit/main/docs/vi/huong-dan.md"' in page
    assert "https://git.example.org/province/asean-plan/issues/new?title=G%C3%B3p+%C3%BD+trang" in page


def test_published_site_shows_no_edit_links_while_no_repository_is_set(site):
    assert DATA.site.repository.url == ""
    assert "md-content__button" not in (site / "huong-dan/index.html").read_text()


def test_last_updated_date_comes_from_the_git_history_of_the_source(site):
    from plansite.render.languages import date_text
    from plansite.load.page_sources import last_changes

    changes = last_changes(ROOT)
    assert changes, "the tests run in a git checkout"
    page_date = changes["docs/en/huong-dan.md"]
    data_date = changes["data/plans/ascc-2025.yml"]
    assert date_text(page_date, "en") in Page(site / "en/huong-dan/index.html").text
    assert date_text(data_date, "vi") in Page(site / "ke-hoach/cong-dong-ben-vung/index.html").text


def test_words_with_d_bar_are_indexed_folded_too(site):
    # "so lao dong" must find "Sở Lao động": Pagefind folds tones but not "đ".
    html = (site / "ke-hoach/to-chuc-thuc-hien/index.html").read_text(encoding="utf-8")
    hidden = re.search(r'<p hidden data-pagefind-weight="0.5">([^<]*)</p>', html)
    assert hidden and "dong" in hidden.group(1).split() and "đ" not in hidden.group(1)


def test_heading_permalinks_are_titled_in_the_page_language(site):
    assert 'title="Liên kết đến mục này">&para;' in (site / "ke-hoach/index.html").read_text(encoding="utf-8")
    assert 'title="Link to this section">&para;' in (site / "en/ke-hoach/index.html").read_text(encoding="utf-8")
