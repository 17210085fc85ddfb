"""The plans (data/plans/*.yml), what they implement (data/frameworks/*.yml), the bodies they name
(data/agencies.yml) and the progress reports on them (data/reports/*.yml)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field, StringConstraints, model_validator

from .common import Due, FactName, NonEmpty, OptionalText, ReportedStatus, Slug, Source, Strict, Text, Website, refused

# ---- data/agencies.yml

# What kind of body an agency is; each has its name in the catalogue (agency_kinds.<kind>). A body of no listed
# kind is `other`, with its kind named in kind_label.
AgencyKind = Literal["government", "ministry", "party-committee", "peoples-council", "committee",
                     "provincial-department", "public-service-unit", "police", "military", "mass-organisation",
                     "enterprise", "locality", "other"]


class Successor(Strict):
    """Who took over a body that was renamed, merged or dissolved, from when, and on what authority."""

    agency: Slug | None = None
    date: Due
    source: Source | None = None


class Agency(Strict):
    id: Slug
    name: Text
    short_name: Text
    kind: AgencyKind
    kind_label: Text | None = None
    website: Website = ""
    contact: OptionalText = OptionalText()
    # Old reports and plans keep this body's id; pages name the successor beside it.
    successor: Successor | None = None

    @model_validator(mode="after")
    def other_kind_named(self) -> Agency:
        if self.kind == "other" and self.kind_label is None:
            raise refused("kind_label_missing")
        if self.kind != "other" and self.kind_label is not None:
            raise refused("kind_label_unused", kind=self.kind)
        return self


class Agencies(Strict):
    agencies: list[Agency] = Field(min_length=1)


# ---- data/frameworks/<id>.yml: what a plan carries out (a blueprint, a national strategy…)

class FrameworkPart(Strict):
    id: Slug
    title: Text


class Figure(Strict):
    """A published figure about the framework; hand-written pages use it as {{ <framework>.<figure> }}."""

    id: FactName
    value: Union[int, float]
    label: Text
    source: Source


class Framework(Strict):
    id: FactName
    title: Text
    part_name: Text
    parts: list[FrameworkPart] = Field(min_length=1)
    source: Source | None = None
    figures: list[Figure] = []


# ---- data/plans/<id>.yml

class Issued(Strict):
    by: Slug
    date: dt.date


class LegalBasis(Strict):
    kind: Text
    number: NonEmpty
    date: dt.date
    by: Slug
    title: Text


class Period(Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def in_order(self) -> Period:
        if self.end < self.start:
            raise refused("period_reversed")
        return self


class Task(Strict):
    id: Slug
    title: Text
    description: OptionalText = OptionalText()
    # Empty when the plan names no lead of its own for the task: the plan's standing agency leads the whole plan.
    lead: Slug | None = None
    partners: list[Slug] = []
    start: dt.date | None = None
    deadline: Due | None = None
    expected_result: OptionalText = OptionalText()


class Group(Strict):
    id: Slug
    # No number: a group that leads the others, listed first without a number (communication and education).
    number: int | None = Field(None, ge=1, le=99)
    title: Text
    summary: Text
    in_daily_life: OptionalText = OptionalText()
    framework_part: Slug | None = None
    tasks: list[Task] = []


class Milestone(Strict):
    date: Due
    title: Text
    source: Text
    url: Website = ""


class DateReading(Strict):
    """A date the plan does not write as a date: the site's reading of the plan's own words ("đến năm 2025" read
    as 31/12/2025). Pages then give the plan's words, and the date only marked as the site's reading."""

    date: dt.date
    stated: Text


class Coordination(Strict):
    """Bodies the plan asks to work with it on one matter (the source's words, not the site's)."""

    agencies: list[Slug] = Field(min_length=1)
    on: Text


class Organisation(Strict):
    standing_agency: Slug
    partners: list[Slug] = []
    coordination: list[Coordination] = []
    duties: list[Text] = Field(min_length=1)
    reports_to: list[Slug] = []


class SourceArticle(Strict):
    picture_credit: Text
    author_initials: NonEmpty


FolderPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")]


class PlanPages(Strict):
    """Where the plan's pages are, below each language's root."""

    plan: FolderPath
    tracker: FolderPath


class PlanNotes(Strict):
    """What the source does not say, in the site's words; each shows where it belongs, empty ones nowhere."""

    groups: OptionalText = OptionalText()
    tasks: OptionalText = OptionalText()
    group_tasks: OptionalText = OptionalText()
    results: OptionalText = OptionalText()


class Target(Strict):
    """A number an objective is to reach by a year (80 % of households by 2025)."""

    value: Union[int, float]
    unit: Text
    year: Annotated[int, Field(ge=2000, le=2100)]


class Objective(Text):
    """One objective: its text in both languages, and, when the plan gives them, its own deadline and
    numeric targets. Without a deadline of its own it is due by the plan's objectives_deadline."""

    deadline: Due | None = None
    targets: list[Target] = []


class Plan(Strict):
    id: Slug
    title: Text
    short_title: Text
    framework: FactName | None = None
    issued: Issued
    legal_basis: LegalBasis
    period: Period
    superseded_by: Slug | None = None
    pages: PlanPages | None = None
    # A notice the plan's pages open with, e.g. that the plan is a draft; empty: none.
    notice: OptionalText = OptionalText()
    aim: Text
    # The deadline of every objective that gives none of its own; empty when each gives its own, or none is set.
    objectives_deadline: Due | None = None
    objectives: list[Objective] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    # Tasks of the plan as a whole, outside any one group.
    common_tasks: list[Task] = []
    # Dates set by later documents; the plan's own dates are shown on the timeline without being written twice.
    milestones: list[Milestone] = []
    # Which of the plan's own dates (period, objectives' deadline) are the site's reading of the plan's words.
    readings: list[DateReading] = []
    funding: list[Text] = Field(min_length=1)
    organisation: Organisation
    notes: PlanNotes = PlanNotes()
    source: SourceArticle | None = None

    def objective_deadline(self, objective: Objective) -> Due | None:
        return objective.deadline if objective.deadline is not None else self.objectives_deadline

    @property
    def folders(self) -> PlanPages:
        return self.pages or PlanPages(plan=f"ke-hoach/{self.id}", tracker=f"theo-doi/{self.id}")


# ---- data/reports/<plan id>-<YYYY-MM-DD>.yml: one file per plan and report, named by its plan and date

class Indicator(Strict):
    name: Text
    value: Union[int, float]
    unit: Text
    date: dt.date
    source: Text


class TaskReport(Strict):
    task: Slug
    status: ReportedStatus
    note: OptionalText = OptionalText()
    indicators: list[Indicator] = []


class Report(Strict):
    plan: Slug
    date: dt.date
    agency: Slug
    period: Period
    # The plan's final report: once recorded, the plan is closed.
    final: bool = False
    tasks: list[TaskReport] = Field(min_length=1)
