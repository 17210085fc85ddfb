"""Typed models of the data files: what each file may hold, checked field by field."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


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
    page: NonEmpty


class NavSection(Strict):
    section: Text
    pages: list[NonEmpty] = Field(min_length=1)


class Site(Strict):
    province: OptionalText = OptionalText()
    name: Text
    description: Text
    repository: Repository = Repository()
    navigation: list[Union[NavPage, NavSection]] = Field(min_length=1)


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


class Group(Strict):
    id: Slug
    number: int = Field(ge=0, le=99)
    title: Text
    summary: Text
    blueprint: Slug | None = None


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
    social_policy_partners: list[Slug] = []
    funding: list[Text] = Field(min_length=1)
    organisation: Organisation
    source: SourceArticle


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
