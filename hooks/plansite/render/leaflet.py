"""A printable one-page leaflet of a plan, in one language, from templates/materials/leaflet.html: what the plan
is, where it stands on the day of the build, its groups, and a QR code that leads a reader of the paper to the
plan's page on the site."""
from __future__ import annotations

import segno
from markupsafe import Markup

from plansite.derive.site_view import PlanView, SiteView
from plansite.render.languages import site_prefix
from plansite.render.paths import page_url
from plansite.render.templates import render


def qr_svg(url: str) -> Markup:
    """The address as a QR code (segno), inline SVG drawn in black on the paper; medium error correction
    survives a smudged print."""
    return Markup(segno.make(url, error="m").svg_inline(scale=3, svgclass="qr", lineclass=None))


def plan_address(site: SiteView, plan: PlanView, root_url: str) -> str:
    """The plan's overview page in the view's language, from the whole site's root address."""
    return root_url.rstrip("/") + "/" + site_prefix(site.language) + page_url(plan.paths.overview)


def leaflet_html(site: SiteView, plan: PlanView, licence: str, root_url: str) -> str:
    address = plan_address(site, plan, root_url)
    return render("materials/leaflet.html", site.language, plan=plan.plan, groups=plan.groups, licence=licence,
                  site_name=site.name, issued=plan.issued, state=plan.state.sentence, address=address,
                  qr=qr_svg(address), standing=plan.standing_today)
