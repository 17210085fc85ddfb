"""The tracker's pages, generated from the plan, the agencies and the progress reports, one language at a time."""
from __future__ import annotations

import datetime as dt
from html import escape

from babel.numbers import format_decimal

from .html_blocks import counts_cells, html_table, status_badge, status_bar, status_legend
from .languages import date_text, due_iso, due_text
from .escaping import markdown_text as md
from .markdown import bullet_list, front_matter, group_label, group_path, href, link
from .model import NO_REPORT, STATUSES, Agency, Group, Language, Status, Task
from .progress import (STATUS_LABELS, Reported, agency_counts, count, current_statuses, group_counts, histories,
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

WORDS: dict[Language, dict[str, str]] = {
    "vi": {
        "dashboard": "Theo dõi tiến độ",
        "dashboard_intro": "Tình hình thực hiện từng nhiệm vụ, tổng hợp từ các báo cáo tiến độ của các cơ quan.",
        "no_reports": "Chưa có báo cáo tiến độ nào. Văn bản nguồn không nêu kết quả thực hiện, nên mọi nhiệm vụ "
                      "đang ở trạng thái \"Chưa có báo cáo\".",
        "latest": "Báo cáo mới nhất: ngày {date}.",
        "overall": "Toàn bộ Kế hoạch",
        "by_group": "Theo nhóm",
        "by_agency": "Theo cơ quan",
        "by_group_caption": "Số nhiệm vụ theo tình trạng, theo nhóm nội dung",
        "by_agency_caption": "Số nhiệm vụ theo tình trạng, theo cơ quan chủ trì hoặc phối hợp",
        "overall_caption": "Số nhiệm vụ theo tình trạng, toàn bộ Kế hoạch",
        "total": "Tổng số",
        "chart": "Biểu đồ",
        "received": "Các báo cáo đã nhận",
        "report_line": "{date}: {agency}, kỳ {start} – {end} ({n} nhiệm vụ)",
        "tasks": "Nhiệm vụ và lịch sử báo cáo",
        "tasks_intro": "Mỗi nhiệm vụ có địa chỉ riêng để dẫn tới (phần sau dấu #) và không đổi.",
        "source_limits": "Văn bản nguồn chỉ nêu tên các nhóm hoạt động; giao {standing} chủ trì, phối hợp với các "
                         "sở, ban, ngành tỉnh và địa phương có liên quan thực hiện toàn bộ Kế hoạch; chỉ nêu mốc "
                         "cuối năm 2021 và năm {horizon}. Văn bản không nêu cơ quan chủ trì, thời hạn hay kết quả dự "
                         "kiến riêng cho từng nhiệm vụ, nên trang chỉ ghi những gì văn bản nêu.",
        "lead": "Cơ quan chủ trì",
        "partners": "Cơ quan phối hợp",
        "timing": "Thời gian",
        "from_to": "từ {start} đến {end}",
        "until": "đến {end}",
        "not_stated": "văn bản nguồn không nêu",
        "expected": "Kết quả dự kiến",
        "status": "Tình trạng",
        "as_of": "theo báo cáo ngày {date}",
        "history": "Lịch sử báo cáo",
        "history_caption": "Các báo cáo về nhiệm vụ: {task}",
        "no_history": "Chưa có báo cáo.",
        "report_date": "Ngày báo cáo",
        "period": "Kỳ báo cáo",
        "reporter": "Cơ quan báo cáo",
        "note": "Ghi chú",
        "indicators": "Chỉ số",
        "indicator": "{name}: {value} {unit} (ngày {date}; nguồn: {source})",
        "matrix": "Ma trận trách nhiệm",
        "matrix_intro": "Vai trò của từng cơ quan trong mỗi nhóm nội dung, theo các nhiệm vụ ghi trong Kế hoạch.",
        "matrix_caption": "Cơ quan chủ trì và phối hợp theo nhóm nội dung",
        "matrix_group": "Nhóm nội dung",
        "role_lead": "Chủ trì",
        "role_partner": "Phối hợp",
        "timeline": "Mốc thời gian",
        "timeline_intro": "Các mốc của Kế hoạch, chia theo ngày tạo trang ({today}).",
        "past": "Đã qua",
        "upcoming": "Sắp tới",
        "none_past": "Chưa có mốc nào đã qua.",
        "none_upcoming": "Không còn mốc nào sắp tới trong dữ liệu hiện có.",
        "source": "Nguồn",
        "agencies": "Cơ quan",
        "directory": "Danh bạ cơ quan",
        "directory_intro": "Các cơ quan, tổ chức được nêu trong Kế hoạch và vai trò của từng cơ quan.",
        "directory_caption": "Các cơ quan được nêu trong Kế hoạch",
        "agency": "Cơ quan",
        "short_name": "Tên viết tắt",
        "kind": "Loại",
        "leads_count": "Số nhiệm vụ chủ trì",
        "joins_count": "Số nhiệm vụ phối hợp",
        "website": "Trang web",
        "contact": "Liên hệ",
        "unknown": "chưa có thông tin",
        "successor": "Cơ quan này đã được thay bằng {successor}; các báo cáo cũ vẫn giữ tên cơ quan này.",
        "predecessors": "Tiếp nhận nhiệm vụ của: {names}.",
        "other_roles": "Vai trò khác trong Kế hoạch",
        "role_issuer": "Ban hành Kế hoạch.",
        "role_basis": "Ban hành {decision}, căn cứ của Kế hoạch.",
        "role_standing": "Cơ quan thường trực thực hiện Kế hoạch.",
        "role_reports_to": "Nhận báo cáo kết quả thực hiện từ cơ quan thường trực.",
        "leads": "Nhiệm vụ chủ trì",
        "joins": "Nhiệm vụ phối hợp",
        "none_leads": "Không chủ trì nhiệm vụ nào.",
        "none_joins": "Không phối hợp nhiệm vụ nào.",
        "progress": "Tiến độ",
        "agency_caption": "Số nhiệm vụ theo tình trạng: {agency}",
        "sent": "Báo cáo đã gửi",
        "none_sent": "Chưa có báo cáo.",
        "task_line": "[{title}]({target}): chủ trì {lead}; thời hạn {deadline}; {status}",
        "group_tasks_note": "Văn bản nguồn chỉ nêu tên nhóm hoạt động này; giao {standing} chủ trì toàn bộ Kế hoạch và "
                            "không nêu thời hạn riêng ngoài mốc năm {horizon}.",
        "group_progress": "Tình trạng các nhiệm vụ của nhóm",
        "group_no_report": "Chưa có báo cáo. Văn bản nguồn chưa nêu kết quả thực hiện của nhóm này.",
        "see_dashboard": "Xem trang theo dõi tiến độ",
        "decision": "Quyết định số {number}",
    },
    "en": {
        "dashboard": "Progress tracker",
        "dashboard_intro": "Where each task of the plan stands, compiled from the agencies' progress reports.",
        "no_reports": "No progress report has been published yet. The source text gives no results, so every task "
                      "shows \"No report yet\".",
        "latest": "Latest report: {date}.",
        "overall": "The whole plan",
        "by_group": "By group",
        "by_agency": "By agency",
        "by_group_caption": "Tasks by status, per content group",
        "by_agency_caption": "Tasks by status, per agency leading or taking part",
        "overall_caption": "Tasks by status, whole plan",
        "total": "Total",
        "chart": "Chart",
        "received": "Reports received",
        "report_line": "{date}: {agency}, period {start} – {end} ({n} task(s))",
        "tasks": "Tasks and report history",
        "tasks_intro": "Each task has its own address to link to (the part after #), which does not change.",
        "source_limits": "The source text names each group's activities only. It gives the whole plan to the "
                         "{standing}, which leads and works with the provincial departments, agencies and the "
                         "localities concerned, and sets no dates other than the end of 2021 and {horizon}. It "
                         "names no lead, deadline or expected result per task, so this page shows only what it says.",
        "lead": "Lead agency",
        "partners": "Partner agencies",
        "timing": "Timing",
        "from_to": "from {start} to {end}",
        "until": "by {end}",
        "not_stated": "not stated in the source text",
        "expected": "Expected result",
        "status": "Status",
        "as_of": "as reported on {date}",
        "history": "Report history",
        "history_caption": "Reports on the task: {task}",
        "no_history": "No report yet.",
        "report_date": "Report date",
        "period": "Reporting period",
        "reporter": "Reporting agency",
        "note": "Note",
        "indicators": "Indicators",
        "indicator": "{name}: {value} {unit} ({date}; source: {source})",
        "matrix": "Responsibility matrix",
        "matrix_intro": "The part each agency plays in each content group, from the tasks set out in the plan.",
        "matrix_caption": "Lead and partner agencies by content group",
        "matrix_group": "Content group",
        "role_lead": "Leads",
        "role_partner": "Partner",
        "timeline": "Timeline",
        "timeline_intro": "The plan's milestones, as of the day this page was built ({today}).",
        "past": "Past",
        "upcoming": "Upcoming",
        "none_past": "No milestone has passed yet.",
        "none_upcoming": "No upcoming milestone in the current data.",
        "source": "Source",
        "agencies": "Agencies",
        "directory": "Agency directory",
        "directory_intro": "The bodies named in the plan and the part each one plays.",
        "directory_caption": "Bodies named in the plan",
        "agency": "Agency",
        "short_name": "Short name",
        "kind": "Kind",
        "leads_count": "Tasks led",
        "joins_count": "Tasks joined",
        "website": "Website",
        "contact": "Contact",
        "unknown": "not known",
        "successor": "This body has been replaced by the {successor}; earlier reports keep this body's name.",
        "predecessors": "Took over the tasks of: {names}.",
        "other_roles": "Other roles in the plan",
        "role_issuer": "Issued the plan.",
        "role_basis": "Issued {decision}, the plan's legal basis.",
        "role_standing": "Standing agency for the plan.",
        "role_reports_to": "Receives the standing agency's reports on results.",
        "leads": "Tasks it leads",
        "joins": "Tasks it joins",
        "none_leads": "Leads no task.",
        "none_joins": "Joins no task.",
        "progress": "Progress",
        "agency_caption": "Tasks by status: {agency}",
        "sent": "Reports sent",
        "none_sent": "No report yet.",
        "task_line": "[{title}]({target}): led by the {lead}; deadline {deadline}; {status}",
        "group_tasks_note": "The source text names this group's activities only; it gives the whole plan to the "
                            "{standing} and sets no deadline of its own beyond {horizon}.",
        "group_progress": "Status of the group's tasks",
        "group_no_report": "No report yet. The source text gives no results for this group.",
        "see_dashboard": "See the progress tracker",
        "decision": "Decision {number}",
    },
}

KIND_LABELS: dict[Language, dict[str, str]] = {
    "vi": {"government": "Chính phủ", "ministry": "Bộ, ngành trung ương", "committee": "Ủy ban nhân dân",
           "provincial-department": "Sở, ban, ngành tỉnh", "mass-organisation": "Mặt trận, đoàn thể",
           "locality": "Địa phương"},
    "en": {"government": "Government", "ministry": "Ministry", "committee": "People's committee",
           "provincial-department": "Provincial department or agency", "mass-organisation": "Front or mass organisation",
           "locality": "Locality"},
}


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
    return [DASHBOARD, TASKS, MATRIX, TIMELINE, {WORDS[language]["agencies"]: agencies}, OPEN_DATA]


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
    words = WORDS[language]
    if task.deadline is None:
        return words["not_stated"]
    end = due_text(task.deadline, language)
    return words["from_to"].format(start=date_text(task.start, language), end=end) if task.start else words["until"].format(end=end)


def task_line(data: SiteData, task: Task, language: Language, statuses: dict[str, Status], page: str) -> str:
    """One line per task: title with its anchor, lead, deadline, status."""
    deadline = due_text(task.deadline, language) if task.deadline is not None else WORDS[language]["not_stated"]
    return WORDS[language]["task_line"].format(
        title=md(task.title(language)), target=task_target(task, page), lead=md(data.agency(task.lead).name(language)),
        deadline=deadline, status=status_badge(statuses[task.id], language))


def task_list(data: SiteData, tasks: list[Task], language: Language, page: str, empty: str) -> str:
    if not tasks:
        return empty + "\n"
    statuses = current_statuses(data)
    return bullet_list([task_line(data, t, language, statuses, page) for t in tasks])


def counts_head(language: Language, first: str) -> list[str]:
    words = WORDS[language]
    return [first, *(escape(STATUS_LABELS[language][s]) for s in STATUSES), words["total"], words["chart"]]


def agency_link(data: SiteData, agency_id: str, language: Language, page: str) -> str:
    return f"[{md(data.agency(agency_id).name(language))}]({link(agency_path(agency_id), page)})"


def agency_href(data: SiteData, agency_id: str, language: Language, page: str) -> str:
    return f'<a href="{href(agency_path(agency_id), page)}">{escape(data.agency(agency_id).name(language))}</a>'


def standing_name(data: SiteData, language: Language) -> str:
    """The standing agency's name, as Markdown."""
    return md(data.agency(data.plan.organisation.standing_agency).name(language))


# ---- sections of the plan's group pages

def group_tasks_section(data: SiteData, group: Group, language: Language, page: str) -> str:
    note = WORDS[language]["group_tasks_note"].format(standing=standing_name(data, language),
                                                      horizon=data.plan.horizon_year)
    return task_list(data, group.tasks, language, page, "") + "\n" + note + "\n"


def group_progress_section(data: SiteData, group: Group, language: Language, page: str) -> str:
    statuses = current_statuses(data)
    counts = count([statuses[t.id] for t in group.tasks])
    words = WORDS[language]
    unknown = f"{words['group_no_report']}\n\n" if counts[NO_REPORT] == len(group.tasks) else ""
    return (unknown + status_bar(counts, language, words["group_progress"]) + "\n\n"
            + f"[{words['see_dashboard']}]({link(DASHBOARD, page)}#{group_anchor(group)})\n")


# ---- the pages

def dashboard_page(data: SiteData, language: Language, statuses: dict[str, Status]) -> str:
    words, page = WORDS[language], DASHBOARD
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
    words, page = WORDS[language], TASKS
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
    words = WORDS[language]
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
    words = WORDS[language]
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
    words, page = WORDS[language], MATRIX
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
    words = WORDS[language]
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
    words, page = WORDS[language], AGENCIES
    rows = []
    for agency in data.agencies.values():
        led, joined = roles(data, agency.id)
        rows.append((agency_href(data, agency.id, language, page),
                     [escape(agency.short_name(language)), escape(KIND_LABELS[language][agency.kind]),
                      str(len(led)), str(len(joined))]))
    head = [words["agency"], words["short_name"], words["kind"], words["leads_count"], words["joins_count"]]
    return (
        front_matter(words["directory_intro"], AGENCIES_SOURCE)
        + f"# {words['directory']}\n\n{words['directory_intro']}\n\n"
        + html_table(words["directory_caption"], head, rows)
    )


def other_roles(data: SiteData, agency_id: str, language: Language) -> list[str]:
    """What the plan says of an agency besides tasks: it issued it, underpins it, runs it, or hears from it."""
    words, plan = WORDS[language], data.plan
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
    words, page = WORDS[language], agency_path(agency.id)
    led, joined = roles(data, agency.id)
    website = f"<{agency.website}>" if agency.website else words["unknown"]
    facts = [
        f"**{words['short_name']}:** {md(agency.short_name(language))}",
        f"**{words['kind']}:** {KIND_LABELS[language][agency.kind]}",
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
