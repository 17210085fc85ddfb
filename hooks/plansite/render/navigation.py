"""The menu entries that stand for generated pages (see data/site.yml: `plan`, `tracker`, `campaigns`)."""
from __future__ import annotations

from plansite.render.campaigns import campaign_navigation
from plansite.render.catalogue import text
from plansite.model import Language
from plansite.render.paths import AGENCIES, OPEN_DATA, PlanPaths, agency_path
from plansite.load.sitedata import CAMPAIGN_PAGES, PLAN_PAGES, TRACKER_PAGES, SiteData
from plansite.render.agency_refs import has_own_page

# A section title -> its pages; section titles are plain text (the hook escapes them for the theme).
Entry = str | dict[str, list]


def per_plan(data: SiteData, language: Language, pages) -> list[Entry]:
    """One plan: its pages as they are; several: a section per plan, named by its short title."""
    if len(data.plans) == 1:
        return list(pages(data.main))
    return [{s.plan.short_title(language): list(pages(s))} for s in data.scopes()]


def generated_navigation(data: SiteData, language: Language) -> dict[str, list[Entry]]:
    agencies = [AGENCIES, *(agency_path(a) for a in data.agencies if has_own_page(data, a))]
    return {
        PLAN_PAGES: per_plan(data, language, lambda s: PlanPaths(s.plan).plan_pages()),
        TRACKER_PAGES: [*per_plan(data, language, lambda s: PlanPaths(s.plan).tracker_pages()),
                        {text(language, "tracker.agencies"): agencies}, OPEN_DATA],
        CAMPAIGN_PAGES: campaign_navigation(data),
    }
