"""Typed models of the data files: what each file may hold, checked field by field."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, model_validator

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


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


class Site(Strict):
    province: OptionalText = OptionalText()
    name: Text
    description: Text
    repository: Repository = Repository()
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


# Which model checks which file in data/.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yml": Site,
    "ascc.yml": Ascc,
    "agencies.yml": Agencies,
    "plan.yml": Plan,
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
    # `none`: the page exists in one language only, on purpose (the translation check skips it).
    translation: Literal["none"] | None = None
    # Material's blog posts.
    date: dt.date | dict[str, dt.date] | None = None
    slug: Slug | None = None
    categories: list[NonEmpty] = []
    authors: list[NonEmpty] = []
    tags: list[NonEmpty] = []
    draft: bool = False
    pin: bool = False
