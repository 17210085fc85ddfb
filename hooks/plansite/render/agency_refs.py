"""Links to an agency: its own page when it has one, else its entry in the agency directory."""
from __future__ import annotations

from dataclasses import dataclass

from plansite.derive.progress import predecessors, reports_by, roles
from plansite.load.sitedata import PlanScope, SiteData
from plansite.model import Language
from plansite.render.paths import AGENCIES, agency_path


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
