"""The tracker's pages, generated from the plan, the agencies and the progress reports, one language at a time."""
from __future__ import annotations

import datetime as dt
from html import escape

from babel.numbers import format_decimal

from .catalogue import section
from .html_blocks import counts_cells, html_table, status_badge, status_bar, status_legend
from .languages import date_text, due_iso, due_text
from .escaping import markdown_text as md
from .markdown import bullet_list, front_matter, group_label, group_path, href, link
from .model import NO_REPORT, STATUSES, Agency, Group, Language, Status, Task
from .progress import (Reported, agency_counts, count, current_statuses, group_counts, histories,
                       involved_agencies, milestones, predecessors, reports_by, roles, split_timeline)
from .sitedata import SiteData

DASHBOARD = "theo-doi/index.md"
TASKS = "theo-doi/nhiem-vu.md"
MATRIX = "theo-doi/trach-nhiem.md"
TIMELINE = "theo-doi/moc-thoi-gian.md"
AGENCIES = "theo-doi/co-quan/index.md"
OPEN_DATA = "theo-doi/du-lieu-mo.md"
AGENCIES_SOURCE = "data/agencies.yml"
REPORTS_SOURCE = "data/reports/README.md"


def tracker_pages(data: SiteData, language: Language, today: dt.date) -> dict[str, str]:
    """Every tracker page: source path -> Markdown."""
    statuses = current_statuses(data)
    pages = {
        DASHBOARD: dashboard_page(data, language, statuses),
        TASKS: tasks_page(data, language, statuses),
        MATRIX: matrix_page(data, language),
        TIMELINE: timeline_page(data, language, today),
        AGENCIES: directory_page(data, language),
    }
    for agency in data.agencies.values():
        pages[agency_path(agency.id)] = agency_page(data, agency, language, statuses)
    return pages


def tracker_navigation(data: SiteData, language: Language) -> list:
    """The tracker's menu entries in reading order, the agency pages in their own section."""
    agencies = [AGENCIES, *(agency_path(a) for a in data.agencies)]
    return [DASHBOARD, TASKS, MATRIX, TIMELINE, {section(language, "tracker")["agencies"]: agencies}, OPEN_DATA]


def agency_path(agency_id: str) -> str:
    return f"theo-doi/co-quan/{agency_id}.md"


def task_target(task: Task, page: str) -> str:
    """The task's stable anchor on the tasks page."""
    return f"{link(TASKS, page)}#{task.id}"


def group_anchor(group: Group | None) -> str:
    return "nhiem-vu-chung" if group is None else f"nhom-{group.number}"


def group_heading(group: Group | None, language: Language) -> str:
    label = group_label(group, language)
    return label if group is None else f"{label}: {group.title(language)}"


# ---- pieces used on several pages

def timing_text(task: Task, language: Language) -> str:
    words = section(language, "tracker")
    if task.deadline is None:
        return words["not_stated"]
    end = due_text(task.deadline, language)
    return words["from_to"].format(start=date_text(task.start, language), end=end) if task.start else words["until"].format(end=end)


def task_line(data: SiteData, task: Task, language: Language, statuses: dict[str, Status], page: str) -> str:
    """One line per task: title with its anchor, lead, deadline, status."""
    deadline = due_text(task.deadline, language) if task.deadline is not None else section(language, "tracker")["not_stated"]
    return section(language, "tracker")["task_line"].format(
        title=md(task.title(language)), target=task_target(task, page), lead=md(data.agency(task.lead).name(language)),
        deadline=deadline, status=status_badge(statuses[task.id], language))


def task_list(data: SiteData, tasks: list[Task], language: Language, page: str, empty: str) -> str:
    if not tasks:
        return empty + "\n"
    statuses = current_statuses(data)
    return bullet_list([task_line(data, t, language, statuses, page) for t in tasks])


def counts_head(language: Language, first: str) -> list[str]:
    words = section(language, "tracker")
    return [first, *(escape(section(language, "statuses")[s]) for s in STATUSES), words["total"], words["chart"]]


def agency_link(data: SiteData, agency_id: str, language: Language, page: str) -> str:
    return f"[{md(data.agency(agency_id).name(language))}]({link(agency_path(agency_id), page)})"


def agency_href(data: SiteData, agency_id: str, language: Language, page: str) -> str:
    return f'<a href="{href(agency_path(agency_id), page)}">{escape(data.agency(agency_id).name(language))}</a>'


def standing_name(data: SiteData, language: Language) -> str:
    """The standing agency's name, as Markdown."""
    return md(data.agency(data.plan.organisation.standing_agency).name(language))


# ---- sections of the plan's group pages

def group_tasks_section(data: SiteData, group: Group, language: Language, page: str) -> str:
    note = section(language, "tracker")["group_tasks_note"].format(standing=standing_name(data, language),
                                                      horizon=data.plan.horizon_year)
    return task_list(data, group.tasks, language, page, "") + "\n" + note + "\n"


def group_progress_section(data: SiteData, group: Group, language: Language, page: str) -> str:
    statuses = current_statuses(data)
    counts = count([statuses[t.id] for t in group.tasks])
    words = section(language, "tracker")
    unknown = f"{words['group_no_report']}\n\n" if counts[NO_REPORT] == len(group.tasks) else ""
    return (unknown + status_bar(counts, language, words["group_progress"]) + "\n\n"
            + f"[{words['see_dashboard']}]({link(DASHBOARD, page)}#{group_anchor(group)})\n")


# ---- the pages

def dashboard_page(data: SiteData, language: Language, statuses: dict[str, Status]) -> str:
    words, page = section(language, "tracker"), DASHBOARD
    overall = count(list(statuses.values()))
    if data.reports:
        state = words["latest"].format(date=date_text(list(data.reports.values())[-1].date, language))
    else:
        state = f'!!! note ""\n\n    {words["no_reports"]}'
    group_rows = [(f'<a id="{group_anchor(g)}" href="{href(TASKS, page)}#{group_anchor(g)}">'
                   f"{escape(group_heading(g, language))}</a>",
                   counts_cells(counts, language, group_heading(g, language)))
                  for g, counts in group_counts(data, statuses)]
    agency_rows = [(agency_href(data, a, language, page),
                    counts_cells(counts, language, data.agency(a).name(language)))
                   for a, counts in agency_counts(data, statuses)]
    received = [words["report_line"].format(
        date=date_text(r.date, language), agency=agency_link(data, r.agency, language, page),
        start=date_text(r.period.start, language), end=date_text(r.period.end, language), n=len(r.tasks))
        for r in data.reports.values()]
    return (
        front_matter(words["dashboard_intro"], REPORTS_SOURCE)
        + f"# {words['dashboard']}\n\n{words['dashboard_intro']}\n\n{state}\n\n"
        + status_legend(language) + "\n"
        + f"## {words['overall']}\n\n"
        + html_table(words["overall_caption"], counts_head(language, words["overall"]),
                     [(escape(words["overall"]), counts_cells(overall, language, words["overall"]))], "status-table") + "\n"
        + f"## {words['by_group']}\n\n"
        + html_table(words["by_group_caption"], counts_head(language, words["matrix_group"]), group_rows, "status-table") + "\n"
        + f"## {words['by_agency']}\n\n"
        + html_table(words["by_agency_caption"], counts_head(language, words["agency"]), agency_rows, "status-table") + "\n"
        + f"## {words['received']}\n\n"
        + (bullet_list(received) if received else words["no_reports"] + "\n")
    )


def tasks_page(data: SiteData, language: Language, statuses: dict[str, Status]) -> str:
    words, page = section(language, "tracker"), TASKS
    reported = histories(data)
    sections = []
    groups: list[Group | None] = [None, *data.plan.groups] if data.plan.common_tasks else list(data.plan.groups)
    for group in groups:
        tasks = data.plan.common_tasks if group is None else group.tasks
        heading = f"## {md(group_heading(group, language))} {{ #{group_anchor(group)} }}\n\n"
        if group is not None:
            heading += f"[{md(group.title(language))}]({link(group_path(group), page)})\n\n"
        sections.append(heading + "".join(task_section(data, t, language, statuses[t.id], reported[t.id], page)
                                          for t in tasks))
    source_limits = words["source_limits"].format(standing=standing_name(data, language), horizon=data.plan.horizon_year)
    return (
        front_matter(words["tasks_intro"])
        + f"# {words['tasks']}\n\n{source_limits}\n\n{words['tasks_intro']}\n\n"
        + "\n".join(sections)
    )


def task_section(data: SiteData, task: Task, language: Language, status: Status, reported: list[Reported],
                 page: str) -> str:
    words = section(language, "tracker")
    partners = ", ".join(agency_link(data, a, language, page) for a in task.partners) or words["not_stated"]
    state = status_badge(status, language)
    if reported:
        state += " " + words["as_of"].format(date=date_text(reported[-1].report.date, language))
    facts = [
        f"**{words['lead']}:** {agency_link(data, task.lead, language, page)}",
        f"**{words['partners']}:** {partners}",
        f"**{words['timing']}:** {timing_text(task, language)}",
        f"**{words['expected']}:** {md(task.expected_result(language)) or words['not_stated']}",
        f"**{words['status']}:** {state}",
    ]
    description = f"{md(task.description(language))}\n\n" if task.description(language) else ""
    return (f"### {md(task.title(language))} {{ #{task.id} }}\n\n{description}" + bullet_list(facts) + "\n"
            + f"**{words['history']}**\n\n" + history_table(data, task, language, reported, page) + "\n")


def history_table(data: SiteData, task: Task, language: Language, reported: list[Reported], page: str) -> str:
    words = section(language, "tracker")
    if not reported:
        return words["no_history"] + "\n"
    rows = []
    for item in reported:
        report, entry = item.report, item.entry
        indicators = "<br>".join(escape(words["indicator"].format(
            name=i.name(language), value=format_decimal(i.value, locale=language), unit=i.unit(language),
            date=date_text(i.date, language), source=i.source(language))) for i in entry.indicators)
        period = f"{date_text(report.period.start, language)} – {date_text(report.period.end, language)}"
        rows.append((f'<time datetime="{report.date.isoformat()}">{date_text(report.date, language)}</time>',
                     [escape(period), agency_href(data, report.agency, language, page),
                      status_badge(entry.status, language), escape(entry.note(language)), indicators]))
    head = [words["report_date"], words["period"], words["reporter"], words["status"], words["note"], words["indicators"]]
    return html_table(words["history_caption"].format(task=task.title(language)), head, rows)


def matrix_page(data: SiteData, language: Language) -> str:
    words, page = section(language, "tracker"), MATRIX
    agencies = involved_agencies(data)
    head = [words["matrix_group"], *(f'<a href="{href(agency_path(a), page)}"><abbr title="{escape(data.agency(a).name(language))}">'
                                     f"{escape(data.agency(a).short_name(language))}</abbr></a>" for a in agencies)]
    rows = []
    for group, tasks in [(None, data.plan.common_tasks), *((g, g.tasks) for g in data.plan.groups)]:
        if group is None and not tasks:
            continue
        cells = []
        for agency_id in agencies:
            parts = [words["role_lead"]] if any(t.lead == agency_id for t in tasks) else []
            parts += [words["role_partner"]] if any(agency_id in t.partners for t in tasks) else []
            cells.append(", ".join(parts))
        rows.append((f'<a href="{href(TASKS, page)}#{group_anchor(group)}">{escape(group_heading(group, language))}</a>',
                     cells))
    return (
        front_matter(words["matrix_intro"])
        + f"# {words['matrix']}\n\n{words['matrix_intro']}\n\n"
        + words["source_limits"].format(standing=standing_name(data, language), horizon=data.plan.horizon_year) + "\n\n"
        + html_table(words["matrix_caption"], head, rows, "matrix-table")
    )


def timeline_page(data: SiteData, language: Language, today: dt.date) -> str:
    words = section(language, "tracker")
    past, upcoming = split_timeline(milestones(data), today)

    def entries(items, empty: str) -> str:
        if not items:
            return empty + "\n"
        return bullet_list([f'<time datetime="{due_iso(m.date)}">**{due_text(m.date, language)}**</time>: '
                            f"{md(m.title(language))}. {words['source']}: {md(m.source(language))}." for m in items])

    return (
        front_matter(words["timeline_intro"].format(today=date_text(today, language)))
        + f"# {words['timeline']}\n\n{words['timeline_intro'].format(today=date_text(today, language))}\n\n"
        + f"## {words['past']}\n\n" + entries(past, words["none_past"]) + "\n"
        + f"## {words['upcoming']}\n\n" + entries(upcoming, words["none_upcoming"])
    )


def directory_page(data: SiteData, language: Language) -> str:
    words, page = section(language, "tracker"), AGENCIES
    rows = []
    for agency in data.agencies.values():
        led, joined = roles(data, agency.id)
        rows.append((agency_href(data, agency.id, language, page),
                     [escape(agency.short_name(language)), escape(section(language, "agency_kinds")[agency.kind]),
                      str(len(led)), str(len(joined))]))
    head = [words["agency"], words["short_name"], words["kind"], words["leads_count"], words["joins_count"]]
    return (
        front_matter(words["directory_intro"], AGENCIES_SOURCE)
        + f"# {words['directory']}\n\n{words['directory_intro']}\n\n"
        + html_table(words["directory_caption"], head, rows)
    )


def other_roles(data: SiteData, agency_id: str, language: Language) -> list[str]:
    """What the plan says of an agency besides tasks: it issued it, underpins it, runs it, or hears from it."""
    words, plan = section(language, "tracker"), data.plan
    roles_text = []
    if plan.issued.by == agency_id:
        roles_text.append(words["role_issuer"])
    if plan.legal_basis.by == agency_id:
        roles_text.append(words["role_basis"].format(decision=words["decision"].format(number=plan.legal_basis.number)))
    if plan.organisation.standing_agency == agency_id:
        roles_text.append(words["role_standing"])
    if agency_id in plan.organisation.reports_to:
        roles_text.append(words["role_reports_to"])
    return roles_text


def agency_page(data: SiteData, agency: Agency, language: Language, statuses: dict[str, Status]) -> str:
    words, page = section(language, "tracker"), agency_path(agency.id)
    led, joined = roles(data, agency.id)
    website = f"<{agency.website}>" if agency.website else words["unknown"]
    facts = [
        f"**{words['short_name']}:** {md(agency.short_name(language))}",
        f"**{words['kind']}:** {section(language, 'agency_kinds')[agency.kind]}",
        f"**{words['website']}:** {website}",
        f"**{words['contact']}:** {md(agency.contact(language)) or words['unknown']}",
    ]
    lineage = ""
    if agency.successor:
        lineage += words["successor"].format(successor=agency_link(data, agency.successor, language, page)) + "\n\n"
    earlier = predecessors(data, agency.id)
    if earlier:
        names = ", ".join(agency_link(data, a, language, page) for a in earlier)
        lineage += words["predecessors"].format(names=names) + "\n\n"
    extra = other_roles(data, agency.id, language)
    counts = count([statuses[t.id] for _, t in led + joined])
    sent = [f"{date_text(r.date, language)}: {date_text(r.period.start, language)} – {date_text(r.period.end, language)}"
            for _, r in reports_by(data, [agency.id, *earlier])]
    name = agency.name(language)
    return (
        front_matter(f"{name}: {words['leads']}, {words['joins'].lower()}", AGENCIES_SOURCE)
        + f"# {md(name)}\n\n" + bullet_list(facts) + "\n" + lineage
        + (f"## {words['other_roles']}\n\n" + bullet_list(extra) + "\n" if extra else "")
        + f"## {words['leads']}\n\n" + task_list(data, [t for _, t in led], language, page, words["none_leads"]) + "\n"
        + f"## {words['joins']}\n\n" + task_list(data, [t for _, t in joined], language, page, words["none_joins"]) + "\n"
        + f"## {words['progress']}\n\n"
        + html_table(words["agency_caption"].format(agency=name), counts_head(language, words["agency"]),
                     [(escape(agency.short_name(language)), counts_cells(counts, language, name))], "status-table") + "\n"
        + f"## {words['sent']}\n\n" + (bullet_list(sent) if sent else words["none_sent"] + "\n")
    )
