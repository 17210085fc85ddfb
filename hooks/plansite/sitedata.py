"""Load every data file, check it against its model and against the other files, all in one run."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from .model import (DATA_FILES, LANGUAGES, Agencies, Agency, Ascc, Author, Authors, Campaign, Characteristic,
                    Group, NavSection, Plan, Site)
from .problems import Problem, SourceError
from .yamlsource import Location, YamlDocument, read_yaml

# Navigation entries that stand for pages generated from data: from data/plan.yml and data/campaigns.yml.
PLAN_PAGES = "plan"
CAMPAIGN_PAGES = "campaigns"
GENERATED_SECTIONS = (PLAN_PAGES, CAMPAIGN_PAGES)


@dataclass(frozen=True)
class SiteData:
    """The validated model of the whole site: what page generation, search and feeds read."""

    site: Site
    ascc: Ascc
    agencies: dict[str, Agency]
    plan: Plan
    authors: dict[str, Author]
    campaigns: list[Campaign]

    def agency(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

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
        document = read_yaml(path, shown_as)
        if isinstance(document, Problem):
            problems.append(document)
            continue
        documents[name] = document
        try:
            models[name] = model.model_validate(document.data)
        except ValidationError as error:
            problems.extend(validation_problems(document, error))
    if problems:
        raise SourceError(problems)
    data = SiteData(
        site=models["site.yml"],  # type: ignore[arg-type]
        ascc=models["ascc.yml"],  # type: ignore[arg-type]
        agencies={a.id: a for a in models["agencies.yml"].agencies},  # type: ignore[attr-defined]
        plan=models["plan.yml"],  # type: ignore[arg-type]
        authors={a.id: a for a in models["authors.yml"].authors},  # type: ignore[attr-defined]
        campaigns=models["campaigns.yml"].campaigns,  # type: ignore[attr-defined]
    )
    problems = list(cross_file_problems(data, models, documents, root))
    if problems:
        raise SourceError(problems)
    return data


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
    plan_doc, agencies_doc = documents["plan.yml"], documents["agencies.yml"]
    agencies: Agencies = models["agencies.yml"]  # type: ignore[assignment]
    authors: Authors = models["authors.yml"]  # type: ignore[assignment]
    yield from duplicate_ids(agencies_doc, ("agencies",), [a.id for a in agencies.agencies])
    yield from duplicate_ids(documents["ascc.yml"], ("characteristics",), [c.id for c in data.ascc.characteristics])
    yield from duplicate_ids(plan_doc, ("groups",), [g.id for g in data.plan.groups])
    yield from duplicate_ids(plan_doc, ("groups",), [g.number for g in data.plan.groups], field="number")

    known_agencies = ", ".join(sorted(data.agencies))
    references: list[tuple[Location, str]] = [
        (("issued", "by"), data.plan.issued.by),
        (("legal_basis", "by"), data.plan.legal_basis.by),
        (("organisation", "standing_agency"), data.plan.organisation.standing_agency),
        *[(("organisation", "reports_to", i), a) for i, a in enumerate(data.plan.organisation.reports_to)],
        *[(("social_policy_partners", i), a) for i, a in enumerate(data.plan.social_policy_partners)],
    ]
    for location, agency_id in references:
        if agency_id not in data.agencies:
            yield plan_doc.problem(location, f'không có cơ quan "{agency_id}" / unknown agency "{agency_id}"',
                                   f"dùng một mã trong data/agencies.yml / use an id from data/agencies.yml: {known_agencies}")
    known_characteristics = {c.id for c in data.ascc.characteristics}
    for index, group in enumerate(data.plan.groups):
        if group.blueprint and group.blueprint not in known_characteristics:
            yield plan_doc.problem(("groups", index, "blueprint"),
                                   f'không có đặc điểm "{group.blueprint}" / unknown ASCC characteristic "{group.blueprint}"',
                                   f"dùng một mã trong data/ascc.yml / use an id from data/ascc.yml: {', '.join(sorted(known_characteristics))}")
    yield from navigation_problems(data.site, documents["site.yml"], root)
    yield from author_problems(authors.authors, documents["authors.yml"], root)
    yield from campaign_problems(data, documents["campaigns.yml"], root)


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


def duplicate_ids(document: YamlDocument, location: Location, values: list, field: str = "id") -> Iterable[Problem]:
    seen: set = set()
    for index, value in enumerate(values):
        if value in seen:
            yield document.problem((*location, index, field), f"{field} bị lặp / duplicate {field}: {value}",
                                   f"mỗi {field} chỉ dùng một lần / each {field} must be unique")
        seen.add(value)


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
