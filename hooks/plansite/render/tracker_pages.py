"""The tracker's pages, from templates/tracker/: per plan a dashboard, the tasks, the responsibility matrix
and the timeline; for the whole site the agency directory and a page per agency."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.numbers import format_decimal

from plansite.render.catalogue import fill, section, text
from plansite.render.languages import date_text, due_iso, due_text
from plansite.model import STATUSES, Agency, Group, Language, Status, Task
from plansite.render.agency_refs import agency_ref, has_own_page, holder_view
from plansite.render.paths import AGENCIES, PlanPaths, agency_path
from plansite.render.plan_pages import plan_source
from plansite.derive.progress import (Counts, Reported, agency_counts, count, current_statuses, group_counts, histories,
                       involved_agencies, milestones, plan_roles, predecessors, reports_by, roles, split_timeline)
from plansite.load.sitedata import PlanScope, SiteData
from plansite.render.templates import render
from plansite.render.unknowns import CONTACT, unknown_targets
from plansite.derive.pictures import task_squares, timeline
from plansite.derive.views import (Bar, counts_text, group_anchor, group_heading, plan_due, plan_state,
                    reading, responsibilities, status_bar, task_lines, today_name, document_name)

AGENCIES_SOURCE = "data/agencies.yml"
REPORTS_SOURCE = "data/reports/README.md"


@dataclass(frozen=True)
class CountsRow:
    counts: list[int]
    total: int
    bar: Bar


def counts_row(counts: Counts, language: Language, label: str) -> CountsRow:
    return CountsRow(list(counts.values()), sum(counts.values()), status_bar(counts, language, label))


def counts_head(language: Language):
    """The column headers of a counts table, after its first column's."""
    labels = [section(language, "statuses")[s] for s in STATUSES]
    return lambda first: [first, *labels, text(language, "tracker.total"), text(language, "tracker.chart")]


def tracker_pages(scope: PlanScope, language: Language, today: dt.date) -> dict[str, str]:
    """Every tracker page of one plan: source path -> Markdown."""
    paths, statuses = PlanPaths(scope.plan), current_statuses(scope)
    common = dict(paths=paths, source=plan_source(scope), state=plan_state(scope, language, today),
                  note=scope.plan.notes.tasks(language), head=counts_head(language),
                  responsibilities=responsibilities(scope, language))
    return {
        paths.dashboard: dashboard_page(scope, language, statuses, today, common),
        paths.tasks: tasks_page(scope, language, statuses, today, common),
        paths.matrix: matrix_page(scope, language, common),
        paths.timeline: timeline_page(scope, language, today, common),
    }


def agency_pages(data: SiteData, language: Language, today: dt.date) -> dict[str, str]:
    """The directory, and a page for each agency with more to say than its directory entry."""
    pages = {AGENCIES: directory_page(data, language, today)}
    for agency in data.agencies.values():
        if has_own_page(data, agency.id):
            pages[agency_path(agency.id)] = agency_page(data, agency, language, today)
    return pages


def dashboard_page(scope: PlanScope, language: Language, statuses: dict[str, Status], today: dt.date, common: dict) -> str:
    overall_label = text(language, "tracker.overall")
    group_rows = [dict(anchor=group_anchor(g), heading=group_heading(g, language),
                       **counts_row(c, language, group_heading(g, language)).__dict__)
                  for g, c in group_counts(scope, statuses)]
    agency_rows = [dict(agency=agency_ref(scope, a, language), **counts_row(c, language, scope.agency(a).name(language)).__dict__)
                   for a, c in agency_counts(scope, statuses)]
    received = [dict(date=date_text(r.date, language), agency=agency_ref(scope, r.agency, language),
                     start=date_text(r.period.start, language), end=date_text(r.period.end, language), count=len(r.tasks))
                for r in scope.reports.values()]
    latest = date_text(list(scope.reports.values())[-1].date, language) if scope.reports else ""
    paths = common["paths"]
    words, overall = section(language, "statuses"), count(list(statuses.values()))
    squares = task_squares([(t.title(language), statuses[t.id], words[statuses[t.id]]) for _, t in scope.tasks()],
                           text(language, "pictures.tasks").format(counts=counts_text(overall, language)))
    return render("tracker/dashboard.md", language, paths.dashboard, **{**common, "source": REPORTS_SOURCE}, latest=latest,
                  overall=counts_row(overall, language, overall_label),
                  group_rows=group_rows, agency_rows=agency_rows, received=received, squares=squares)


def tasks_page(scope: PlanScope, language: Language, statuses: dict[str, Status], today: dt.date, common: dict) -> str:
    reported = histories(scope)
    paths: PlanPaths = common["paths"]
    plan = scope.plan
    groups: list[Group | None] = [None, *plan.groups] if plan.common_tasks else list(plan.groups)
    sections = []
    for group in groups:
        tasks = plan.common_tasks if group is None else group.tasks
        sections.append(dict(heading=group_heading(group, language), anchor=group_anchor(group),
                             title=group.title(language) if group else "", path=paths.group(group) if group else "",
                             tasks=[task_view(scope, t, language, statuses[t.id], reported[t.id], today) for t in tasks]))
    head = [text(language, f"tracker.{key}") for key in ("report_date", "period", "reporter", "status", "note", "indicators")]
    return render("tracker/tasks.md", language, paths.tasks, **common, groups=sections, history_head=head)


def timing_text(scope: PlanScope, task: Task, language: Language) -> str:
    if task.deadline is None:
        return text(language, "tracker.not_stated")
    end = plan_due(scope, task.deadline, language)
    if task.start:
        return text(language, "tracker.from_to").format(start=date_text(task.start, language), end=end)
    return text(language, "tracker.until").format(end=end)


def task_view(scope: PlanScope, task: Task, language: Language, status: Status, reported: list[Reported],
              today: dt.date) -> dict:
    history = []
    for item in reported:
        report, entry = item.report, item.entry
        history.append(dict(
            iso=report.date.isoformat(), date=date_text(report.date, language),
            period=f"{date_text(report.period.start, language)} – {date_text(report.period.end, language)}",
            agency=agency_ref(scope, report.agency, language), status=entry.status, note=entry.note(language),
            indicators=[dict(name=i.name(language), value=format_decimal(i.value, locale=language), unit=i.unit(language),
                             date=date_text(i.date, language), source=i.source(language)) for i in entry.indicators]))
    return dict(id=task.id, title=task.title(language), description=task.description(language),
                lead=agency_ref(scope, task.lead, language) if task.lead else None,
                partners=[agency_ref(scope, a, language) for a in task.partners],
                timing=timing_text(scope, task, language), expected=task.expected_result(language), status=status,
                as_of=date_text(reported[-1].report.date, language) if reported else "", history=history)


def matrix_page(scope: PlanScope, language: Language, common: dict) -> str:
    """A row for the whole plan (its lead, partners and coordinating bodies), then a row per group whose tasks
    name bodies of their own."""
    agencies, whole = involved_agencies(scope), plan_roles(scope)
    rows = [dict(anchor="ca-ke-hoach", heading=text(language, "tracker.whole_plan"),
                 cells=[[plan_role_text(scope, a, whole[a], language)] if a in whole else [] for a in agencies])]
    for group, tasks in [(None, scope.plan.common_tasks), *((g, g.tasks) for g in scope.plan.groups)]:
        if not any(t.lead or t.partners for t in tasks):
            continue
        cells = []
        for agency_id in agencies:
            parts = [text(language, "tracker.role_lead")] if any(t.lead == agency_id for t in tasks) else []
            parts += [text(language, "tracker.role_partner")] if any(agency_id in t.partners for t in tasks) else []
            cells.append(parts)
        rows.append(dict(anchor=group_anchor(group), heading=group_heading(group, language), cells=cells))
    return render("tracker/matrix.md", language, common["paths"].matrix, **common,
                  agencies=[agency_ref(scope, a, language) for a in agencies], rows=rows)


def plan_role_text(scope: PlanScope, agency_id: str, role: str, language: Language) -> str:
    if role != "coordination":
        return text(language, f"tracker.role_{role}")
    matters = [c.on(language) for c in scope.plan.organisation.coordination if agency_id in c.agencies]
    return text(language, "tracker.role_coordination_on").format(on=", ".join(matters))


def timeline_page(scope: PlanScope, language: Language, today: dt.date, common: dict) -> str:
    past, upcoming = split_timeline(milestones(scope), today)

    def views(items):
        """Each milestone with its source; a date that is the site's reading of the plan's words says so, and
        names those words as its source."""
        found = []
        for m in items:
            stated = reading(scope, m.date)
            found.append(dict(iso=due_iso(m.date), date=due_text(m.date, language), title=m.title(language),
                              source=m.source(language), url=m.url, reading=stated(language) if stated else ""))
        return found

    return render("tracker/timeline.md", language, common["paths"].timeline, **common,
                  today=date_text(today, language), past=views(past), upcoming=views(upcoming),
                  picture=timeline(scope, language, today))


def directory_page(data: SiteData, language: Language, today: dt.date) -> str:
    """One entry per agency, at #<agency id>: what a page of its own would say when there is no more."""
    entries = []
    for agency in data.agencies.values():
        plan_roles = []
        for scope in data.scopes():
            led, joined = roles(scope, agency.id)
            plan_roles += task_roles(scope, len(led), len(joined), language)
            plan_roles += [dict(text=role, path="") for role in other_roles(scope, agency.id, language)]
        holder = holder_view(data, agency, language)
        entries.append(dict(agency=agency, ref=agency_ref(data, agency.id, language), roles=plan_roles, holder=holder,
                            predecessors=[agency_ref(data, a, language) for a in predecessors(data, agency.id)]))
    # No body's website or contact recorded: the page of unknowns says why, when it has an entry on contacts.
    recorded = any(a.website or a.contact(language) for a in data.agencies.values())
    return render("tracker/directory.md", language, AGENCIES, source=AGENCIES_SOURCE, entries=entries,
                  contact_unknown="" if recorded else unknown_targets(data, language, today)(CONTACT))


def task_roles(scope: PlanScope, led: int, joined: int, language: Language) -> list[dict]:
    """How many of a plan's tasks an agency leads and joins, each linking to the plan's responsibility matrix."""
    found = []
    for key, n in (("directory.leads", led), ("directory.joins", joined)):
        if n:
            found.append(dict(text=fill(language, key, n=n), path=PlanPaths(scope.plan).matrix))
    if len(scope.data.plans) > 1:
        found = [dict(item, text=f"{scope.plan.short_title(language)}: {item['text']}") for item in found]
    return found


def other_roles(scope: PlanScope, agency_id: str, language: Language) -> list[str]:
    """What a plan says of an agency besides tasks: it issued it, underpins it, runs it, or hears from it."""
    plan, found = scope.plan, []
    if plan.issued.by == agency_id:
        found.append(text(language, "tracker.role_issuer"))
    if plan.legal_basis.by == agency_id:
        found.append(text(language, "tracker.role_basis").format(document=document_name(scope, language)))
    if plan.organisation.standing_agency == agency_id:
        found.append(text(language, "tracker.role_standing"))
    if agency_id in plan.organisation.partners:
        found.append(text(language, "tracker.role_plan_partner"))
    found += [text(language, "tracker.role_coordination").format(on=c.on(language))
              for c in plan.organisation.coordination if agency_id in c.agencies]
    if agency_id in plan.organisation.reports_to:
        found.append(text(language, "tracker.role_reports_to"))
    # With several plans, each role names its plan.
    if len(scope.data.plans) > 1:
        found = [f"{plan.short_title(language)}: {role}" for role in found]
    return found


def agency_page(data: SiteData, agency: Agency, language: Language, today: dt.date) -> str:
    page = agency_path(agency.id)
    earlier = predecessors(data, agency.id)
    led, joined, extra, sent, statuses = [], [], [], [], []
    for scope in data.scopes():
        scope_led, scope_joined = roles(scope, agency.id)
        led += task_lines(scope, [t for _, t in scope_led], language, today)
        joined += task_lines(scope, [t for _, t in scope_joined], language, today)
        current = current_statuses(scope)
        statuses += [current[t.id] for _, t in scope_led + scope_joined]
        extra += other_roles(scope, agency.id, language)
        sent += [f"{date_text(r.date, language)}: {date_text(r.period.start, language)} – {date_text(r.period.end, language)}"
                 for _, r in reports_by(scope, [agency.id, *earlier])]
    return render("tracker/agency.md", language, page, source=AGENCIES_SOURCE, agency=agency,
                  holder=holder_view(data, agency, language),
                  predecessors=[agency_ref(data, a, language) for a in earlier], other_roles=extra,
                  led=led, joined=joined, head=counts_head(language),
                  counts=counts_row(count(statuses), language, agency.name(language)), sent=sent)
