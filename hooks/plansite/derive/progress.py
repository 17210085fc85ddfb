"""Where a plan stands: each task's status and report history, counts by group and agency, the timeline."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plansite.render.catalogue import text
from plansite.model import LANGUAGES, NO_REPORT, STATUSES, Group, Milestone, Report, Status, Task, TaskReport, Text
from plansite.validate.crosscheck import due_range
from plansite.load.sitedata import PlanScope


Counts = dict[Status, int]


@dataclass(frozen=True)
class Reported:
    """One report's word on one task."""

    file: str
    report: Report
    entry: TaskReport


def histories(data: PlanScope) -> dict[str, list[Reported]]:
    """Task id -> what each report said about it, oldest report first."""
    result: dict[str, list[Reported]] = {task.id: [] for _, task in data.tasks()}
    for file, report in data.reports.items():
        for entry in report.tasks:
            result[entry.task].append(Reported(file, report, entry))
    return result


def current_statuses(data: PlanScope) -> dict[str, Status]:
    """The status in the latest report on each task; "no-report" while none covers it."""
    return {task_id: (reported[-1].entry.status if reported else NO_REPORT)
            for task_id, reported in histories(data).items()}


def count(statuses: list[Status]) -> Counts:
    """Tasks per status, every status present and in the fixed order."""
    return {status: statuses.count(status) for status in STATUSES}


def group_counts(data: PlanScope, statuses: dict[str, Status]) -> list[tuple[Group | None, Counts]]:
    """Counts for the common tasks (group None, when there are any) and for each group."""
    rows: list[tuple[Group | None, Counts]] = []
    if data.plan.common_tasks:
        rows.append((None, count([statuses[t.id] for t in data.plan.common_tasks])))
    rows.extend((group, count([statuses[t.id] for t in group.tasks])) for group in data.plan.groups)
    return rows


def roles(data: PlanScope, agency_id: str) -> tuple[list[tuple[Group | None, Task]], list[tuple[Group | None, Task]]]:
    """The tasks an agency leads, and those it joins as a partner."""
    tasks = data.tasks()
    return ([(g, t) for g, t in tasks if t.lead == agency_id],
            [(g, t) for g, t in tasks if agency_id in t.partners])


def plan_roles(data: PlanScope) -> dict[str, str]:
    """What the plan as a whole asks of each agency: "lead" (the standing agency), "partner" or "coordination"."""
    organisation = data.plan.organisation
    found = {a: "coordination" for c in organisation.coordination for a in c.agencies}
    found.update({a: "partner" for a in organisation.partners})
    found[organisation.standing_agency] = "lead"
    return found


def involved_agencies(data: PlanScope) -> list[str]:
    """Agencies the plan gives a role, as a whole or in a task, in the order of data/agencies.yml."""
    named = {a for _, t in data.tasks() for a in (t.lead, *t.partners) if a} | set(plan_roles(data))
    return [agency_id for agency_id in data.agencies if agency_id in named]


def task_agencies(data: PlanScope) -> list[str]:
    """Agencies that lead or join a task of their own, in the order of data/agencies.yml."""
    named = {a for _, t in data.tasks() for a in (t.lead, *t.partners) if a}
    return [agency_id for agency_id in data.agencies if agency_id in named]


def agency_counts(data: PlanScope, statuses: dict[str, Status]) -> list[tuple[str, Counts]]:
    """Per agency with tasks of its own, the status of every task it leads or joins."""
    rows = []
    for agency_id in task_agencies(data):
        led, joined = roles(data, agency_id)
        rows.append((agency_id, count([statuses[t.id] for _, t in led + joined])))
    return rows


def predecessors(data: PlanScope, agency_id: str) -> list[str]:
    """Agencies that this one took over (by renaming or merger)."""
    return [a.id for a in data.agencies.values() if a.successor and a.successor.agency == agency_id]


def reports_by(data: PlanScope, agency_ids: list[str]) -> list[tuple[str, Report]]:
    return [(file, report) for file, report in data.reports.items() if report.agency in agency_ids]


def milestones(scope: PlanScope) -> list[Milestone]:
    """The plan's own dates, named once in its file, and any later milestones, in date order."""
    plan = scope.plan
    basis = plan.legal_basis

    def both(key: str, **values: str | Text) -> Text:
        return Text(**{lang: text(lang, key).format(**{k: v(lang) if isinstance(v, Text) else v for k, v in values.items()})
                       for lang in LANGUAGES})

    document = both("plan.document", kind=basis.kind, number=basis.number)
    # Each day an objective is due by; when the objectives do not all share one, the day is that of some of them.
    due = [plan.objective_deadline(o) for o in plan.objectives]
    key = "timeline.objectives" if len(set(due)) == 1 else "objectives.timeline_some"
    own = [
        Milestone(date=basis.date, source=document,
                  title=both("timeline.basis", body=scope.agency(basis.by).name, document=document)),
        Milestone(date=plan.issued.date, source=plan.short_title,
                  title=both("timeline.issued", body=scope.agency(plan.issued.by).name)),
        *(Milestone(date=day, source=plan.short_title, title=both(key))
          for day in sorted(set(due) - {None}, key=due_range)),
        Milestone(date=plan.period.end, source=plan.short_title, title=both("timeline.end")),
    ]
    return sorted([*own, *plan.milestones], key=lambda m: due_range(m.date))


def split_timeline(items: list[Milestone], today: dt.date) -> tuple[list[Milestone], list[Milestone]]:
    """Past (wholly before today) and upcoming; a year is past once its last day is."""
    past = [m for m in items if due_range(m.date)[1] < today]
    return past, [m for m in items if m not in past]
