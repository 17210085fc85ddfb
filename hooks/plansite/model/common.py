"""The pieces every data file is made of: two-language texts, ids, dates, paths, sources."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Annotated, Literal, Union, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Website = Annotated[str, StringConstraints(pattern=r"^(https?://\S+)?$")]
# A name a hand-written page uses in a placeholder ({{ <framework>.<figure> }}).
FactName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
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




class Source(Strict):
    """Where a public fact comes from: a document (its number or title) and/or an address."""

    document: OptionalText = Field(OptionalText(), description="Văn bản: số hiệu hoặc tên / the document's number or title")
    url: Website = Field("", description="Địa chỉ công khai / a public address (https://…)")

    @model_validator(mode="after")
    def names_something(self) -> Source:
        if not self.document("vi") and not self.url:
            raise ValueError("ghi văn bản hoặc địa chỉ nguồn / give a document or an address")
        return self
