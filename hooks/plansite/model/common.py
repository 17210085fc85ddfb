"""The pieces every data file is made of: two-language texts, ids, dates, paths, sources."""
from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

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


def refused(key: str, **values: object) -> PydanticCustomError:
    """A model's own rule is broken: the editors' message is `problems.<key>` in the catalogue, with its fix in
    `fixes.<key>` when there is one (plansite.load.sitedata.explain); values fill their {placeholders}."""
    return PydanticCustomError(key, key, values)


def inside_repository(path: str) -> str:
    """A file reference in the data: relative, forward slashes, never climbing out with `..`."""
    parts = PurePosixPath(path).parts
    if path.startswith("/") or "\\" in path or ":" in path or ".." in parts or not parts:
        raise refused("outside_repository", shown=repr(path))
    return path


# Every file named in the data or in front matter: a relative path that cannot leave the repository.
RepoPath = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(inside_repository)]


def describe_fields(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Each field's description in the JSON Schema, from the catalogue's `fields.<Model>.<field>` in every
    language ("nhãn; gợi ý / English": editors see it as they type, the CMS makes its label and hint of it).
    A field inherited keeps its owner's; a field without an entry keeps the description it was given."""
    from plansite.validate.problems import has_text, say  # the catalogue's languages come from this package

    for name, prop in schema.get("properties", {}).items():
        key = next((f"fields.{owner.__name__}.{name}" for owner in model.__mro__
                    if has_text(f"fields.{owner.__name__}.{name}")), None)
        if key:
            prop["description"] = say(key)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=describe_fields)


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
            raise refused("both_or_neither")
        return self

    def __call__(self, language: Language) -> str:
        return getattr(self, language).strip()


class Source(Strict):
    """Where a public fact comes from: a document (its number or title) and/or an address."""

    document: OptionalText = OptionalText()
    url: Website = ""

    @model_validator(mode="after")
    def names_something(self) -> Source:
        if not self.document("vi") and not self.url:
            raise refused("source_names_nothing")
        return self
