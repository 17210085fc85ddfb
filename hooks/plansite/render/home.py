"""The home page as a campaign page (overrides/home.html, after Material's own home page): a first screen with
where the main plan stands in one line, its key message (the home page's own Markdown, written by the site's
editors) and two actions; below it a few cards (the plan's groups, the newest articles with their pictures,
the plan's leaflet, where to ask), each leading one tap further. The values are the site view's (`site.home`,
plansite.derive.site.home_view), for any plan and any number of plans.

templates/site/home_*.html draw them with autoescaping. Links are given by the hook as a function from a source
path (and #fragment) to an address relative to the home page, so that they hold once the blog plugin has placed
the articles."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from plansite.derive.site_view import SiteView
from plansite.render.campaigns import LIBRARY, material_path
from plansite.render.paths import UNKNOWNS
from plansite.render.templates import render

HOME_TEMPLATE = "home.html"
NEWS_INDEX = "tin-tuc/index.md"

Link = Callable[[str], str]


@dataclass(frozen=True)
class HomeParts:
    hero_top: Markup     # above the page's own content: where the plan stands
    hero_bottom: Markup  # below it: the actions
    cards: Markup


def home_parts(site: SiteView, link: Link) -> HomeParts:
    home, language = site.home, site.language
    context = dict(
        link=link, state=home.state, successor=home.successor, province=home.province,
        province_change=home.province_change, meaning=home.meaning, news_index=NEWS_INDEX, groups=home.groups,
        overview=home.overview, news=home.news,
        leaflet=dict(title=home.leaflet.title, path=material_path(home.leaflet.material, language), library=LIBRARY),
        plans=[dict(title=p.name, path=p.paths.overview, state=p.state.sentence) for p in home.plans],
        contact=home.contact, committee=home.committee, contact_unknown=home.contact_unknown, unknowns=UNKNOWNS)
    return HomeParts(Markup(render("site/home_top.html", language, **context)),
                     Markup(render("site/home_actions.html", language, **context)),
                     Markup(render("site/home_cards.html", language, **context)))
