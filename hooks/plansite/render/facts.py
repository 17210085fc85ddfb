"""`{{ plan.issued_date }}` in hand-written Markdown: a fact shown from the data, never retyped."""
from __future__ import annotations

import re
from collections.abc import Callable

from babel.numbers import format_decimal

from plansite.derive.site_view import SiteView
from plansite.render.escaping import markdown_text
from plansite.render.templates import render
from plansite.validate.problems import Problem, SourceError

NEWS_INDEX = "tin-tuc/index.md"

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")

# A fact is a text, or a block of Markdown that depends on the page it is put in.
Fact = Callable[[str], str]


def facts(site: SiteView) -> dict[str, Fact]:
    """Facts of the main plan (`plan.*`), of each framework (`<id>.*`), of the site (`site.*`), as the view has
    them on the build's day."""
    language, lead = site.language, site.lead
    plan = lead.plan
    texts = {
        "site.name": site.name,
        "plan.title": lead.title,
        "plan.name": lead.name,
        "plan.issued": lead.issued,
        "plan.issued_date": lead.issued_date,
        "plan.issued_by": lead.issued_by,
        "plan.legal_basis": lead.basis,
        "plan.legal_basis_number": plan.legal_basis.number,
        "plan.horizon_year": str(plan.period.end.year),
        "plan.aim": plan.aim(language),
        "plan.objectives_deadline": lead.objectives_deadline,
        "plan.standing_agency": lead.standing,
        "plan.state": lead.state.sentence,
    }
    if plan.source:
        texts["plan.picture_credit"] = plan.source.picture_credit(language)
    for framework in site.frameworks:
        texts[f"{framework.id}.title"] = framework.title(language)
        texts.update({f"{framework.id}.{figure.id}": str(figure.value) if isinstance(figure.value, int) else format_decimal(figure.value, locale=language)
                      for figure in framework.figures})
    # Texts from the data are plain text; the blocks below are rendered from templates, which escape them.
    result: dict[str, Fact] = {key: (lambda page, value=markdown_text(value): value) for key, value in texts.items()}
    result["plan.objectives"] = lambda page: render("facts/list.md", language, page, items=lead.objectives)
    for framework in site.frameworks:
        result[f"{framework.id}.parts"] = (lambda page, parts=[p.title(language) for p in framework.parts]:
                                          render("facts/list.md", language, page, items=parts, numbered=True))
    for framework in site.frameworks:
        sources = list({(f.source.document(language), f.source.url): None for f in framework.figures})
        result[f"{framework.id}.sources"] = (lambda page, sources=[dict(document=d, url=u) for d, u in sources]:
                                            render("facts/sources.md", language, page, sources=sources))
    result["plan.group_cards"] = lambda page: render("plan/_group_cards.md", language, page, cards=lead.groups)
    plans = [dict(title=p.title, path=p.paths.overview, state=p.state.sentence) for p in site.plans]
    result["site.plans"] = lambda page: render("facts/plans.md", language, page, plans=plans)
    result["plan.status"] = lambda page: render("facts/status.md", language, page, status=lead.status)
    result["site.ask"] = lambda page: render("facts/ask.md", language, page, **lead.ask.__dict__)
    result["site.news"] = lambda page: render("facts/news.md", language, page, articles=site.news, news=NEWS_INDEX)
    result["site.campaigns"] = lambda page: render("facts/campaigns.md", language, page,
                                                   campaigns=site.campaigns)
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
