"""data/site.yml: the site's name, repository, licence and menu."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from .common import NonEmpty, OptionalText, RepoPath, Slug, Source, Strict, Text, Website


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


class ProvinceReorganisation(Strict):
    """What became of the province when the provinces were reorganised from 1/7/2025: the site owner's record.
    Nothing is assumed while it is empty; the home page then says that it is not recorded yet."""

    change: OptionalText = Field(OptionalText(), description=(
        "Tỉnh thay đổi thế nào từ ngày 1/7/2025 (hợp nhất với tỉnh nào, hay giữ nguyên), kèm văn bản căn cứ; "
        "để trống khi chưa ghi / how the province changed from 1/7/2025 (merged with which, or unchanged), "
        "with the document that says so; empty while not recorded"))
    current_name: OptionalText = Field(OptionalText(), description=(
        "Tên tỉnh hiện nay / the province's name today"))
    source: Source | None = Field(None, description=(
        "Văn bản sắp xếp lại các tỉnh, hiện cạnh mọi câu nói về việc đó / the document that reorganised the "
        "provinces, shown wherever the site speaks of it"))


class Site(Strict):
    province: OptionalText = OptionalText()
    province_reorganisation: ProvinceReorganisation = Field(ProvinceReorganisation(), description=(
        "Việc sắp xếp lại các tỉnh từ ngày 1/7/2025 / the reorganisation of the provinces from 1/7/2025"))
    contact: OptionalText = Field(OptionalText(), description=(
        "Nơi người dân hỏi hoặc góp ý về Kế hoạch (địa chỉ, điện thoại, thư điện tử); để trống thì trang chỉ "
        "nêu cơ quan cần hỏi / where residents ask or comment (address, phone, e-mail); empty: the site names "
        "the body to ask only"))
    name: Text
    description: Text
    repository: Repository = Repository()
    open_data_licence: Licence = Licence()
    show_view_counts: bool = False
    navigation: list[NavEntry] = Field(min_length=1)
    # The plan that the hand-written pages' {{ plan.* }} placeholders speak of; empty: the only plan.
    main_plan: Slug | None = Field(None, description="Kế hoạch chính của trang (mã trong data/plans/) / the site's main plan (an id in data/plans/)")


