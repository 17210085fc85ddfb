"""Typed models of the data files: what each file may hold, checked field by field."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Annotated, Literal, Union, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, model_validator

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Website = Annotated[str, StringConstraints(pattern=r"^(https?://\S+)?$")]
# A date, or only a year when the plan gives no more than the year ("đến năm 2025").
Due = Union[dt.date, Annotated[int, Field(ge=2000, le=2100)]]

# Where a task stands. Reports use the first four; "no-report" is shown while no report covers a task.
Status = Literal["not-started", "in-progress", "done", "delayed", "no-report"]
ReportedStatus = Literal["not-started", "in-progress", "done", "delayed"]
STATUSES: tuple[Status, ...] = get_args(Status)
NO_REPORT: Status = "no-report"


def inside_repository(path: str) -> str:
    """A file reference in the data: relative, forward slashes, never climbing out with `..`."""
    parts = PurePosixPath(path).parts
    if path.startswith("/") or "\\" in path or ":" in path or ".." in parts or not parts:
        raise ValueError(f"đường dẫn phải nằm trong kho / the path must stay inside the repository: {path!r}")
    return path


# Every file named in the data or in front matter: a relative path that cannot leave the repository.
RepoPath = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(inside_repository)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in both languages; neither may be left out or empty."""

    vi: NonEmpty
    en: NonEmpty

    def __call__(self, language: Language) -> str:
        return getattr(self, language)


class OptionalText(Strict):
    """A text the site owner may leave empty, but then in both languages."""

    vi: str = ""
    en: str = ""

    @model_validator(mode="after")
    def both_or_neither(self) -> OptionalText:
        if bool(self.vi.strip()) != bool(self.en.strip()):
            raise ValueError("điền cả hai ngôn ngữ hoặc để trống cả hai / fill in both languages or neither")
        return self

    def __call__(self, language: Language) -> str:
        return getattr(self, language).strip()


# ---- data/site.yml

class Repository(Strict):
    url: Annotated[str, StringConstraints(pattern=r"^(https://\S+[^/])?$")] = ""
    branch: NonEmpty = "main"
    forge: Literal["github", "gitlab"] = "github"


class NavPage(Strict):
    page: RepoPath


class NavSection(Strict):
    section: Text
    pages: list[RepoPath] = Field(min_length=1)


# An entry with `section:` is a section, any other a page: errors then name one kind, not both.
NavEntry = Annotated[
    Union[Annotated[NavPage, Tag("NavPage")], Annotated[NavSection, Tag("NavSection")]],
    Discriminator(lambda entry: "NavSection" if isinstance(entry, dict) and "section" in entry else "NavPage"),
]


class Licence(Strict):
    """The open-data licence: a decision for the site owner, empty until it is taken."""

    name: str = ""
    url: Website = ""


class Site(Strict):
    province: OptionalText = OptionalText()
    name: Text
    description: Text
    repository: Repository = Repository()
    open_data_licence: Licence = Licence()
    show_view_counts: bool = False
    navigation: list[NavEntry] = Field(min_length=1)


# ---- data/ascc.yml

class Blueprint(Strict):
    title: Text
    adopted_year: int = Field(ge=2015, le=2015)
    key_result_areas: int = Field(gt=0)
    sectoral_bodies: int = Field(gt=0)


class Characteristic(Strict):
    id: Slug
    title: Text


class Ascc(Strict):
    blueprint: Blueprint
    characteristics: list[Characteristic] = Field(min_length=1)


# ---- data/agencies.yml

AgencyKind = Literal["government", "ministry", "committee", "provincial-department", "mass-organisation", "locality"]


class Agency(Strict):
    id: Slug
    name: Text
    short_name: Text
    kind: AgencyKind
    website: Website = ""
    contact: OptionalText = OptionalText()
    # The body that took this one over when it was renamed or merged; old reports keep its id.
    successor: Slug | None = None


class Agencies(Strict):
    agencies: list[Agency] = Field(min_length=1)


# ---- data/plan.yml

class Issued(Strict):
    by: Slug
    date: dt.date


class LegalBasis(Strict):
    number: NonEmpty
    date: dt.date
    by: Slug
    title: Text


class Task(Strict):
    id: Slug
    title: Text
    description: OptionalText = OptionalText()
    lead: Slug
    partners: list[Slug] = []
    start: dt.date | None = None
    deadline: Due | None = None
    expected_result: OptionalText = OptionalText()


class Group(Strict):
    id: Slug
    number: int = Field(ge=0, le=99)
    title: Text
    summary: Text
    blueprint: Slug | None = None
    tasks: list[Task] = []


class Milestone(Strict):
    date: Due
    title: Text
    source: Text


class Organisation(Strict):
    standing_agency: Slug
    duties: list[Text] = Field(min_length=1)
    reports_to: list[Slug] = []


class SourceArticle(Strict):
    picture_credit: Text
    author_initials: NonEmpty


class Plan(Strict):
    title: Text
    issued: Issued
    legal_basis: LegalBasis
    horizon_year: int = Field(ge=2016, le=2100)
    aim: Text
    objectives_deadline: dt.date
    objectives: list[Text] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1)
    # Tasks of the plan as a whole, outside any one group.
    common_tasks: list[Task] = []
    # Dates set by later documents; the plan's own dates (legal basis, issue, objectives, horizon)
    # are shown on the timeline without being written twice.
    milestones: list[Milestone] = []
    funding: list[Text] = Field(min_length=1)
    organisation: Organisation
    source: SourceArticle


# ---- data/reports/*.yml: one file per reporting period

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


class Period(Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def in_order(self) -> Period:
        if self.end < self.start:
            raise ValueError("ngày kết thúc trước ngày bắt đầu / the period ends before it starts")
        return self


class Report(Strict):
    date: dt.date
    agency: Slug
    period: Period
    tasks: list[TaskReport] = Field(min_length=1)


REPORTS_FOLDER = "reports"

# ---- data/authors.yml

AssetPath = Annotated[str, StringConstraints(pattern=r"^assets/[A-Za-z0-9._/-]+$")]


class Author(Strict):
    id: Slug
    name: Text
    description: Text
    avatar: AssetPath


class Authors(Strict):
    authors: list[Author] = Field(min_length=1)


# ---- data/campaigns.yml

MaterialType = Literal["poster", "leaflet", "infographic", "audio-script"]
MATERIAL_TYPES: tuple[str, ...] = ("poster", "leaflet", "infographic", "audio-script")


class CampaignMaterial(Strict):
    """A download. `generated` names a material the build makes from the data (see plansite.leaflet);
    otherwise `files` gives the file under docs/ in each language it exists in."""

    id: Slug
    type: MaterialType
    title: Text
    description: Text
    groups: list[Slug] = Field(min_length=1)
    licence: Text
    generated: Literal["leaflet"] | None = None
    files: dict[Language, AssetPath] = {}

    @model_validator(mode="after")
    def one_source(self) -> CampaignMaterial:
        if bool(self.generated) == bool(self.files):
            raise ValueError("ghi `generated` hoặc `files`, không ghi cả hai / give either `generated` or `files`")
        return self


class CampaignEvent(Strict):
    id: Slug
    title: Text
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None
    location: Text
    description: Text

    @model_validator(mode="after")
    def ends_after_start(self) -> CampaignEvent:
        if self.end is not None and type(self.end) is not type(self.start):
            raise ValueError("start và end cùng kiểu (ngày hoặc ngày giờ) / start and end must both be dates or both date-times")
        if self.end is not None and self.end < self.start:
            raise ValueError("end trước start / end is before start")
        return self


class Campaign(Strict):
    id: Slug
    title: Text
    summary: Text
    period: Text
    audiences: list[Text] = Field(min_length=1)
    channels: list[Text] = Field(min_length=1)
    key_messages: list[Text] = Field(min_length=1)
    groups: list[Slug] = Field(min_length=1)
    materials: list[CampaignMaterial] = []
    events: list[CampaignEvent] = []


class Campaigns(Strict):
    campaigns: list[Campaign] = []


# ---- front matter of a news article (docs/<language>/tin-tuc/posts/*.md)

class Cover(Strict):
    image: AssetPath
    alt: NonEmpty
    credit: NonEmpty


class ArticleMeta(Strict):
    title: NonEmpty
    description: NonEmpty
    date: dt.date
    slug: Slug
    authors: list[Slug] = Field(min_length=1)
    categories: list[Slug] = Field(min_length=1)
    tags: list[NonEmpty] = []
    draft: bool = False
    translated: bool = True
    pin: bool = False
    cover: Cover | None = None


# Which model checks which file in data/.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yml": Site,
    "ascc.yml": Ascc,
    "agencies.yml": Agencies,
    "plan.yml": Plan,
    "authors.yml": Authors,
    "campaigns.yml": Campaigns,
}


# ---- front matter of a hand-written page (docs/<language>/*.md)

class SearchSettings(Strict):
    exclude: bool = False


class FrontMatter(Strict):
    """What a page may say about itself; Material's keys plus the site's own `source` and `translation`."""

    description: NonEmpty
    title: NonEmpty | None = None
    subtitle: NonEmpty | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    template: NonEmpty | None = None
    search: SearchSettings = SearchSettings()
    # The data file behind the page, for its edit link (generated pages set it).
    source: RepoPath | None = None
    # false: the page exists in one language only, on purpose (the translation check skips it).
    translated: bool = True
