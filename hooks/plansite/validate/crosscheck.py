"""Checks that span files: ids are unique, every reference points at something that exists."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from plansite.model import (FRAMEWORKS_FOLDER, LANGUAGES, PLANS_FOLDER, REPORTS_FOLDER, Author, Due, NavSection, Plan, Report,
                            Site, Task)
from plansite.validate.problems import Problem, say
from plansite.load.sitedata import SiteData
from plansite.model.site import GENERATED_SECTIONS
from plansite.load.yamlsource import Location, YamlDocument


def cross_file_problems(data: SiteData, folders: dict[str, dict[str, BaseModel]], documents: dict[str, YamlDocument],
                        root: Path) -> Iterable[Problem]:
    agencies_doc = documents["data/agencies.yml"]
    yield from duplicate_ids(agencies_doc, ("agencies",), [a.id for a in data.agencies.values()])
    yield from successor_problems(data, agencies_doc)
    for shown_as, framework in folders[FRAMEWORKS_FOLDER].items():
        document = documents[shown_as]
        yield from file_id_problems(document, shown_as, framework.id)  # type: ignore[attr-defined]
        yield from duplicate_ids(document, ("parts",), [p.id for p in framework.parts])  # type: ignore[attr-defined]
        yield from duplicate_ids(document, ("figures",), [f.id for f in framework.figures])  # type: ignore[attr-defined]
    plan_files = {plan.id: name for name, plan in folders[PLANS_FOLDER].items()}  # type: ignore[attr-defined]
    for plan_id, shown_as in plan_files.items():
        yield from plan_problems(data, data.plans[plan_id], documents[shown_as], shown_as)
    yield from site_wide_plan_problems(data, plan_files, documents)
    report_docs = {name: doc for name, doc in documents.items() if name.startswith(f"data/{REPORTS_FOLDER}/")}
    yield from report_problems(data, report_docs)
    site_doc = documents["data/site.yml"]
    if data.site.main_plan and data.site.main_plan not in data.plans:
        yield from unknown_plan(data, site_doc, ("main_plan",), data.site.main_plan)
    yield from navigation_problems(data.site, site_doc, root)
    yield from author_problems(list(data.authors.values()), documents["data/authors.yml"], root)
    yield from campaign_problems(data, documents["data/campaigns.yml"], root)


def file_id_problems(document: YamlDocument, shown_as: str, item_id: str) -> Iterable[Problem]:
    """A plan or framework is known by its file's name: the id inside must be the same."""
    stem = shown_as.rsplit("/", 1)[-1].removesuffix(".yml")
    if item_id != stem:
        yield document.problem(("id",), say("problems.id_not_file_name", id=item_id, name=stem),
                               say("fixes.id_not_file_name", name=stem))


def plan_problems(data: SiteData, plan: Plan, document: YamlDocument, shown_as: str) -> Iterable[Problem]:
    yield from file_id_problems(document, shown_as, plan.id)
    yield from duplicate_ids(document, ("groups",), [g.id for g in plan.groups])
    numbered = [(i, g.number) for i, g in enumerate(plan.groups) if g.number is not None]
    yield from duplicate_ids(document, ("groups",), [n for _, n in numbered], field="number",
                             locations=[("groups", i) for i, _ in numbered])
    references: list[tuple[Location, str]] = [
        (("issued", "by"), plan.issued.by),
        (("legal_basis", "by"), plan.legal_basis.by),
        (("organisation", "standing_agency"), plan.organisation.standing_agency),
        *[(("organisation", "reports_to", i), a) for i, a in enumerate(plan.organisation.reports_to)],
        *[(("organisation", "partners", i), a) for i, a in enumerate(plan.organisation.partners)],
        *[(("organisation", "coordination", i, "agencies", j), a)
          for i, c in enumerate(plan.organisation.coordination) for j, a in enumerate(c.agencies)],
    ]
    tasks = list(task_locations(plan))
    for location, task in tasks:
        if task.lead:
            references.append(((*location, "lead"), task.lead))
        references.extend(((*location, "partners", i), a) for i, a in enumerate(task.partners))
    yield from unknown_agencies(data, document, references)
    yield from duplicate_ids(document, (), [t.id for _, t in tasks], locations=[loc for loc, _ in tasks])
    yield from deadline_problems(plan, document, tasks)
    yield from objective_problems(plan, document)
    if plan.framework and plan.framework not in data.frameworks:
        yield document.problem(("framework",), say("problems.unknown_framework", framework=plan.framework),
                               say("fixes.unknown_framework", framework=plan.framework))
        return
    framework = data.frameworks.get(plan.framework or "")
    known_parts = {p.id for p in framework.parts} if framework else set()
    for index, group in enumerate(plan.groups):
        if group.framework_part and group.framework_part not in known_parts:
            hint = say("fixes.use_part_id", framework=plan.framework, shown=", ".join(sorted(known_parts))) \
                if framework else say("fixes.no_framework")
            yield document.problem(("groups", index, "framework_part"), say("problems.unknown_part", part=group.framework_part),
                                   hint)


def site_wide_plan_problems(data: SiteData, plan_files: dict[str, str], documents: dict[str, YamlDocument]) -> Iterable[Problem]:
    """Group ids and page folders are unique across plans; a successor plan exists."""
    seen_groups: dict[str, str] = {}
    seen_folders: dict[str, str] = {}
    for plan_id, shown_as in plan_files.items():
        plan, document = data.plans[plan_id], documents[shown_as]
        for index, group in enumerate(plan.groups):
            if group.id in seen_groups and seen_groups[group.id] != plan_id:
                yield document.problem(("groups", index, "id"), say("problems.group_id_taken", plan=seen_groups[group.id], shown=group.id),
                                       say("fixes.group_id_taken"))
            seen_groups.setdefault(group.id, plan_id)
        for kind in ("plan", "tracker"):
            folder = getattr(plan.folders, kind)
            if folder in seen_folders:
                yield document.problem(("pages", kind), say("problems.folder_taken", folder=folder, plan=seen_folders[folder]),
                                       say("fixes.folder_taken"))
            seen_folders[folder] = plan_id
        if plan.superseded_by and plan.superseded_by not in data.plans:
            yield from unknown_plan(data, document, ("superseded_by",), plan.superseded_by)


def unknown_plan(data: SiteData, document: YamlDocument, location: Location, plan_id: str) -> Iterable[Problem]:
    yield document.problem(location, say("problems.unknown_plan", plan=plan_id),
                           say("fixes.use_plan_id", shown=", ".join(sorted(data.plans))))


def author_problems(authors: list[Author], document: YamlDocument, root: Path) -> Iterable[Problem]:
    yield from duplicate_ids(document, ("authors",), [a.id for a in authors])
    for index, author in enumerate(authors):
        yield from missing_asset(document, ("authors", index, "avatar"), author.avatar, root)


def campaign_problems(data: SiteData, document: YamlDocument, root: Path) -> Iterable[Problem]:
    """Campaigns serve groups of their plan, and their files exist."""
    campaigns = data.campaigns
    yield from duplicate_ids(document, ("campaigns",), [c.id for c in campaigns])
    known = {g.id for g in data.groups()}
    for c_index, campaign in enumerate(campaigns):
        here = ("campaigns", c_index)
        if campaign.plan and campaign.plan not in data.plans:
            yield from unknown_plan(data, document, (*here, "plan"), campaign.plan)
        yield from unknown_groups(document, (*here, "groups"), campaign.groups, known)
        yield from duplicate_ids(document, (*here, "materials"), [m.id for m in campaign.materials])
        yield from duplicate_ids(document, (*here, "events"), [e.id for e in campaign.events])
        served = [((*here, "groups", i), g) for i, g in enumerate(campaign.groups)]
        for m_index, material in enumerate(campaign.materials):
            yield from unknown_groups(document, (*here, "materials", m_index, "groups"), material.groups, known)
            served += [((*here, "materials", m_index, "groups", i), g) for i, g in enumerate(material.groups)]
            for language, path in material.files.items():
                yield from missing_asset(document, (*here, "materials", m_index, "files", language), path, root)
        if campaign.plan in data.plans:
            yield from groups_of_other_plans(data, document, campaign.plan, served)


def groups_of_other_plans(data: SiteData, document: YamlDocument, plan_id: str,
                          served: list[tuple[Location, str]]) -> Iterable[Problem]:
    """A campaign that names its plan serves that plan's groups only."""
    own = [g.id for g in data.plans[plan_id].groups]
    for location, group_id in served:
        if group_id in own or not any(group_id == g.id for g in data.groups()):
            continue  # an unknown group is reported once, as unknown
        yield document.problem(location, say("problems.group_of_other_plan", group=group_id, plan=plan_id,
                                             other=data.group_scope(group_id).plan.id),
                               say("fixes.group_of_other_plan", plan=plan_id, shown=", ".join(own)))


def unknown_groups(document: YamlDocument, location: Location, groups: list[str], known: set[str]) -> Iterable[Problem]:
    for index, group in enumerate(groups):
        if group not in known:
            yield document.problem((*location, index), say("problems.unknown_group", group=group),
                                   say("fixes.use_group_id", shown=", ".join(sorted(known))))


def missing_asset(document: YamlDocument, location: Location, path: str, root: Path) -> Iterable[Problem]:
    if not (root / "docs" / path).is_file():
        yield document.problem(location, say("problems.missing_file", path=path), say("fixes.missing_file"))


def duplicate_ids(document: YamlDocument, location: Location, values: list, field: str = "id",
                  locations: list[Location] | None = None) -> Iterable[Problem]:
    """locations, when given, are where each value's parent stands (for lists spread over a file)."""
    seen: set = set()
    for index, value in enumerate(values):
        if value in seen:
            where = locations[index] if locations else (*location, index)
            yield document.problem((*where, field), say("problems.duplicate", field=field, shown=value),
                                   say("fixes.duplicate", field=field))
        seen.add(value)


def unknown_agencies(data: SiteData, document: YamlDocument, references: list[tuple[Location, str]]) -> Iterable[Problem]:
    known = ", ".join(sorted(data.agencies))
    for location, agency_id in references:
        if agency_id not in data.agencies:
            yield document.problem(location, say("problems.unknown_agency", agency=agency_id),
                                   say("fixes.use_agency_id", shown=known))


def task_locations(plan: Plan) -> Iterable[tuple[Location, Task]]:
    """Each task with where it stands in its plan's file."""
    for index, task in enumerate(plan.common_tasks):
        yield ("common_tasks", index), task
    for group_index, group in enumerate(plan.groups):
        for index, task in enumerate(group.tasks):
            yield ("groups", group_index, "tasks", index), task


def due_range(due: Due) -> tuple[dt.date, dt.date]:
    """The days a date or a bare year covers."""
    if isinstance(due, dt.date):
        return due, due
    return dt.date(due, 1, 1), dt.date(due, 12, 31)


def outside_period(plan: Plan, document: YamlDocument, location: Location, due: Due | None) -> Iterable[Problem]:
    """A date or a year that does not meet the plan's period."""
    if due is None:
        return
    first, last = plan.period.start, plan.period.end
    begins, ends = due_range(due)
    if ends < first or begins > last:
        period = f"{first.isoformat()} – {last.isoformat()}"
        yield document.problem(location, say("problems.outside_period", value=due, period=period),
                               say("fixes.date_within_period", period=period))


def deadline_problems(plan: Plan, document: YamlDocument, tasks: list[tuple[Location, Task]]) -> Iterable[Problem]:
    for location, task in tasks:
        yield from outside_period(plan, document, (*location, "start"), task.start)
        yield from outside_period(plan, document, (*location, "deadline"), task.deadline)
        if task.start and task.deadline and due_range(task.deadline)[1] < task.start:
            yield document.problem((*location, "deadline"), say("problems.deadline_before_start"),
                                   say("fixes.deadline_before_start"))


def objective_problems(plan: Plan, document: YamlDocument) -> Iterable[Problem]:
    """The objectives' deadlines, and the years of their targets, fall within the plan's period."""
    first, last = plan.period.start.year, plan.period.end.year
    yield from outside_period(plan, document, ("objectives_deadline",), plan.objectives_deadline)
    for index, objective in enumerate(plan.objectives):
        yield from outside_period(plan, document, ("objectives", index, "deadline"), objective.deadline)
        for t_index, target in enumerate(objective.targets):
            if not first <= target.year <= last:
                yield document.problem(("objectives", index, "targets", t_index, "year"),
                                       say("problems.outside_period", value=target.year, period=f"{first} – {last}"),
                                       say("fixes.year_within_period", first=first, last=last))


def successor_problems(data: SiteData, document: YamlDocument) -> Iterable[Problem]:
    """A successor must exist, and following successors must never come back to where it began."""
    agencies = list(data.agencies.values())
    yield from unknown_agencies(data, document, [(("agencies", i, "successor", "agency"), a.successor.agency)
                                                 for i, a in enumerate(agencies) if a.successor and a.successor.agency])
    for index, agency in enumerate(agencies):
        chain, current = [agency.id], next_body(data, agency.id)
        while current in data.agencies and current not in chain:
            chain.append(current)
            current = next_body(data, current)
        if current == agency.id:
            cycle = " → ".join([*chain, agency.id])
            yield document.problem(("agencies", index, "successor", "agency"), say("problems.successor_cycle", shown=cycle),
                                   say("fixes.successor_cycle"))


def next_body(data: SiteData, agency_id: str) -> str | None:
    successor = data.agencies[agency_id].successor
    return successor.agency if successor else None


def report_file_name(report: Report) -> str:
    """data/reports/<plan id>-<YYYY-MM-DD>.yml: two plans reporting on the same day never share a name."""
    return f"{report.plan}-{report.date.isoformat()}.yml"


def report_problems(data: SiteData, documents: dict[str, YamlDocument]) -> Iterable[Problem]:
    """Each report is named by its plan and date, names a known plan, agency and tasks of that plan, once each,
    and is dated within the plan."""
    for name, report in data.reports.items():
        document = documents[name]
        if report.plan not in data.plans:
            yield from unknown_plan(data, document, ("plan",), report.plan)
            continue
        expected = report_file_name(report)
        if name.rsplit("/", 1)[-1] != expected:
            yield Problem(name, 1, 1, "", say("problems.report_file_name"), say("fixes.report_file_name", name=expected))
        scope = data.scope(report.plan)
        known_tasks = {t.id for _, t in scope.tasks()}
        issued = scope.plan.issued.date
        yield from unknown_agencies(data, document, [(("agency",), report.agency)])
        if report.date < issued:
            yield document.problem(("date",), say("problems.report_before_plan", issued=issued.isoformat()),
                                   say("fixes.check_report_date"))
        for index, entry in enumerate(report.tasks):
            if entry.task not in known_tasks:
                yield document.problem(("tasks", index, "task"), say("problems.unknown_task", task=entry.task),
                                       say("fixes.use_task_id", plan=report.plan, shown=", ".join(sorted(known_tasks))))
        yield from duplicate_ids(document, ("tasks",), [e.task for e in report.tasks], field="task")


def navigation_problems(site: Site, document: YamlDocument, root: Path) -> Iterable[Problem]:
    """Every hand-written page in the menu must exist in both languages."""
    for index, entry in enumerate(site.navigation):
        pages = entry.pages if isinstance(entry, NavSection) else [entry.page]
        for position, page in enumerate(pages):
            if page in GENERATED_SECTIONS:
                continue
            location = ("navigation", index, "pages", position) if isinstance(entry, NavSection) else ("navigation", index, "page")
            missing = [lang for lang in LANGUAGES if not (root / "docs" / lang / page).is_file()]
            if missing:
                yield document.problem(location, say("problems.page_missing", page=page,
                                                     shown=", ".join(f"docs/{lang}/" for lang in missing)),
                                       say("fixes.page_missing"))
