"""Typed values that flow through the pipeline, and the `tariffs.timeline/1` document.

The pydantic models here are the single source of the JSON export: the CLI
dumps them and never builds a dict by hand.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "tariffs.timeline/1"

PublishedFrom = Literal["manifest", "html", "header", "inferred"]
Precision = Literal["day", "weekend", "week", "part_of_month", "month", "year"]
Sector = Literal["all", "autos", "steel", "aluminum", "semiconductors", "pharmaceuticals", "agriculture", "other"]


class Source(BaseModel):
    """A sentence an event was read from, for provenance."""

    article: str
    text: str


class Reading(BaseModel):
    """One value a field was given, and the articles that gave it."""

    value: str | int | float | None
    articles: list[str]


class Conflict(BaseModel):
    """A field the merged articles disagree on, with every reading."""

    field: str
    readings: list[Reading]


class Instrument(BaseModel):
    """What made a measure or a deal: an executive order (and its number), a proclamation, a letter ..."""

    kind: Literal["executive_order", "proclamation", "letter", "memorandum", "post", "joint_statement", "notice"]
    number: str | None = None


class Step(BaseModel):
    """One step of a rate's life (announced, threatened, agreed, in effect, paused, ended), dated as told."""

    status: Literal["in_effect", "announced", "threatened", "proposed", "agreed", "paused", "ended"]
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: Precision | None = None
    effective: dt.date | None = None
    instrument: Instrument | None = None
    articles: list[str] = Field(default_factory=list)


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = ""
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_text: str | None = None
    date_precision: Precision | None = None
    summary: str = ""
    officials: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)


class Meeting(_Event):
    type: Literal["meeting"] = "meeting"
    mode: Literal["in_person", "phone", "video"] = "in_person"
    status: Literal["held", "planned", "proposed", "cancelled"] = "held"
    location: str | None = None
    round: int | None = None
    duration_minutes: int | None = None


class Tariff(_Event):
    type: Literal["tariff"] = "tariff"
    rate: float
    sector: Sector = "all"
    status: Literal["in_effect", "announced", "threatened", "proposed", "agreed", "paused", "ended"] = "in_effect"
    measure: Literal["baseline", "country_specific", "sectoral", "combined", "mfn"] | None = None
    previous_rate: float | None = None
    imposer: str = "US"
    target: str = "JP"
    steps: list[Step] = Field(default_factory=list)
    instrument: Instrument | None = None


class Statement(_Event):
    type: Literal["statement"] = "statement"
    speaker: str | None = None
    quote: str | None = None


class Agreement(_Event):
    type: Literal["agreement"] = "agreement"
    parties: list[str] = Field(default_factory=lambda: ["JP", "US"])
    status: Literal["reached", "expected"] = "reached"
    kind: Literal["deal", "procedural", "memorandum", "order"] = "deal"
    what: str | None = None
    instrument: Instrument | None = None


class Deadline(_Event):
    type: Literal["deadline"] = "deadline"
    what: str = ""
    instrument: Instrument | None = None


Event = Annotated[Meeting | Tariff | Statement | Agreement | Deadline, Field(discriminator="type")]


class ArticleInfo(BaseModel):
    """What the timeline says about one article it read."""

    id: str
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


class Timeline(BaseModel):
    """The `tariffs.timeline/1` document."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: Literal["tariffs.timeline/1"] = Field(SCHEMA, alias="schema")
    articles: list[ArticleInfo] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)
