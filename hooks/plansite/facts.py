"""`{{ plan.issued_date }}` in hand-written Markdown: a fact shown from the data, never retyped."""
from __future__ import annotations

import re
from collections.abc import Callable

from .escaping import markdown_text
from .languages import date_text
from .model import Language
from .plan_pages import group_cards, issued_text, legal_basis_text, objectives_list
from .problems import Problem, SourceError
from .sitedata import SiteData

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_.]+)\s*\}\}")

# A fact is a text, or a block of Markdown that depends on the page it is put in.
Fact = Callable[[str], str]


def facts(data: SiteData, language: Language) -> dict[str, Fact]:
    plan, blueprint = data.plan, data.ascc.blueprint
    texts = {
        "site.name": data.site.name(language),
        "plan.title": plan.title(language),
        "plan.issued": issued_text(data, language),
        "plan.issued_date": date_text(plan.issued.date, language),
        "plan.issued_by": data.agency(plan.issued.by).name(language),
        "plan.legal_basis": legal_basis_text(data, language),
        "plan.legal_basis_number": plan.legal_basis.number,
        "plan.horizon_year": str(plan.horizon_year),
        "plan.aim": plan.aim(language),
        "plan.objectives_deadline": date_text(plan.objectives_deadline, language),
        "plan.group_count": str(len(plan.groups)),
        "plan.standing_agency": data.agency(plan.organisation.standing_agency).name(language),
        "plan.picture_credit": plan.source.picture_credit(language),
        "ascc.blueprint": blueprint.title(language),
        "ascc.adopted_year": str(blueprint.adopted_year),
        "ascc.key_result_areas": str(blueprint.key_result_areas),
        "ascc.sectoral_bodies": str(blueprint.sectoral_bodies),
    }
    # Texts from the data are plain text; the blocks below escape each text they hold.
    result: dict[str, Fact] = {key: (lambda page, value=markdown_text(value): value) for key, value in texts.items()}
    blocks = {
        "plan.objectives": objectives_list(data, language),
        "ascc.characteristics": "\n".join(f"{i}. {markdown_text(c.title(language))}" for i, c in
                                          enumerate(data.ascc.characteristics, 1)) + "\n",
    }
    result.update({key: (lambda page, value=value: value) for key, value in blocks.items()})
    result["plan.group_cards"] = lambda page: group_cards(data, language, page)
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
