"""Every kind of page the builds make, one example each, by path below a language's root.

The browser tests visit each in both languages. The site's own kinds are found in its content (SITE_ROOT),
so they follow whatever data/ and docs/ hold. The populated states and the plan shapes the site may not have
(reports, a campaign with events, long news listings, per-task leads, a successor agency, the least a site
can hold) are visited on the fixture sites (tests/conftest.py: SITES), each on one build only, so that browser
time stays what one visit a kind costs; a kind the site's content lacks is visited on a fixture site instead.
A new kind of page adds its example here."""
from __future__ import annotations

from dataclasses import dataclass

from plansite.index.search import SEARCH_PAGE
from plansite.render.campaigns import CAMPAIGNS, LIBRARY, material_path
from plansite.render.paths import campaign_path
from plansite.derive.site import plan_leaflet
from plansite.render.paths import AGENCIES, OPEN_DATA, agency_path, page_url
from plansite.derive.site import agencies_with_pages
from plansite.render.translations import REPORT_PAGE
from plansite.render.paths import UNKNOWNS
from site_content import SITE_DATA, article_url, category_url, example_group, folded, paths, published
from conftest import PAGINATED_CATEGORY, SITE_ROOT


@dataclass(frozen=True)
class PageType:
    kind: str
    path: str
    build: str = "site"       # the build it is visited on: the site's, or a fixture site's (conftest.SITES)
    standalone: bool = False  # a file of its own (the printable leaflet): no header, menu or skip link

    def __str__(self) -> str:
        return self.kind if self.build == "site" else f"{self.kind}@{self.build}"

    @property
    def server(self) -> str:
        """The fixture that serves its build."""
        return f"{self.build}_server"


def site_page_types() -> list[PageType]:
    """One page of each kind the site's content makes."""
    plan = paths()
    found = [PageType("home", ""), PageType("plan", page_url(plan.overview)),
             PageType("group", page_url(plan.group(example_group()))),
             PageType("funding", page_url(plan.funding)), PageType("organisation", page_url(plan.organisation))]
    # The hand-written pages at the top of docs/vi/ (the home page is above; news below).
    found += [PageType(f"page {path.stem}", page_url(path.name)) for path in sorted((SITE_ROOT / "docs/vi").glob("*.md"))
              if path.name != "index.md"]
    found += [PageType("tracker", page_url(plan.dashboard)), PageType("tasks", page_url(plan.tasks)),
              PageType("matrix", page_url(plan.matrix)), PageType("timeline", page_url(plan.timeline)),
              PageType("agencies", page_url(AGENCIES))]
    agency = next(iter(sorted(agencies_with_pages(SITE_DATA))), None)
    if agency:
        found.append(PageType("agency", page_url(agency_path(agency))))
    query = "+".join(folded(SITE_DATA.main.plan.short_title("vi")).split()[:2])
    found += [PageType("open-data", page_url(OPEN_DATA)), PageType("search-results", f"{page_url(SEARCH_PAGE)}?q={query}"),
              PageType("translation-status", page_url(REPORT_PAGE)), PageType("unknowns", page_url(UNKNOWNS))]
    articles = published("vi")
    if articles:
        newest = articles[0]
        found += [PageType("news-index", "tin-tuc/"), PageType("article", article_url(newest)),
                  PageType("news-category", category_url(newest.meta.categories[0])),
                  PageType("news-archive", f"tin-tuc/luu-tru/{newest.meta.date.year}/")]
    if SITE_DATA.campaigns:
        found += [PageType("campaigns", page_url(CAMPAIGNS)), PageType("campaign", page_url(campaign_path(SITE_DATA.campaigns[0])))]
    # Every plan has its leaflet, in the library, campaign or none.
    found += [PageType("materials-library", page_url(LIBRARY)),
              PageType("leaflet", material_path(plan_leaflet(SITE_DATA.main), "vi"), standalone=True)]
    return [*found, PageType("not-found", "khong-co-trang-nay/")]


# The states and shapes the fixture sites hold, each on the one build that has it.
FIXTURE_PAGE_TYPES: list[PageType] = [
    PageType("dashboard-with-reports", "theo-doi/", "running"),
    PageType("group-with-task-leads", "ke-hoach/dich-vu-cong-truc-tuyen/", "running"),
    PageType("successor-agency", "theo-doi/co-quan/so-khcn/", "running"),
    PageType("report-history", "theo-doi/nhiem-vu/", "ended"),
    PageType("agency-with-reports", "theo-doi/co-quan/mttq-tinh/", "ended"),
    PageType("campaign-with-events", "chien-dich/tuan-le-asean-2027/", "ended"),
    PageType("paginated-listing", "tin-tuc/trang/2/", "ended"),
    PageType("paginated-category", f"tin-tuc/chu-de/{PAGINATED_CATEGORY}/trang/2/", "ended"),
    PageType("home", "", "minimal"),
]
# Where a kind the site's content may lack (no news, no campaign, no leaflet yet) is visited when it does.
STAND_INS: list[PageType] = [
    PageType("news-index", "tin-tuc/", "ended"),
    PageType("article", "tin-tuc/tinh-ban-hanh-ke-hoach-asean-2025/", "ended"),
    PageType("news-category", "tin-tuc/chu-de/vien-tro-phi-chinh-phu/", "ended"),
    PageType("news-archive", "tin-tuc/luu-tru/2021/", "ended"),
    PageType("campaigns", "chien-dich/", "running"),
    PageType("campaign", "chien-dich/thang-chuyen-doi-so-2027/", "running"),
    PageType("materials-library", "tai-lieu/", "running"),
    PageType("leaflet", "tai-lieu/to-roi-chuyen-doi-so.html", "running", standalone=True),
]
SITE_PAGE_TYPES = site_page_types()
PAGE_TYPES = SITE_PAGE_TYPES + FIXTURE_PAGE_TYPES + [
    stand_in for stand_in in STAND_INS if stand_in.kind not in {t.kind for t in SITE_PAGE_TYPES}]
BY_KIND = {page_type.kind: page_type for page_type in SITE_PAGE_TYPES}
LANGUAGES = {"vi": "", "en": "en/"}
