"""Load every data file, check it against its model and against the other files, all in one run."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

from pydantic import BaseModel, ValidationError

import datetime as dt

from .model import (DATA_FILES, LANGUAGES, REPORTS_FOLDER, Agencies, Agency, Ascc, Author, Authors, Campaign,
                    Characteristic, Due, Group, NavSection, Plan, Report, Site, Task)
from .problems import Problem, SourceError
from .yamlsource import Location, YamlDocument, read_yaml

# Navigation entries that stand for generated pages: from data/plan.yml, the tracker's, and from
# data/campaigns.yml.
PLAN_PAGES = "plan"
TRACKER_PAGES = "tracker"
CAMPAIGN_PAGES = "campaigns"
GENERATED_SECTIONS = (PLAN_PAGES, TRACKER_PAGES, CAMPAIGN_PAGES)


@dataclass(frozen=True)
class SiteData:
    """The validated model of the whole site: what page generation, search and feeds read."""

    site: Site
    ascc: Ascc
    agencies: dict[str, Agency]
    plan: Plan
    # Progress reports by file ("data/reports/2022-06.yml"), oldest report date first.
    reports: dict[str, Report]
    authors: dict[str, Author]
    campaigns: list[Campaign]

    def agency(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

    def tasks(self) -> list[tuple[Group | None, Task]]:
        """Every task with its group (None for the plan's common tasks), in the plan's order."""
        return [(None, t) for t in self.plan.common_tasks] + [(g, t) for g in self.plan.groups for t in g.tasks]

    def task(self, task_id: str) -> Task:
        return next(t for _, t in self.tasks() if t.id == task_id)

    def characteristic(self, characteristic_id: str) -> Characteristic:
        return next(c for c in self.ascc.characteristics if c.id == characteristic_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.plan.groups if g.id == group_id)


def load_site_data(root: Path) -> SiteData:
    """Read data/*.yml under root; raise SourceError listing every problem found."""
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    models: dict[str, object] = {}
    for name, model in DATA_FILES.items():
        shown_as = f"data/{name}"
        path = root / "data" / name
        if not path.is_file():
            problems.append(Problem(shown_as, 1, 1, "", "thiếu tệp dữ liệu / data file is missing",
                                    f"tạo lại tệp {shown_as} / restore {shown_as}"))
            continue
        loaded = read_model(path, shown_as, model, documents, problems)
        if loaded is not None:
            models[name] = loaded
    reports: dict[str, Report] = {}
    for path in sorted((root / "data" / REPORTS_FOLDER).glob("*.yml")):
        shown_as = f"data/{REPORTS_FOLDER}/{path.name}"
        report = read_model(path, shown_as, Report, documents, problems)
        if report is not None:
            reports[shown_as] = report  # type: ignore[assignment]
    if problems:
        raise SourceError(problems)
    data = SiteData(
        site=models["site.yml"],  # type: ignore[arg-type]
        ascc=models["ascc.yml"],  # type: ignore[arg-type]
        agencies={a.id: a for a in models["agencies.yml"].agencies},  # type: ignore[attr-defined]
        plan=models["plan.yml"],  # type: ignore[arg-type]
        reports=dict(sorted(reports.items(), key=lambda item: (item[1].date, item[0]))),
        authors={a.id: a for a in models["authors.yml"].authors},  # type: ignore[attr-defined]
        campaigns=models["campaigns.yml"].campaigns,  # type: ignore[attr-defined]
    )
    problems = list(cross_file_problems(data, models, documents, root))
    if problems:
        raise SourceError(problems)
    return data


def read_model(path: Path, shown_as: str, model: type[BaseModel], documents: dict[str, YamlDocument],
               problems: list[Problem]) -> BaseModel | None:
    """One file read and checked against its model; its document is kept for positions, problems collected."""
    document = read_yaml(path, shown_as)
    if isinstance(document, Problem):
        problems.append(document)
        return None
    documents[shown_as] = document
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(validation_problems(document, error))
        return None


def validation_problems(document: YamlDocument, error: ValidationError) -> Iterable[Problem]:
    """Turn pydantic's errors into editor messages at the right line."""
    for item in error.errors():
        location: Location = tuple(part for part in item["loc"] if part not in ("NavPage", "NavSection"))
        message, hint = explain(item)
        yield document.problem(location, message, hint)


def explain(item: dict) -> tuple[str, str]:
    kind, location = item["type"], item["loc"]
    last = location[-1] if location else ""
    if kind == "missing" and last in LANGUAGES:
        name = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}[last]
        return (f"thiếu bản {name[0]} / missing {name[1]} text", f"thêm dòng `{last}: ...` / add `{last}: ...`")
    if kind == "missing":
        return ("thiếu trường bắt buộc / required field is missing", f"thêm `{last}: ...` / add `{last}: ...`")
    if kind == "string_too_short":
        return ("không được để trống / must not be empty", "điền nội dung / write the text")
    if kind == "extra_forbidden":
        return (f"trường không được hỗ trợ / unknown field '{last}'",
                "kiểm tra chính tả tên trường hoặc xóa nó / check the spelling or remove it")
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return ("ngày không hợp lệ / not a valid date", "viết theo dạng YYYY-MM-DD, ví dụ 2021-07-22 / write it as YYYY-MM-DD")
    if kind == "string_pattern_mismatch" and last != "url":
        return ("mã không hợp lệ / not a valid id",
                "chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ so-ldtbxh / use a-z, 0-9 and hyphens")
    if kind == "string_pattern_mismatch" and last == "url":
        return ("địa chỉ không hợp lệ / not a valid address",
                "dùng https://… không có dấu / ở cuối, hoặc để trống / use https://… without a trailing slash, or leave empty")
    if kind == "literal_error":
        return (f"giá trị không hợp lệ / not an allowed value: {item.get('input')!r}",
                f"dùng một trong / use one of: {item['ctx']['expected']}")
    if kind == "value_error":
        return (str(item["ctx"]["error"]), "")
    return (f"giá trị không hợp lệ / invalid value: {item['msg']}", "")


def cross_file_problems(data: SiteData, models: dict[str, object], documents: dict[str, YamlDocument],
                        root: Path) -> Iterable[Problem]:
    """Checks that span files: ids are unique, every reference points at something that exists."""
    plan_doc, agencies_doc = documents["data/plan.yml"], documents["data/agencies.yml"]
    agencies: Agencies = models["agencies.yml"]  # type: ignore[assignment]
    authors: Authors = models["authors.yml"]  # type: ignore[assignment]
    yield from duplicate_ids(agencies_doc, ("agencies",), [a.id for a in agencies.agencies])
    yield from duplicate_ids(documents["data/ascc.yml"], ("characteristics",), [c.id for c in data.ascc.characteristics])
    yield from duplicate_ids(plan_doc, ("groups",), [g.id for g in data.plan.groups])
    yield from duplicate_ids(plan_doc, ("groups",), [g.number for g in data.plan.groups], field="number")

    references: list[tuple[Location, str]] = [
        (("issued", "by"), data.plan.issued.by),
        (("legal_basis", "by"), data.plan.legal_basis.by),
        (("organisation", "standing_agency"), data.plan.organisation.standing_agency),
        *[(("organisation", "reports_to", i), a) for i, a in enumerate(data.plan.organisation.reports_to)],
    ]
    tasks = list(task_locations(data.plan))
    for location, task in tasks:
        references.append(((*location, "lead"), task.lead))
        references.extend(((*location, "partners", i), a) for i, a in enumerate(task.partners))
    yield from unknown_agencies(data, plan_doc, references)
    yield from duplicate_ids(plan_doc, (), [t.id for _, t in tasks], locations=[loc for loc, _ in tasks])
    yield from deadline_problems(data.plan, plan_doc, tasks)
    yield from successor_problems(data, agencies_doc)
    report_docs = {name: doc for name, doc in documents.items() if name.startswith(f"data/{REPORTS_FOLDER}/")}
    yield from report_problems(data, report_docs)
    known_characteristics = {c.id for c in data.ascc.characteristics}
    for index, group in enumerate(data.plan.groups):
        if group.blueprint and group.blueprint not in known_characteristics:
            yield plan_doc.problem(("groups", index, "blueprint"),
                                   f'không có đặc điểm "{group.blueprint}" / unknown ASCC characteristic "{group.blueprint}"',
                                   f"dùng một mã trong data/ascc.yml / use an id from data/ascc.yml: {', '.join(sorted(known_characteristics))}")
    yield from navigation_problems(data.site, documents["data/site.yml"], root)
    yield from author_problems(authors.authors, documents["data/authors.yml"], root)
    yield from campaign_problems(data, documents["data/campaigns.yml"], root)


def author_problems(authors: list[Author], document: YamlDocument, root: Path) -> Iterable[Problem]:
    yield from duplicate_ids(document, ("authors",), [a.id for a in authors])
    for index, author in enumerate(authors):
        yield from missing_asset(document, ("authors", index, "avatar"), author.avatar, root)


def campaign_problems(data: SiteData, document: YamlDocument, root: Path) -> Iterable[Problem]:
    """Campaigns serve groups of the plan, and their files exist."""
    campaigns = data.campaigns
    yield from duplicate_ids(document, ("campaigns",), [c.id for c in campaigns])
    known = {g.id for g in data.plan.groups}
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
                                   f"dùng một mã nhóm trong data/plan.yml / use a group id from data/plan.yml: {', '.join(sorted(known))}")


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
    """Each task with where it stands in data/plan.yml."""
    for index, task in enumerate(plan.common_tasks):
        yield ("common_tasks", index), task
    for group_index, group in enumerate(plan.groups):
        for index, task in enumerate(group.tasks):
            yield ("groups", group_index, "tasks", index), task


def plan_period(plan: Plan) -> tuple[dt.date, dt.date]:
    """From the day the plan was issued to the last day of its horizon year."""
    return plan.issued.date, dt.date(plan.horizon_year, 12, 31)


def due_range(due: Due) -> tuple[dt.date, dt.date]:
    """The days a date or a bare year covers."""
    if isinstance(due, dt.date):
        return due, due
    return dt.date(due, 1, 1), dt.date(due, 12, 31)


def deadline_problems(plan: Plan, document: YamlDocument, tasks: list[tuple[Location, Task]]) -> Iterable[Problem]:
    first, last = plan_period(plan)
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
    yield from unknown_agencies(data, document, [(("agencies", i, "successor"), a.successor)
                                                 for i, a in enumerate(agencies) if a.successor])
    for index, agency in enumerate(agencies):
        chain, current = [agency.id], agency.successor
        while current in data.agencies and current not in chain:
            chain.append(current)
            current = data.agencies[current].successor
        if current == agency.id:
            cycle = " → ".join([*chain, agency.id])
            yield document.problem(("agencies", index, "successor"),
                                   f"cơ quan kế nhiệm tạo thành vòng lặp / successor cycle: {cycle}",
                                   "một cơ quan không thể là kế nhiệm của chính nó, trực tiếp hay gián tiếp / "
                                   "an agency cannot succeed itself, directly or through others")


def report_problems(data: SiteData, documents: dict[str, YamlDocument]) -> Iterable[Problem]:
    """Each report names a known agency and known tasks, once each, and is dated within the plan."""
    known_tasks = {t.id for _, t in data.tasks()}
    issued = data.plan.issued.date
    for name, report in data.reports.items():
        document = documents[name]
        yield from unknown_agencies(data, document, [(("agency",), report.agency)])
        if report.date < issued:
            yield document.problem(("date",), f"báo cáo trước ngày ban hành Kế hoạch / report dated before the plan was issued ({issued.isoformat()})",
                                   "kiểm tra ngày báo cáo / check the report date")
        for index, entry in enumerate(report.tasks):
            if entry.task not in known_tasks:
                yield document.problem(("tasks", index, "task"), f'không có nhiệm vụ "{entry.task}" / unknown task "{entry.task}"',
                                       "dùng một mã nhiệm vụ trong data/plan.yml / use a task id from data/plan.yml: "
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
