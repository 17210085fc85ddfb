"""Checks that span files: ids are unique, every reference points at something that exists."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from plansite.model import (FRAMEWORKS_FOLDER, LANGUAGES, PLANS_FOLDER, REPORTS_FOLDER, Author, Due, NavSection, Plan, Site,
                    Task)
from plansite.validate.problems import Problem
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
        yield site_doc.problem(("main_plan",), f'không có kế hoạch "{data.site.main_plan}" / unknown plan "{data.site.main_plan}"',
                               "dùng một mã trong data/plans/ / use an id from data/plans/: " + ", ".join(sorted(data.plans)))
    yield from navigation_problems(data.site, site_doc, root)
    yield from author_problems(list(data.authors.values()), documents["data/authors.yml"], root)
    yield from campaign_problems(data, documents["data/campaigns.yml"], root)


def file_id_problems(document: YamlDocument, shown_as: str, item_id: str) -> Iterable[Problem]:
    """A plan or framework is known by its file's name: the id inside must be the same."""
    stem = shown_as.rsplit("/", 1)[-1].removesuffix(".yml")
    if item_id != stem:
        yield document.problem(("id",), f"mã {item_id} khác tên tệp / the id {item_id} differs from the file name {stem}",
                               f"đặt id: {stem} hoặc đổi tên tệp / set id: {stem} or rename the file")


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
    if plan.framework and plan.framework not in data.frameworks:
        yield document.problem(("framework",), f'không có khung "{plan.framework}" / unknown framework "{plan.framework}"',
                               f"thêm data/{FRAMEWORKS_FOLDER}/{plan.framework}.yml hoặc sửa mã / add the file or fix the id")
        return
    framework = data.frameworks.get(plan.framework or "")
    known_parts = {p.id for p in framework.parts} if framework else set()
    for index, group in enumerate(plan.groups):
        if group.framework_part and group.framework_part not in known_parts:
            hint = (f"dùng một mã trong data/{FRAMEWORKS_FOLDER}/{plan.framework}.yml / use a part id from it: "
                    + ", ".join(sorted(known_parts))) if framework else \
                "Kế hoạch chưa ghi framework: bỏ trường này hoặc thêm framework / the plan names no framework"
            yield document.problem(("groups", index, "framework_part"),
                                   f'không có phần "{group.framework_part}" / unknown framework part "{group.framework_part}"', hint)


def site_wide_plan_problems(data: SiteData, plan_files: dict[str, str], documents: dict[str, YamlDocument]) -> Iterable[Problem]:
    """Group ids and page folders are unique across plans; a successor plan exists."""
    seen_groups: dict[str, str] = {}
    seen_folders: dict[str, str] = {}
    for plan_id, shown_as in plan_files.items():
        plan, document = data.plans[plan_id], documents[shown_as]
        for index, group in enumerate(plan.groups):
            if group.id in seen_groups and seen_groups[group.id] != plan_id:
                yield document.problem(("groups", index, "id"), f"mã nhóm đã dùng trong kế hoạch {seen_groups[group.id]} / "
                                       f"group id already used by plan {seen_groups[group.id]}: {group.id}",
                                       "mã nhóm không trùng giữa các kế hoạch / group ids are unique across plans")
            seen_groups.setdefault(group.id, plan_id)
        for kind in ("plan", "tracker"):
            folder = getattr(plan.folders, kind)
            if folder in seen_folders:
                yield document.problem(("pages", kind), f"thư mục {folder} đã dùng cho kế hoạch {seen_folders[folder]} / "
                                       f"folder {folder} is already used by plan {seen_folders[folder]}",
                                       "mỗi kế hoạch một thư mục / one folder per plan")
            seen_folders[folder] = plan_id
        if plan.superseded_by and plan.superseded_by not in data.plans:
            yield document.problem(("superseded_by",), f'không có kế hoạch "{plan.superseded_by}" / unknown plan "{plan.superseded_by}"',
                                   "dùng một mã trong data/plans/ / use an id from data/plans/: " + ", ".join(sorted(data.plans)))


def author_problems(authors: list[Author], document: YamlDocument, root: Path) -> Iterable[Problem]:
    yield from duplicate_ids(document, ("authors",), [a.id for a in authors])
    for index, author in enumerate(authors):
        yield from missing_asset(document, ("authors", index, "avatar"), author.avatar, root)


def campaign_problems(data: SiteData, document: YamlDocument, root: Path) -> Iterable[Problem]:
    """Campaigns serve groups of the plans, and their files exist."""
    campaigns = data.campaigns
    yield from duplicate_ids(document, ("campaigns",), [c.id for c in campaigns])
    known = {g.id for g in data.groups()}
    for c_index, campaign in enumerate(campaigns):
        here = ("campaigns", c_index)
        yield from unknown_groups(document, (*here, "groups"), campaign.groups, known)
        yield from duplicate_ids(document, (*here, "materials"), [m.id for m in campaign.materials])
        yield from duplicate_ids(document, (*here, "events"), [e.id for e in campaign.events])
        for m_index, material in enumerate(campaign.materials):
            yield from unknown_groups(document, (*here, "materials", m_index, "groups"), material.groups, known)
            for language, path in material.files.items():
                yield from missing_asset(document, (*here, "materials", m_index, "files", language), path, root)


def unknown_groups(document: YamlDocument, location: Location, groups: list[str], known: set[str]) -> Iterable[Problem]:
    for index, group in enumerate(groups):
        if group not in known:
            yield document.problem((*location, index), f'không có nhóm "{group}" / unknown group "{group}"',
                                   f"dùng một mã nhóm trong data/{PLANS_FOLDER}/ / use a group id from data/{PLANS_FOLDER}/: "
                                   + ", ".join(sorted(known)))


def missing_asset(document: YamlDocument, location: Location, path: str, root: Path) -> Iterable[Problem]:
    if not (root / "docs" / path).is_file():
        yield document.problem(location, f"không có tệp docs/{path} / file docs/{path} does not exist",
                               "thêm tệp vào docs/assets/ hoặc sửa đường dẫn / add the file under docs/assets/ or fix the path")


def duplicate_ids(document: YamlDocument, location: Location, values: list, field: str = "id",
                  locations: list[Location] | None = None) -> Iterable[Problem]:
    """locations, when given, are where each value's parent stands (for lists spread over a file)."""
    seen: set = set()
    for index, value in enumerate(values):
        if value in seen:
            where = locations[index] if locations else (*location, index)
            yield document.problem((*where, field), f"{field} bị lặp / duplicate {field}: {value}",
                                   f"mỗi {field} chỉ dùng một lần / each {field} must be unique")
        seen.add(value)


def unknown_agencies(data: SiteData, document: YamlDocument, references: list[tuple[Location, str]]) -> Iterable[Problem]:
    known = ", ".join(sorted(data.agencies))
    for location, agency_id in references:
        if agency_id not in data.agencies:
            yield document.problem(location, f'không có cơ quan "{agency_id}" / unknown agency "{agency_id}"',
                                   f"dùng một mã trong data/agencies.yml / use an id from data/agencies.yml: {known}")


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


def deadline_problems(plan: Plan, document: YamlDocument, tasks: list[tuple[Location, Task]]) -> Iterable[Problem]:
    first, last = plan.period.start, plan.period.end
    period = f"{first.isoformat()} – {last.isoformat()}"
    for location, task in tasks:
        for field, value in (("start", task.start), ("deadline", task.deadline)):
            if value is None:
                continue
            begins, ends = due_range(value)
            if ends < first or begins > last:
                yield document.problem((*location, field),
                                       f"{value} nằm ngoài thời gian của Kế hoạch / {value} is outside the plan period ({period})",
                                       f"dùng một ngày hoặc một năm trong khoảng / use a date or year within {period}")
        if task.start and task.deadline and due_range(task.deadline)[1] < task.start:
            yield document.problem((*location, "deadline"), "thời hạn trước ngày bắt đầu / the deadline is before the start",
                                   "kiểm tra start và deadline / check start and deadline")


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
            yield document.problem(("agencies", index, "successor", "agency"),
                                   f"cơ quan kế nhiệm tạo thành vòng lặp / successor cycle: {cycle}",
                                   "một cơ quan không thể là kế nhiệm của chính nó, trực tiếp hay gián tiếp / "
                                   "an agency cannot succeed itself, directly or through others")


def next_body(data: SiteData, agency_id: str) -> str | None:
    successor = data.agencies[agency_id].successor
    return successor.agency if successor else None


def report_problems(data: SiteData, documents: dict[str, YamlDocument]) -> Iterable[Problem]:
    """Each report names a known plan, agency and tasks of that plan, once each, and is dated within the plan."""
    for name, report in data.reports.items():
        document = documents[name]
        if report.plan not in data.plans:
            yield document.problem(("plan",), f'không có kế hoạch "{report.plan}" / unknown plan "{report.plan}"',
                                   "dùng một mã trong data/plans/ / use an id from data/plans/: " + ", ".join(sorted(data.plans)))
            continue
        scope = data.scope(report.plan)
        known_tasks = {t.id for _, t in scope.tasks()}
        issued = scope.plan.issued.date
        yield from unknown_agencies(data, document, [(("agency",), report.agency)])
        if report.date < issued:
            yield document.problem(("date",), f"báo cáo trước ngày ban hành Kế hoạch / report dated before the plan was issued ({issued.isoformat()})",
                                   "kiểm tra ngày báo cáo / check the report date")
        for index, entry in enumerate(report.tasks):
            if entry.task not in known_tasks:
                yield document.problem(("tasks", index, "task"), f'không có nhiệm vụ "{entry.task}" / unknown task "{entry.task}"',
                                       f"dùng một mã nhiệm vụ của kế hoạch {report.plan} / use a task id of plan {report.plan}: "
                                       + ", ".join(sorted(known_tasks)))
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
                yield document.problem(location, f"không có trang {page} trong / page {page} is missing in: "
                                       + ", ".join(f"docs/{lang}/" for lang in missing),
                                       "tạo trang ở cả hai ngôn ngữ hoặc sửa đường dẫn / create it in both languages or fix the path")
