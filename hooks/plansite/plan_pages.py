"""Markdown pages generated from the plan's data, in one language at a time."""
from __future__ import annotations

from .catalogue import section
from .escaping import markdown_text as md
from .languages import date_text
from .markdown import front_matter, group_label, group_path, link, text_list
from .model import Group, Language
from .sitedata import SiteData
from .tracker_pages import group_progress_section, group_tasks_section, task_list

OVERVIEW = "ke-hoach/index.md"
FUNDING = "ke-hoach/kinh-phi.md"
ORGANISATION = "ke-hoach/to-chuc-thuc-hien.md"


def plan_pages(data: SiteData, language: Language) -> dict[str, str]:
    """Every page generated from data/plan.yml: source path -> Markdown."""
    pages = {
        OVERVIEW: overview_page(data, language),
        FUNDING: funding_page(data, language),
        ORGANISATION: organisation_page(data, language),
    }
    for group in data.plan.groups:
        pages[group_path(group)] = group_page(data, group, language)
    return pages


def plan_navigation(data: SiteData) -> list[str]:
    """The generated pages in reading order."""
    return [OVERVIEW, *(group_path(g) for g in data.plan.groups), FUNDING, ORGANISATION]


def issuing_body(data: SiteData, language: Language) -> str:
    """The issuing committee, with the province's name once the site owner has set it."""
    name, province = data.agency(data.plan.issued.by).name(language), data.site.province(language)
    if not province:
        return name
    return f"{name} {province}" if language == "vi" else f"{province} {name}"


def issued_text(data: SiteData, language: Language) -> str:
    return section(language, "plan")["by_body"].format(body=issuing_body(data, language),
                                             date=date_text(data.plan.issued.date, language))


def footer_text(data: SiteData, language: Language) -> str:
    return section(language, "plan")["footer"].format(issued=issued_text(data, language),
                                            basis=legal_basis_text(data, language))


def legal_basis_text(data: SiteData, language: Language) -> str:
    basis = data.plan.legal_basis
    return section(language, "plan")["basis_text"].format(kind=section(language, "plan")["decision"], number=basis.number,
                                                date=date_text(basis.date, language),
                                                body=data.agency(basis.by).name(language))


def group_cards(data: SiteData, language: Language, page: str) -> str:
    """Material grid cards, one per group, linking to the group pages from `page`."""
    words = section(language, "plan")
    cards = []
    for group in data.plan.groups:
        cards.append(
            f"-   **{group_label(group, language)}: {md(group.title(language))}**\n\n"
            f"    {md(group.summary(language))}\n\n"
            # The link names its group: a list of links all called "Read more" tells a screen reader nothing.
            f"    [{words['more']}: {group_label(group, language)}]({link(group_path(group), page)})"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>\n"


def objectives_list(data: SiteData, language: Language) -> str:
    return text_list([o(language) for o in data.plan.objectives])


def overview_page(data: SiteData, language: Language) -> str:
    plan, words = data.plan, section(language, "plan")
    return (
        front_matter(plan.aim(language))
        + f"# {words['overview']}\n\n"
        + f"**{md(plan.title(language))}**\n\n"
        + f"- **{words['issued']}:** {md(issued_text(data, language))}\n"
        + f"- **{words['basis']}:** {md(legal_basis_text(data, language))}\n\n"
        + f"## {words['aim']}\n\n{md(plan.aim(language))}\n\n"
        + f"## {words['objectives'].format(deadline=date_text(plan.objectives_deadline, language))}\n\n"
        + objectives_list(data, language) + "\n"
        + f"## {words['groups']}\n\n{words['groups_intro']}\n\n"
        + group_cards(data, language, OVERVIEW) + "\n"
        + f"## {words['funding']}\n\n[{words['funding']}]({link(FUNDING, OVERVIEW)})\n\n"
        + f"## {words['organisation']}\n\n[{words['organisation']}]({link(ORGANISATION, OVERVIEW)})\n"
    )


def group_page(data: SiteData, group: Group, language: Language) -> str:
    words, page = section(language, "plan"), group_path(group)
    if group.blueprint:
        characteristic = data.characteristic(group.blueprint)
        blueprint = f"{words['blueprint']}: **{md(characteristic.title(language))}**."
    else:
        blueprint = words["blueprint_none"]
    return (
        front_matter(group.summary(language))
        + f"# {group_label(group, language)}: {md(group.title(language))}\n\n"
        + f"{md(group.summary(language))}\n\n"
        + f"{blueprint}\n\n"
        + f"## {words['tasks']}\n\n" + group_tasks_section(data, group, language, page) + "\n"
        + f"## {words['progress']}\n\n" + group_progress_section(data, group, language, page) + "\n"
        + f"[{words['see_all']}]({link(OVERVIEW, page)})\n"
    )


def funding_page(data: SiteData, language: Language) -> str:
    words = section(language, "plan")
    sources = [source(language) for source in data.plan.funding]
    return (
        front_matter(" ".join(sources))
        + f"# {words['funding']}\n\n{words['funding_intro']}\n\n"
        + text_list(sources)
    )


def organisation_page(data: SiteData, language: Language) -> str:
    organisation, words = data.plan.organisation, section(language, "plan")
    standing = data.agency(organisation.standing_agency)
    return (
        front_matter(f"{words['standing']}: {standing.name(language)}")
        + f"# {words['organisation']}\n\n"
        + f"## {words['standing']}\n\n**{md(standing.name(language))}** ({md(standing.short_name(language))})\n\n"
        + f"## {words['duties']}\n\n" + text_list([d(language) for d in organisation.duties]) + "\n"
        + f"## {words['reports_to']}\n\n" + text_list([data.agency(a).name(language) for a in organisation.reports_to]) + "\n"
        + f"## {words['common_tasks']}\n\n{words['common_tasks_intro']}\n\n"
        + task_list(data, data.plan.common_tasks, language, ORGANISATION, "")
    )
