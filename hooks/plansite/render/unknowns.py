"""The page of unknowns (templates/site/unknowns.md), from the site view's entries (plansite.derive.unknowns)."""
from __future__ import annotations

from plansite.derive.site_view import SiteView
from plansite.render.paths import UNKNOWNS
from plansite.render.templates import render

SOURCE = "data/site.yml"


def unknowns_page(site: SiteView) -> str:
    return render("site/unknowns.md", site.language, UNKNOWNS, source=SOURCE, entries=site.unknowns)
