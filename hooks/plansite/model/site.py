"""data/site.yml: the site's name, repository, licence and menu."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from .common import NonEmpty, OptionalText, RepoPath, Slug, Strict, Text, Website


class CmsSignIn(Strict):
    """How editors sign in to the CMS at /admin/; empty until the site owner sets it (README, "Trang quản trị")."""

    gitlab_app_id: str = Field("", description="Mã ứng dụng OAuth của GitLab tự quản (PKCE, không cần khóa bí mật) / "
                               "the Application ID of an OAuth application on the self-hosted GitLab (PKCE, no secret)")
    github_oauth_url: Website = Field("", description="Địa chỉ dịch vụ OAuth tự quản cho ứng dụng OAuth của GitHub / "
                                      "the address of the self-hosted OAuth service of the GitHub OAuth app")


class Repository(Strict):
    url: Annotated[str, StringConstraints(pattern=r"^(https://\S+[^/])?$")] = Field(
        "", description="Địa chỉ kho mã nguồn; để trống thì không có liên kết sửa trang / the repository's address")
    branch: NonEmpty = Field("main", description="Nhánh chính / the main branch")
    forge: Literal["github", "gitlab"] = Field("github", description="Nền tảng của kho: github hoặc gitlab / the forge")
    cms: CmsSignIn = Field(CmsSignIn(), description="Đăng nhập trang quản trị /admin/ / sign-in to the CMS at /admin/")


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
    # The plan that the hand-written pages' {{ plan.* }} placeholders speak of; empty: the only plan.
    main_plan: Slug | None = Field(None, description="Kế hoạch chính của trang (mã trong data/plans/) / the site's main plan (an id in data/plans/)")


