"""What the site does not have yet, said once: one page lists each unknown (a final report, a successor plan,
the body that took over a dissolved one's duties, a contact, the province's name today), worked out from the
data on the day of the build. Other pages link to its entry (`unknown_target`) instead of saying it again; an
entry goes as soon as the data holds the fact."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from plansite.derive.site_view import Unknown
from plansite.derive.views import (CONTACT, PROVINCE, agency_anchor, final_anchor, issuing_body, next_anchor, plan_state,
                                   today_holder)
from plansite.load.sitedata import SiteData
from plansite.model import Language
from plansite.render.catalogue import fill, text
from plansite.render.paths import UNKNOWNS


def unknown_target(anchor: str) -> str:
    """A link target (source path and fragment) to one entry of the page."""
    return f"{UNKNOWNS}#{anchor}"


def targets(found: list[Unknown]) -> Callable[[str], str]:
    """A link target to an entry of the page of unknowns, or "" when the site has that fact."""
    anchors = {u.anchor for u in found}
    return lambda anchor: unknown_target(anchor) if anchor in anchors else ""


def unknowns(data: SiteData, language: Language, today: dt.date) -> list[Unknown]:
    found: list[Unknown] = []
    several = len(data.plans) > 1
    for scope in data.scopes():
        # Once the period is over: its final report until one is recorded, what follows until a plan is named.
        kind = plan_state(scope, language, today).kind
        # With one plan, "the plan" is enough; with several, each heading names its plan.
        plan = scope.plan.short_title(language) if several else ""
        if kind == "ended":
            found.append(Unknown(final_anchor(scope.plan.id), heading(language, "final", plan), text(language, "unknowns.final")))
        if kind in ("ended", "closed"):
            found.append(Unknown(next_anchor(scope.plan.id), heading(language, "next", plan), text(language, "unknowns.next")))
    for agency in data.agencies.values():
        holder = today_holder(data, agency, language)
        if holder is not None and holder.agency is None:
            found.append(Unknown(agency_anchor(agency.id), agency.name(language),
                                 fill(language, "unknowns.agency", name=agency.name(language),
                                      short=agency.short_name(language), date=holder.since),
                                 holder.source, holder.url))
    if not data.site.contact(language):
        committee = issuing_body(data.main, language)
        found.append(Unknown(CONTACT, text(language, "unknowns.contact_heading"),
                             fill(language, "unknowns.contact", committee=committee)))
    province = province_unknown(data, language)
    if province:
        found.append(province)
    return found


def heading(language: Language, kind: str, plan: str) -> str:
    words = text(language, f"unknowns.{kind}_heading")
    return fill(language, "unknowns.of_plan", what=words, plan=plan) if plan else words


def province_unknown(data: SiteData, language: Language) -> Unknown | None:
    """The province's name when the source does not give it, and how the reorganisation of the provinces (when
    the data records one, with its source) changed it, while the site owner has not recorded that."""
    site, reorganisation = data.site, data.site.province_reorganisation
    named = site.province(language) or reorganisation.current_name(language)
    sentences = [] if named else [text(language, "unknowns.province_name")]
    source = reorganisation.source
    if source and not reorganisation.change(language):
        sentences.append(text(language, "unknowns.province_change"))
    if not sentences:
        return None
    return Unknown(PROVINCE, text(language, "unknowns.province_heading"), " ".join(sentences),
                   source.document(language) if source else "", source.url if source else "")
