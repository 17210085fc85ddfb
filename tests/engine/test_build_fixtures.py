"""The fixture sites' builds: every page paired with its translation and every link resolving, in every shape;
and on the ended fixture site, what the engine writes from its data: dates and the interface in each language,
the home page's facts and cards, ASCII anchors, the footer, the edit and report links."""
from __future__ import annotations

import pytest

from conftest import ENDED, FIXTURE_REPOSITORY, FIXTURE_URL, LOCAL_URL, ONE_LANGUAGE, SITES
from html_page import read
from page_types import FIXTURE_PAGE_TYPES, STAND_INS
from plansite.load.sitedata import load_site_data
from site_checks import broken_links, language_pair_problems

DATA = load_site_data(ENDED.content)


@pytest.mark.parametrize("shape", SITES.values(), ids=str)
def test_every_page_is_paired_with_its_translation(request, shape):
    """Paginated listings, every article, one-language articles and 404s; with SITE_URL set where the fixture
    site stands for a published one."""
    site = request.getfixturevalue(f"{shape.name}_site")
    one_language = {f"tin-tuc/{ONE_LANGUAGE['vi']}/index.html", f"en/tin-tuc/{ONE_LANGUAGE['en']}/index.html"}
    if shape is ENDED:
        pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
        assert one_language <= pages and "tin-tuc/trang/3/index.html" in pages
    assert language_pair_problems(site, shape.site_url or LOCAL_URL, one_language if shape is ENDED else set()) == []


@pytest.mark.parametrize("shape", SITES.values(), ids=str)
def test_every_link_and_its_fragment_resolve(request, shape):
    broken, checked = broken_links(request.getfixturevalue(f"{shape.name}_site"))
    assert checked > 100 and broken == []


def test_interface_and_dates_are_in_each_language(ended_site):
    vi, en = read(ended_site / "ke-hoach/index.html"), read(ended_site / "en/ke-hoach/index.html")
    assert "22/7/2021" in vi.text and "Quyết định số 161/QĐ-TTg ngày 25/1/2016 của Thủ tướng Chính phủ" in vi.text
    assert "22 July 2021" in en.text and "Decision 161/QĐ-TTg of 25 January 2016 by the Prime Minister" in en.text
    assert "Mục lục" in vi.text and "Table of contents" in en.text  # Material's own labels


def test_home_page_shows_facts_and_a_card_per_group(ended_site):
    home = read(ended_site / "index.html")
    assert "{{" not in home.text
    [cards] = home.select(".grid.cards")
    assert [a["href"] for a in cards.select("a[href]") if a["href"].startswith("ke-hoach/")] == [
        f"ke-hoach/{group.id}/" for group in DATA.main.plan.groups]
    assert "Đây là kế hoạch do Ủy ban nhân dân tỉnh ban hành ngày 22/7/2021." in home.text


def test_heading_anchors_are_ascii(ended_site):
    assert {"nhom-nay-nghia-la-gi", "tin-tuc-ve-nhom-nay"} <= read(ended_site / "ke-hoach/cong-dong-gan-ket/index.html").ids


def test_footer_names_the_issuing_body_and_source(ended_site):
    assert "Kế hoạch do Ủy ban nhân dân tỉnh ban hành ngày 22/7/2021" in read(ended_site / "huong-dan/index.html").text
    assert "Issued by the Provincial People's Committee on 22 July 2021" in read(ended_site / "en/huong-dan/index.html").text


def test_edit_and_report_links_follow_the_repository_setting(ended_site):
    group = read(ended_site / "en/ke-hoach/xa-hoi-hoc-tap/index.html")
    assert f"{FIXTURE_REPOSITORY}/edit/main/data/plans/ascc-2025.yml" in group.links
    page = read(ended_site / "huong-dan/index.html")
    assert f"{FIXTURE_REPOSITORY}/edit/main/docs/vi/huong-dan.md" in page.links
    assert [link for link in page.links if link.startswith(f"{FIXTURE_REPOSITORY}/issues/new?title=G%C3%B3p+%C3%BD+trang")]


def test_canonical_addresses_name_the_public_site(ended_site):
    assert read(ended_site / "en/ke-hoach/index.html").canonical == FIXTURE_URL + "en/ke-hoach/"


@pytest.mark.parametrize("page_type", [*FIXTURE_PAGE_TYPES, *STAND_INS], ids=str)
def test_every_fixture_page_type_is_built(request, page_type):
    """The pages the browser checks visit on the fixture sites (tests/page_types.py) exist in both languages."""
    site = request.getfixturevalue(f"{page_type.build}_site")
    for prefix in ("", "en/"):
        built = site / prefix / page_type.path
        assert (built if page_type.standalone else built / "index.html").is_file(), built
