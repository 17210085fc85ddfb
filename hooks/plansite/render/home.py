"""The home page as a campaign page (overrides/home.html, after Material's own home page): a first screen with
where the main plan stands in one line, its key message (the home page's own Markdown, written by the site's
editors) and two actions; below it a few cards (the plan's groups, the newest articles with their pictures,
the plan's leaflet, where to ask), each leading one tap further. Everything here comes from the data, the
articles and the catalogue, for any plan and any number of plans.

Python works out the values; templates/site/home_*.html draw them with autoescaping. Links are given by the
hook as a function from a source path (and #fragment) to an address relative to the home page, so that they
hold once the blog plugin has placed the articles."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from plansite.derive.views import group_heading, issuing_body, plan_state
from plansite.load.articles import Article, newest_published
from plansite.load.sitedata import SiteData
from plansite.model import Language
from plansite.render.campaigns import LIBRARY, material_path, plan_leaflet
from plansite.render.catalogue import fill, text
from plansite.render.languages import date_text
from plansite.render.paths import PlanPaths
from plansite.render.templates import render
from plansite.render.unknowns import CONTACT, UNKNOWNS, unknown_targets

HOME_TEMPLATE = "home.html"
NEWS_INDEX = "tin-tuc/index.md"
NEWS_CARDS = 3
# The fixed anchor of the groups' list on a plan's overview page (templates/plan/overview.md).
GROUPS_ANCHOR = "cac-nhom"

Link = Callable[[str], str]


@dataclass(frozen=True)
class HomeParts:
    hero_top: Markup     # above the page's own content: where the plan stands
    hero_bottom: Markup  # below it: the actions
    cards: Markup


def state_line(data: SiteData, language: Language, today: dt.date) -> str:
    """"Kế hoạch đã hết thời gian thực hiện (2021–2025).": the main plan's state and its years."""
    scope = data.main
    period = scope.plan.period
    state = text(language, f"home.state_{plan_state(scope, language, today).kind}").rstrip(".")
    return fill(language, "home_page.state", state=state, start=period.start.year, end=period.end.year)


def news_cards(articles: list[Article], language: Language, now: dt.datetime) -> list[dict]:
    return [dict(title=a.meta.title, path=a.src_uri, date=date_text(a.meta.date, language), iso=a.meta.date.isoformat(),
                 image=a.meta.cover.image if a.meta.cover else "", alt=a.meta.cover.alt if a.meta.cover else "")
            for a in newest_published(articles, language, now)[:NEWS_CARDS]]


def home_parts(data: SiteData, language: Language, now: dt.datetime, articles: list[Article], link: Link) -> HomeParts:
    today = now.date()
    scope = data.main
    paths = PlanPaths(scope.plan)
    leaflet = plan_leaflet(scope)
    contact = data.site.contact(language)
    unknown = unknown_targets(data, language, today)
    state = plan_state(scope, language, today)
    reorganisation = data.site.province_reorganisation
    context = dict(
        link=link, state=state_line(data, language, today),
        successor=dict(title=state.successor.short_title(language), path=PlanPaths(state.successor).overview)
        if state.successor else None, province=reorganisation.current_name(language),
        province_change=reorganisation.change(language),
        meaning=f"{paths.overview}#{GROUPS_ANCHOR}", news_index=NEWS_INDEX,
        groups=[dict(heading=group_heading(g, language), path=paths.group(g)) for g in scope.plan.groups],
        overview=paths.overview, news=news_cards(articles, language, now),
        leaflet=dict(title=leaflet.title(language), path=material_path(leaflet, language), library=LIBRARY),
        plans=[dict(title=s.plan.short_title(language), path=PlanPaths(s.plan).overview,
                    state=plan_state(s, language, today).sentence) for s in data.scopes()] if len(data.plans) > 1 else [],
        contact=contact, committee=issuing_body(scope, language),
        contact_unknown="" if contact else unknown(CONTACT), unknowns=UNKNOWNS)
    return HomeParts(Markup(render("site/home_top.html", language, **context)),
                     Markup(render("site/home_actions.html", language, **context)),
                     Markup(render("site/home_cards.html", language, **context)))
