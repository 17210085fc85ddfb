"""`{{ plan.issued_date }}` in hand-written Markdown: a fact shown from the data, never retyped."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel.numbers import format_decimal

from plansite.render.escaping import markdown_text
from plansite.render.languages import date_text
from plansite.model import Language
from plansite.render.paths import PlanPaths
from plansite.render.plan_pages import group_cards
from plansite.render.templates import render
from plansite.derive.views import (plan_day, issued_text, issuing_body, legal_basis_text, named_agency, news_items, plan_state,
                                   plan_status)
from plansite.render.unknowns import CONTACT, PROVINCE, final_anchor, next_anchor, unknown_targets
from plansite.validate.problems import Problem, SourceError
from plansite.load.articles import Article, newest_published
from plansite.load.sitedata import PlanScope, SiteData
from plansite.render.campaigns import campaign_summary
from plansite.render.catalogue import text

NEWS_INDEX = "tin-tuc/index.md"
LATEST_NEWS = 3

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")

# A fact is a text, or a block of Markdown that depends on the page it is put in.
Fact = Callable[[str], str]


def facts(data: SiteData, language: Language, now: dt.datetime, articles: list[Article] = ()) -> dict[str, Fact]:
    """Facts of the main plan (`plan.*`), of each framework (`<id>.*`), of the site (`site.*`). `now` is the
    build's moment: it decides the plan's state and which articles are published."""
    today = now.date()
    scope = data.main
    plan = scope.plan
    texts = {
        "site.name": data.site.name(language),
        "plan.title": plan.title(language),
        "plan.name": plan.short_title(language),
        "plan.issued": issued_text(scope, language),
        "plan.issued_date": date_text(plan.issued.date, language),
        "plan.issued_by": scope.agency(plan.issued.by).name(language),
        "plan.legal_basis": legal_basis_text(scope, language),
        "plan.legal_basis_number": plan.legal_basis.number,
        "plan.horizon_year": str(plan.period.end.year),
        "plan.aim": plan.aim(language),
        "plan.objectives_deadline": plan_day(scope, plan.objectives_deadline, language),
        "plan.standing_agency": scope.agency(plan.organisation.standing_agency).name(language),
        "plan.state": plan_state(scope, language, today).sentence,
    }
    if plan.source:
        texts["plan.picture_credit"] = plan.source.picture_credit(language)
    for framework in data.frameworks.values():
        texts[f"{framework.id}.title"] = framework.title(language)
        texts.update({f"{framework.id}.{figure.id}": str(figure.value) if isinstance(figure.value, int) else format_decimal(figure.value, locale=language)
                      for figure in framework.figures})
    # Texts from the data are plain text; the blocks below are rendered from templates, which escape them.
    result: dict[str, Fact] = {key: (lambda page, value=markdown_text(value): value) for key, value in texts.items()}
    result["plan.objectives"] = lambda page: render("facts/list.md", language, page,
                                                    items=[o(language) for o in plan.objectives])
    for framework in data.frameworks.values():
        result[f"{framework.id}.parts"] = (lambda page, parts=[p.title(language) for p in framework.parts]:
                                          render("facts/list.md", language, page, items=parts, numbered=True))
    for framework in data.frameworks.values():
        sources = list({(f.source.document(language), f.source.url): None for f in framework.figures})
        result[f"{framework.id}.sources"] = (lambda page, sources=[dict(document=d, url=u) for d, u in sources]:
                                            render("facts/sources.md", language, page, sources=sources))
    result["plan.group_cards"] = lambda page: render("plan/_group_cards.md", language, page,
                                                     cards=group_cards(scope, language))
    plans = [dict(title=s.plan.title(language), path=PlanPaths(s.plan).overview,
                  state=plan_state(s, language, today).sentence) for s in data.scopes()]
    result["site.plans"] = lambda page: render("facts/plans.md", language, page, plans=plans)
    standing = named_agency(scope, plan.organisation.standing_agency, language)
    result["plan.standing_agency_today"] = lambda page: render("facts/agency.md", language, page, agency=standing)
    status = plan_status(scope, language, today)
    unknown = unknown_targets(data, language, today)
    result["plan.status"] = lambda page: render("facts/status.md", language, page, status=status, unknown=dict(
        final=unknown(final_anchor(plan.id)), next=unknown(next_anchor(plan.id)), province=unknown(PROVINCE)))
    result["site.ask"] = lambda page: render("facts/ask.md", language, page, contact=data.site.contact(language),
                                             committee=issuing_body(scope, language), unknown_contact=unknown(CONTACT))
    news = news_items(newest_published(articles, language, now)[:LATEST_NEWS], language)
    result["site.news"] = lambda page: render("facts/news.md", language, page, articles=news, news=NEWS_INDEX)
    campaigns = [campaign_summary(c, language, today) for c in data.campaigns]
    result["site.campaigns"] = lambda page: render("facts/campaigns.md", language, page, campaigns=campaigns)
    return result


def fill_facts(markdown: str, known: dict[str, Fact], page: str, shown_as: str, line_offset: int = 0) -> str:
    """Replace every placeholder; an unknown one is a SourceError naming its line and column."""
    problems = []

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in known:
            return known[name](page)
        line = markdown.count("\n", 0, match.start()) + 1 + line_offset
        column = match.start() - markdown.rfind("\n", 0, match.start())
        problems.append(Problem(shown_as, line, column, name, f"không có dữ liệu tên này / unknown fact '{name}'",
                                "dùng một trong / use one of: " + ", ".join(sorted(known))))
        return match.group(0)

    filled = PLACEHOLDER.sub(replace, markdown)
    if problems:
        raise SourceError(problems)
    return filled
