"""data/site.yml: the site's name, repository, licence and menu."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from .common import NonEmpty, OptionalText, RepoPath, Slug, Source, Strict, Text, Website


class CmsSignIn(Strict):
    """How editors sign in to the CMS at /admin/; empty until the site owner sets it (README, "Trang quản trị")."""

    gitlab_app_id: str = ""
    github_oauth_url: Website = ""


class Repository(Strict):
    url: Annotated[str, StringConstraints(pattern=r"^(https://\S+[^/])?$")] = ""
    branch: NonEmpty = "main"
    forge: Literal["github", "gitlab"] = "github"
    cms: CmsSignIn = CmsSignIn()


class NavPage(Strict):
    page: RepoPath


# Menu entries that stand for generated pages: every plan's pages, every plan's tracker, the campaigns.
PLAN_PAGES = "plan"
TRACKER_PAGES = "tracker"
CAMPAIGN_PAGES = "campaigns"
GENERATED_SECTIONS = (PLAN_PAGES, TRACKER_PAGES, CAMPAIGN_PAGES)


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


class ProvinceReorganisation(Strict):
    """What became of the province when the provinces were reorganised from 1/7/2025: the site owner's record.
    Nothing is assumed while it is empty; the home page then says that it is not recorded yet."""

    change: OptionalText = OptionalText()
    current_name: OptionalText = OptionalText()
    source: Source | None = None


class Site(Strict):
    province: OptionalText = OptionalText()
    province_reorganisation: ProvinceReorganisation = ProvinceReorganisation()
    contact: OptionalText = OptionalText()
    name: Text
    description: Text
    footer: OptionalText = OptionalText()
    repository: Repository = Repository()
    open_data_licence: Licence = Licence()
    show_view_counts: bool = False
    navigation: list[NavEntry] = Field(min_length=1)
    # The plan that the hand-written pages' {{ plan.* }} placeholders speak of; empty: the only plan.
    main_plan: Slug | None = None


