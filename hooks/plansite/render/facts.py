"""`{{ plan.issued_date }}` in hand-written Markdown: a fact shown from the data, never retyped."""
from __future__ import annotations

import re
from collections.abc import Callable

from babel.numbers import format_decimal

from plansite.derive.site_view import PlanView, SiteView
from plansite.render.escaping import markdown_text
from plansite.render.templates import render
from plansite.validate.problems import Problem, SourceError, say

NEWS_INDEX = "tin-tuc/index.md"

# Names: `plan.title`, `plan.<plan id>.title`, `<framework id>.<figure>`, `site.news`.
PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_.-]+)\s*\}\}")

# A fact is a text, or a block of Markdown that depends on the page it is put in.
Fact = Callable[[str], str]


def facts(site: SiteView) -> dict[str, Fact]:
    """Facts of the plan that leads the site (`plan.*`), of each plan by its id (`plan.<id>.*`), of each framework
    (`<id>.*`), of the site (`site.*`), as the view has them on the build's day."""
    language = site.language
    result: dict[str, Fact] = {**plan_facts(site.lead, "plan", language)}
    for plan in site.plans:
        result.update(plan_facts(plan, f"plan.{plan.id}", language))
    texts = {"site.name": site.name}
    for framework in site.frameworks:
        texts[f"{framework.id}.title"] = framework.title(language)
        texts.update({f"{framework.id}.{figure.id}": str(figure.value) if isinstance(figure.value, int) else format_decimal(figure.value, locale=language)
                      for figure in framework.figures})
    result.update(plain(texts))
    for framework in site.frameworks:
        result[f"{framework.id}.parts"] = (lambda page, parts=[p.title(language) for p in framework.parts]:
                                          render("facts/list.md", language, page, items=parts, numbered=True))
    for framework in site.frameworks:
        sources = list({(f.source.document(language), f.source.url): None for f in framework.figures})
        result[f"{framework.id}.sources"] = (lambda page, sources=[dict(document=d, url=u) for d, u in sources]:
                                            render("facts/sources.md", language, page, sources=sources))
    plans = [dict(title=p.title, path=p.paths.overview, state=p.state.sentence) for p in site.home_plans]
    result["site.plans"] = lambda page: render("facts/plans.md", language, page, plans=plans)
    result["site.ask"] = lambda page: render("facts/ask.md", language, page, **site.lead.ask.__dict__)
    result["site.news"] = lambda page: render("facts/news.md", language, page, articles=site.news, news=NEWS_INDEX)
    result["site.campaigns"] = lambda page: render("facts/campaigns.md", language, page,
                                                   campaigns=site.campaigns)
    return result


def plain(texts: dict[str, str]) -> dict[str, Fact]:
    """Texts from the data are plain text, escaped once here; blocks are rendered from templates, which escape."""
    return {key: (lambda page, value=markdown_text(value): value) for key, value in texts.items()}


def plan_facts(lead: PlanView, prefix: str, language: str) -> dict[str, Fact]:
    """One plan's facts, each named `<prefix>.<name>`."""
    plan = lead.plan
    texts = {
        "title": lead.title,
        "name": lead.name,
        "issued": lead.issued,
        "issued_date": lead.issued_date,
        "issued_by": lead.issued_by,
        "legal_basis": lead.basis,
        "legal_basis_number": plan.legal_basis.number,
        "horizon_year": str(plan.period.end.year),
        "aim": plan.aim(language),
        "objectives_deadline": lead.objectives_deadline,
        "standing_agency": lead.standing,
        "state": lead.state.sentence,
    }
    if plan.source:
        texts["picture_credit"] = plan.source.picture_credit(language)
    result = plain({f"{prefix}.{name}": value for name, value in texts.items()})
    result[f"{prefix}.objectives"] = lambda page: render("plan/_objectives.md", language, page, objectives=lead.objectives)
    result[f"{prefix}.group_cards"] = lambda page: render("plan/_group_cards.md", language, page, cards=lead.groups)
    result[f"{prefix}.status"] = lambda page: render("facts/status.md", language, page, status=lead.status)
    result[f"{prefix}.standing_agency_today"] = lambda page: render("facts/agency.md", language, page,
                                                                    agency=lead.standing_today)
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
        problems.append(Problem(shown_as, line, column, name, say("problems.unknown_fact", name=name),
                                say("fixes.use_one_of", shown=", ".join(sorted(known)))))
        return match.group(0)

    filled = PLACEHOLDER.sub(replace, markdown)
    if problems:
        raise SourceError(problems)
    return filled
