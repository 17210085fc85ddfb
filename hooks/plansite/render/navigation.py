"""The menu entries that stand for generated pages (see data/site.yml: `plan`, `tracker`, `campaigns`)."""
from __future__ import annotations

from plansite.derive.site_view import SiteView
from plansite.model.site import CAMPAIGN_PAGES, PLAN_PAGES, TRACKER_PAGES
from plansite.render.campaigns import campaign_navigation
from plansite.render.catalogue import text
from plansite.render.paths import AGENCIES, OPEN_DATA

# A section title -> its pages; section titles are plain text (the hook escapes them for the theme).
Entry = str | dict[str, list]


def per_plan(site: SiteView, pages) -> list[Entry]:
    """One plan: its pages as they are; several: a section per plan, named by its short title."""
    if len(site.plans) == 1:
        return list(pages(site.plans[0]))
    return [{plan.name: list(pages(plan))} for plan in site.plans]


def generated_navigation(site: SiteView) -> dict[str, list[Entry]]:
    agencies = [AGENCIES, *(a.ref.path for a in site.agencies.values() if a.has_page)]
    return {
        PLAN_PAGES: per_plan(site, lambda plan: plan.paths.plan_pages()),
        TRACKER_PAGES: [*per_plan(site, lambda plan: plan.paths.tracker_pages()),
                        {text(site.language, "tracker.agencies"): agencies}, OPEN_DATA],
        CAMPAIGN_PAGES: campaign_navigation(site),
    }
