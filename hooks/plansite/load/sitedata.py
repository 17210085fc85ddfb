"""Load every data file, check it against its model and against the other files, all in one run."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from plansite.model import (DATA_FILES, DATA_FOLDERS, FRAMEWORKS_FOLDER, LANGUAGES, PLANS_FOLDER, REPORTS_FOLDER, Agency,
                    Author, Campaign, Framework, FrameworkPart, Group, Plan, Report, Site, Task)
from plansite.validate.problems import Problem, SourceError, has_text, named, say
from plansite.load.yamlsource import Location, YamlDocument, read_yaml


@dataclass(frozen=True)
class SiteData:
    """The validated model of the whole site: what page generation, search and feeds read."""

    site: Site
    agencies: dict[str, Agency]
    frameworks: dict[str, Framework]
    # The main plan first, then the others by issue date.
    plans: dict[str, Plan]
    # Progress reports by file ("data/reports/<plan id>-<YYYY-MM-DD>.yml"), oldest report date first.
    reports: dict[str, Report]
    authors: dict[str, Author]
    campaigns: list[Campaign]
    _scopes: dict[str, PlanScope] = field(default_factory=dict, compare=False, repr=False)

    def agency(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]

    def scope(self, plan_id: str) -> PlanScope:
        if plan_id not in self._scopes:
            plan = self.plans[plan_id]
            self._scopes[plan_id] = PlanScope(self, plan, self.frameworks.get(plan.framework or ""),
                                              {f: r for f, r in self.reports.items() if r.plan == plan_id})
        return self._scopes[plan_id]

    def scopes(self) -> list[PlanScope]:
        return [self.scope(plan_id) for plan_id in self.plans]

    @property
    def main(self) -> PlanScope:
        """The plan the hand-written pages speak of: site.yml's main_plan, or the first."""
        return self.scope(self.site.main_plan or next(iter(self.plans)))

    def group(self, group_id: str) -> Group:
        """Group ids are unique across the site: campaigns and articles name them without their plan."""
        return next(g for plan in self.plans.values() for g in plan.groups if g.id == group_id)

    def group_scope(self, group_id: str) -> PlanScope:
        return next(s for s in self.scopes() if any(g.id == group_id for g in s.plan.groups))

    def groups(self) -> list[Group]:
        return [g for plan in self.plans.values() for g in plan.groups]

    def campaign_scope(self, campaign: Campaign) -> PlanScope:
        """The plan a campaign serves: its `plan:`; left out, the plan of its first group (the only plan when
        there is one). A campaign that names its plan serves only that plan's groups (validate.crosscheck)."""
        return self.scope(campaign.plan) if campaign.plan else self.group_scope(campaign.groups[0])


@dataclass(frozen=True)
class PlanScope:
    """One plan with what belongs to it: its framework and its reports; agencies and the site are shared."""

    data: SiteData
    plan: Plan
    framework: Framework | None
    reports: dict[str, Report]

    @property
    def site(self) -> Site:
        return self.data.site

    @property
    def agencies(self) -> dict[str, Agency]:
        return self.data.agencies

    def agency(self, agency_id: str) -> Agency:
        return self.data.agencies[agency_id]

    def tasks(self) -> list[tuple[Group | None, Task]]:
        """Every task with its group (None for the plan's common tasks), in the plan's order."""
        return [(None, t) for t in self.plan.common_tasks] + [(g, t) for g in self.plan.groups for t in g.tasks]

    def task(self, task_id: str) -> Task:
        return next(t for _, t in self.tasks() if t.id == task_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.plan.groups if g.id == group_id)

    def framework_part(self, part_id: str) -> FrameworkPart:
        assert self.framework is not None
        return next(p for p in self.framework.parts if p.id == part_id)

    def final_report(self) -> Report | None:
        return next((r for r in reversed(self.reports.values()) if r.final), None)


def load_site_data(root: Path) -> SiteData:
    """Read data/ under root; raise SourceError listing every problem found."""
    from plansite.validate.crosscheck import cross_file_problems  # the checks read SiteData: imported when it exists

    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    models: dict[str, BaseModel] = {}
    for name, model in DATA_FILES.items():
        shown_as = f"data/{name}"
        path = root / "data" / name
        if not path.is_file():
            problems.append(Problem(shown_as, 1, 1, "", say("problems.data_file_missing"),
                                    say("fixes.data_file_missing", file=shown_as)))
            continue
        loaded = read_model(path, shown_as, model, documents, problems)
        if loaded is not None:
            models[name] = loaded
    folders: dict[str, dict[str, BaseModel]] = {}
    for folder, model in DATA_FOLDERS.items():
        folders[folder] = {}
        for path in sorted((root / "data" / folder).glob("*.yml")):
            shown_as = f"data/{folder}/{path.name}"
            loaded = read_model(path, shown_as, model, documents, problems)
            if loaded is not None:
                folders[folder][shown_as] = loaded
    if not folders[PLANS_FOLDER] and not any(p.path.startswith(f"data/{PLANS_FOLDER}/") for p in problems):
        problems.append(Problem(f"data/{PLANS_FOLDER}/", 1, 1, "", say("problems.no_plan"), say("fixes.no_plan")))
    if problems:
        raise SourceError(problems)
    site: Site = models["site.yml"]  # type: ignore[assignment]
    plans: list[Plan] = list(folders[PLANS_FOLDER].values())  # type: ignore[arg-type]
    plans.sort(key=lambda p: (p.id != site.main_plan, p.issued.date, p.id))
    reports: dict[str, Report] = folders[REPORTS_FOLDER]  # type: ignore[assignment]
    data = SiteData(
        site=site,
        agencies={a.id: a for a in models["agencies.yml"].agencies},  # type: ignore[attr-defined]
        frameworks={f.id: f for f in folders[FRAMEWORKS_FOLDER].values()},  # type: ignore[attr-defined]
        plans={p.id: p for p in plans},
        reports=dict(sorted(reports.items(), key=lambda item: (item[1].date, item[0]))),
        authors={a.id: a for a in models["authors.yml"].authors},  # type: ignore[attr-defined]
        campaigns=models["campaigns.yml"].campaigns,  # type: ignore[attr-defined]
    )
    problems = list(cross_file_problems(data, folders, documents, root))
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
    """pydantic's error as the editors' message and its fix, from the catalogue; a model's own rule (refused)
    has its message under its error type."""
    kind, location = item["type"], item["loc"]
    last = location[-1] if location else ""
    if kind == "missing" and last in LANGUAGES:
        return (say("problems.missing_text", language=named(f"language_names.{last}")),
                say("fixes.missing_text", field=last))
    if kind == "missing":
        return say("problems.missing"), say("fixes.missing", field=last)
    if kind == "string_too_short":
        return say("problems.empty"), say("fixes.empty")
    if kind == "too_short":
        return say("problems.too_few", count=item["ctx"]["min_length"]), say("fixes.too_few")
    if kind == "extra_forbidden":
        return say("problems.unknown_field", field=last), say("fixes.unknown_field")
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return say("problems.bad_date"), say("fixes.bad_date")
    if kind == "string_pattern_mismatch":
        name = "bad_address" if last == "url" else "bad_id"
        return say(f"problems.{name}"), say(f"fixes.{name}")
    if kind == "literal_error":
        return say("problems.not_allowed", shown=repr(item.get("input"))), say("fixes.use_one_of", shown=item["ctx"]["expected"])
    if has_text(f"problems.{kind}"):
        values = item.get("ctx") or {}
        return say(f"problems.{kind}", **values), say(f"fixes.{kind}", **values) if has_text(f"fixes.{kind}") else ""
    return say("problems.invalid", shown=item["msg"]), ""
