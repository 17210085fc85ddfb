"""A printable one-page leaflet of a plan's groups, in one language, from templates/materials/leaflet.html."""
from __future__ import annotations

from plansite.model import Language
from plansite.load.sitedata import PlanScope
from plansite.render.templates import render
from plansite.derive.views import group_heading, issued_text, today_name


def leaflet_html(scope: PlanScope, language: Language, licence: str) -> str:
    plan = scope.plan
    groups = [dict(heading=group_heading(g, language), title=g.title(language), summary=g.summary(language))
              for g in plan.groups]
    return render("materials/leaflet.html", language, plan=plan, groups=groups, licence=licence,
                  site_name=scope.site.name(language), issued=issued_text(scope, language),
                  standing=today_name(scope, plan.organisation.standing_agency, language))
