"""The pages of each plan (overview, one per group, funding, organisation), from templates/plan/."""
from __future__ import annotations

from plansite.derive.site_view import GroupView, PlanView, SiteView
from plansite.render.campaigns import LIBRARY
from plansite.render.templates import render


def plan_pages(site: SiteView, plan: PlanView) -> dict[str, str]:
    """Every page of one plan: source path -> Markdown."""
    language, paths = site.language, plan.paths
    common = dict(plan=plan.plan, paths=paths, source=plan.source, state=plan.state, label=plan.label,
                  footer=plan.footer, responsibilities=plan.responsibilities)
    pages = {
        paths.overview: render("plan/overview.md", language, paths.overview, **common, issued=plan.issued,
                               basis=plan.basis, objectives_deadline=plan.objectives_deadline if plan.one_deadline else "",
                               objectives=plan.objectives, groups_intro=plan.groups_intro, cards=plan.groups,
                               picture=plan.picture),
        paths.funding: render("plan/funding.md", language, paths.funding, **common, sources=plan.funding),
        paths.organisation: render("plan/organisation.md", language, paths.organisation, **common,
                                   organisation=plan.organisation, task_lines=plan.common_tasks),
    }
    for group in plan.groups:
        pages[group.path] = group_page(site, plan, group, common)
    return pages


def group_page(site: SiteView, plan: PlanView, group: GroupView, common: dict) -> str:
    """What the group means, its tasks and their state, its latest news, its campaigns and materials, and
    where to ask."""
    return render("plan/group.md", site.language, group.path, **common, group=group,
                  framework=plan.framework, notes=plan.notes, library=LIBRARY, **plan.ask.__dict__)
