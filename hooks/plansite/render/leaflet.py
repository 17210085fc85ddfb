"""A printable one-page leaflet of a plan, in one language, from templates/materials/leaflet.html: what the plan
is, where it stands on the day of the build, its groups, and a QR code that leads a reader of the paper to the
plan's page on the site."""
from __future__ import annotations

import datetime as dt

import segno
from markupsafe import Markup

from plansite.model import Language
from plansite.load.sitedata import PlanScope
from plansite.render.languages import site_prefix
from plansite.render.paths import PlanPaths, page_url
from plansite.render.templates import render
from plansite.derive.views import group_heading, issued_text, named_agency, plan_state


def qr_svg(url: str) -> Markup:
    """The address as a QR code (segno), inline SVG drawn in black on the paper; medium error correction
    survives a smudged print."""
    return Markup(segno.make(url, error="m").svg_inline(scale=3, svgclass="qr", lineclass=None))


def plan_address(scope: PlanScope, language: Language, root_url: str) -> str:
    """The plan's overview page in this language, from the whole site's root address."""
    return root_url.rstrip("/") + "/" + site_prefix(language) + page_url(PlanPaths(scope.plan).overview)


def leaflet_html(scope: PlanScope, language: Language, licence: str, root_url: str, today: dt.date) -> str:
    plan = scope.plan
    groups = [dict(heading=group_heading(g, language), summary=g.summary(language)) for g in plan.groups]
    address = plan_address(scope, language, root_url)
    return render("materials/leaflet.html", language, plan=plan, groups=groups, licence=licence,
                  site_name=scope.site.name(language), issued=issued_text(scope, language),
                  state=plan_state(scope, language, today).sentence, address=address, qr=qr_svg(address),
                  standing=named_agency(scope, plan.organisation.standing_agency, language))
