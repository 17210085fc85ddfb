"""Links to an agency: its own page when it has one, else its entry in the agency directory."""
from __future__ import annotations

from dataclasses import dataclass

from plansite.derive.progress import predecessors, reports_by, roles
from plansite.derive.views import today_holder
from plansite.load.sitedata import PlanScope, SiteData
from plansite.model import Agency, Language
from plansite.render.paths import AGENCIES, agency_path
from plansite.render.unknowns import agency_anchor, unknown_target


@dataclass(frozen=True)
class AgencyRef:
    name: str
    short_name: str
    path: str       # its own page, or the directory
    fragment: str   # its entry in the directory; empty when it has a page of its own


def has_own_page(data: SiteData | PlanScope, agency_id: str) -> bool:
    """An agency has a page of its own when it has more to show than its directory entry: tasks it leads, or
    reports it (or a body it took over) filed. Every other agency is one entry in the directory, so that no
    page says only "not known"."""
    site = data.data if isinstance(data, PlanScope) else data
    senders = [agency_id, *predecessors(site, agency_id)]
    return any(roles(scope, agency_id)[0] or reports_by(scope, senders) for scope in site.scopes())


def agency_ref(data: SiteData | PlanScope, agency_id: str, language: Language) -> AgencyRef:
    agency = data.agencies[agency_id]
    if has_own_page(data, agency_id):
        return AgencyRef(agency.name(language), agency.short_name(language), agency_path(agency_id), "")
    return AgencyRef(agency.name(language), agency.short_name(language), AGENCIES, agency_id)


@dataclass(frozen=True)
class HolderView:
    """What became of a body: who holds its duties since when (a link to it), or, while the site does not know,
    a link to that entry of the page of unknowns; and the source either way."""

    agency: Agency | None
    link: AgencyRef | None
    since: str
    source: str
    url: str
    unknown: str  # the page of unknowns' entry, while the body that took over is not recorded


def holder_view(data: SiteData | PlanScope, agency: Agency, language: Language) -> HolderView | None:
    holder = today_holder(data, agency, language)
    if holder is None:
        return None
    link = agency_ref(data, holder.agency.id, language) if holder.agency else None
    unknown = "" if holder.agency else unknown_target(agency_anchor(agency.id))
    return HolderView(holder.agency, link, holder.since, holder.source, holder.url, unknown)
