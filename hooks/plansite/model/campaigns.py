"""data/authors.yml and data/campaigns.yml: the news authors, and the communication campaigns."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from .common import Language, NonEmpty, Slug, Strict, Text, refused
from .plan import Period

# ---- data/authors.yml

# A file under docs/assets/: each part of the path starts with a letter, digit, "_" or "-", so none is ".."
# (a cover or avatar can never name a file outside docs/assets/) and none is a hidden file.
AssetPath = Annotated[str, StringConstraints(pattern=r"^assets(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$")]


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
            raise refused("generated_or_files")
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
            raise refused("event_mixed_times")
        if self.end is not None and self.end < self.start:
            raise refused("event_reversed")
        return self


class Campaign(Strict):
    id: Slug
    # Which plan the campaign serves; left out, the only plan, or with several the plan of its first group.
    plan: Slug | None = None
    title: Text
    summary: Text
    period: Period
    audiences: list[Text] = Field(min_length=1)
    channels: list[Text] = Field(min_length=1)
    key_messages: list[Text] = Field(min_length=1)
    groups: list[Slug] = Field(min_length=1)
    materials: list[CampaignMaterial] = []
    events: list[CampaignEvent] = []


class Campaigns(Strict):
    # `campaigns:` with nothing under it is no campaign, as an editor would mean it.
    campaigns: list[Campaign] = []

    @field_validator("campaigns", mode="before")
    @classmethod
    def none_is_empty(cls, value: object) -> object:
        return [] if value is None else value


