"""The pages of each plan (overview, one per group, funding, organisation), from templates/plan/."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plansite.load.articles import CATEGORY_DIR, Article
from plansite.render.campaigns import LIBRARY, all_materials, campaign_summary
from plansite.render.catalogue import text
from plansite.model import Group, Language
from plansite.render.paths import PlanPaths
from plansite.derive.progress import count, current_statuses
from plansite.load.sitedata import PlanScope
from plansite.render.templates import render
from plansite.derive.pictures import groups_picture
from plansite.derive.views import (plan_day, group_anchor, group_heading, group_label, issued_text, legal_basis_text,
                                   named_agency, news_items, plan_state, responsibilities, status_bar, task_lines)
from plansite.render.agency_refs import holder_view


@dataclass(frozen=True)
class GroupCard:
    label: str
    heading: str
    title: str
    summary: str
    path: str


NEWS_ON_GROUP = 3  # the newest articles a group's page lists; its news category lists them all


def plan_pages(scope: PlanScope, language: Language, today: dt.date, news: list[Article]) -> dict[str, str]:
    """Every page of one plan: source path -> Markdown. `news` are the published articles of the language,
    newest first."""
    plan, paths = scope.plan, PlanPaths(scope.plan)
    common = dict(plan=plan, paths=paths, source=plan_source(scope), state=plan_state(scope, language, today),
                  today=today, responsibilities=responsibilities(scope, language))
    pages = {
        paths.overview: render("plan/overview.md", language, paths.overview, **common,
                               issued=issued_text(scope, language), basis=legal_basis_text(scope, language),
                               objectives_deadline=plan_day(scope, plan.objectives_deadline, language),
                               objectives=[o(language) for o in plan.objectives], groups_intro=groups_intro(scope, language),
                               cards=group_cards(scope, language), picture=groups_picture(scope, language)),
        paths.funding: render("plan/funding.md", language, paths.funding, **common,
                              sources=[s(language) for s in plan.funding]),
        paths.organisation: organisation_page(scope, language, common),
    }
    for group in plan.groups:
        pages[paths.group(group)] = group_page(scope, group, language, common, news)
    return pages


def plan_source(scope: PlanScope) -> str:
    """The data file behind the plan's pages, for their edit link."""
    return f"data/plans/{scope.plan.id}.yml"


def groups_intro(scope: PlanScope, language: Language) -> str:
    return scope.plan.notes.groups(language) or text(language, "plan.groups_intro")


def group_cards(scope: PlanScope, language: Language) -> list[GroupCard]:
    paths = PlanPaths(scope.plan)
    return [GroupCard(group_label(g, language), group_heading(g, language), g.title(language), g.summary(language), paths.group(g))
            for g in scope.plan.groups]


def group_page(scope: PlanScope, group: Group, language: Language, common: dict, news: list[Article]) -> str:
    """What the group means, its tasks and their state, its latest news, its campaigns and materials, and
    where to ask."""
    paths = PlanPaths(scope.plan)
    page = paths.group(group)
    statuses = current_statuses(scope)
    counts = count([statuses[t.id] for t in group.tasks])
    part = scope.framework_part(group.framework_part).title(language) if group.framework_part else ""
    articles = [a for a in news if group.id in a.meta.categories]
    campaigns = [c for c in scope.data.campaigns if group.id in c.groups]
    # Materials made for this group; the plan's leaflet, which serves every group, is on the library's page.
    materials = [dict(title=m.title(language), description=m.description(language))
                 for m, c in all_materials(scope.data) if c and group.id in m.groups]
    return render("plan/group.md", language, page, **common, group=group,
                  label=group_label(group, language), heading=group_heading(group, language), framework=scope.framework, framework_part=part,
                  notes=scope.plan.notes, task_lines=task_lines(scope, group.tasks, language, common["today"]),
                  no_report=counts["no-report"] == len(group.tasks), anchor=group_anchor(group),
                  bar=status_bar(counts, language, text(language, "tracker.group_progress")),
                  news=news_items(articles[:NEWS_ON_GROUP], language),
                  more_news=len(articles) > NEWS_ON_GROUP, category=f"{CATEGORY_DIR}/{group.id}.md",
                  campaigns=[campaign_summary(c, language, common["today"]) for c in campaigns],
                  materials=materials, library=LIBRARY, contact=scope.site.contact(language))


def organisation_page(scope: PlanScope, language: Language, common: dict) -> str:
    organisation, paths = scope.plan.organisation, PlanPaths(scope.plan)
    standing = scope.agency(organisation.standing_agency)
    return render("plan/organisation.md", language, paths.organisation, **common, standing=standing,
                  holder=holder_view(scope, standing, language),
                  duties=[d(language) for d in organisation.duties],
                  reports_to=[named_agency(scope, a, language) for a in organisation.reports_to],
                  task_lines=task_lines(scope, scope.plan.common_tasks, language, common["today"]))
