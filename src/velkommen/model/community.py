"""The community directory and newcomer events (data/directory/, data/events/).

towns.yaml             - towns and villages of the municipality
directory/entries/*.yaml - associations, local councils, libraries, language cafés, ...
events/*.yaml          - events and series (dates and times in Europe/Copenhagen)
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Email, Flag, Id, LanguageCode, Name, NonEmptyStr, Phone, Ref, Strict, Text, Url
from velkommen.model.plan import TargetGroupId
from velkommen.model.site import Image

TownId = Annotated[Id, Ref("town")]
EntryId = Annotated[Id, Ref("directory_entry")]

# The municipality lies in Southern Jutland on the German border: accept
# Denmark and northern Germany, reject obvious slips (swapped lat/lon, a
# missing minus, a point in the sea off Africa).
LAT_RANGE = (53.5, 57.8)
LON_RANGE = (8.0, 15.2)

Kind = Literal[
    "association", "local-council", "welcome-ambassador", "language-cafe", "newcomer-network",
    "sports", "culture", "volunteering", "faith", "library", "education", "public-service", "family",
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]

Audience = Literal["families", "children", "youth", "adults", "seniors", "everyone"]


class Point(Strict):
    lat: float = Field(description="Latitude in decimal degrees, e.g. 55.0443.")
    lon: float = Field(description="Longitude in decimal degrees, e.g. 9.4174.")

    @model_validator(mode="after")
    def _in_region(self) -> Point:
        lat_ok = LAT_RANGE[0] <= self.lat <= LAT_RANGE[1]
        lon_ok = LON_RANGE[0] <= self.lon <= LON_RANGE[1]
        if not (lat_ok and lon_ok):
            swapped = LAT_RANGE[0] <= self.lon <= LAT_RANGE[1] and LON_RANGE[0] <= self.lat <= LON_RANGE[1]
            fix = "latitude and longitude seem swapped: put the larger value (about 55) in `lat` and the smaller (about 9–12) in `lon`" if swapped \
                else "copy the coordinates again, e.g. from an online map (Danish towns lie at latitude 54.5–57.8, longitude 8–15)"
            raise PydanticCustomError("outside_region", "the point ({lat}, {lon}) lies outside Denmark and northern Germany",
                                      {"lat": self.lat, "lon": self.lon, "fix": fix})
        return self


class Coordinates(Point):
    source: Url | None = Field(default=None, description="Where the coordinates come from, e.g. the town's GeoNames page.")


class Town(Strict):
    id: Id
    name: Name = Field(description="The town's name; add the German name under `de` where it has one (towns near the border often do).")
    coordinates: Coordinates | None = None
    description: Text | None = Field(default=None, description="A sentence or two about the town, only what `source` states.")
    source: Url | None = Field(default=None, description="The page the description's facts come from (required with a description).")
    image: Image | None = Field(default=None, description=(
        "A picture of the town or its landscape, shown at the top of its page, with alt text, credit and licence."))

    @model_validator(mode="after")
    def _description_has_source(self) -> Town:
        if self.description is not None and self.source is None:
            raise PydanticCustomError("description_source", "the town's description has no `source`",
                                      {"fix": "add `source:` with the page that states what the description says, "
                                              "or remove the description"})
        return self


class Neighbour(Strict):
    """A town outside the municipality that newcomers know, drawn on the map for orientation only."""

    name: Name
    coordinates: Coordinates


class Border(Strict):
    """A line drawn on the map for orientation (a national border), with where it was taken from."""

    name: Text = Field(description="Its label on the map, e.g. 'Grænsen til Tyskland'.")
    points: list[Point] = Field(min_length=2, description="The line's points in order, west to east or east to west.")
    source: Url = Field(description="Where the line comes from, e.g. the Natural Earth layer it was taken from.")
    licence: NonEmptyStr = Field(description="Under what terms the line may be shown, e.g. 'public domain (Natural Earth)'.")


class Towns(Strict):
    towns: list[Town] = Field(min_length=1)
    neighbours: list[Neighbour] = Field(default_factory=list, description=(
        "Towns nearby but outside the municipality (e.g. across the border), shown on the map for orientation."))
    borders: list[Border] = Field(default_factory=list, description=(
        "Lines drawn on the map for orientation, e.g. the national border (scripts/town_coordinates.py --border)."))


class Contact(Strict):
    """Only what the organisation publishes itself."""

    website: Url | None = None
    email: Email | None = None
    phone: Phone | None = None


class Feed(Strict):
    """A public calendar the organiser publishes itself: the scheduled build takes its upcoming events."""

    url: Url = Field(description="The calendar's iCalendar address (often ends in .ics), as the organiser publishes it.")
    languages: list[LanguageCode] = Field(min_length=1, description="Languages the events are held in, e.g. [da].")
    keywords: list[NonEmptyStr] = Field(default_factory=list, description=(
        "Keep only events whose title or description contains one of these words (any case). Empty: every event."))
    category: NonEmptyStr | None = Field(default=None, description=(
        "Keep only events the calendar puts in this category (its CATEGORIES), e.g. Familie."))
    target_groups: list[TargetGroupId] = Field(default_factory=list, description="Target groups the events suit.")


class Entry(Strict):
    id: Id
    name: Name = Field(description="The organisation's own name under `da`; translations only where it uses them.")
    kind: Kind
    town: TownId
    description: Text = Field(description="Two or three sentences: what happens there and who it is for.")
    languages: list[LanguageCode] = Field(min_length=1, description="Languages spoken there, e.g. [da, de, en].")
    target_groups: list[TargetGroupId] = Field(default_factory=list, description="Target groups it suits especially (may be empty).")
    audience: list[Audience] = Field(default_factory=list, description="Who it suits: families, children, youth, adults, seniors, everyone.")
    join: Text | None = Field(default=None, description="How to take part or become a member.")
    contact: Contact | None = None
    address: NonEmptyStr | None = Field(default=None, description="Street address, only where the organisation publishes it.")
    coordinates: Coordinates | None = None
    source: Url = Field(description="Where the facts of the entry were checked (the organisation's own page or an official one).")
    confirmed: Day = Field(description="Date the entry was last confirmed against its source.")
    feeds: list[Feed] = Field(default_factory=list, description=(
        "The organiser's own public calendars: their upcoming events are shown beside the events entered by hand."))


class Entries(Strict):
    entries: list[Entry] = Field(min_length=1)


def _local_datetime(value: Any) -> Any:
    # "2026-12-03 19:00" or "2026-12-03T19:00", local time in Copenhagen, no zone.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_format", "'{value}' is not a date and time",
                                  {"value": value, "fix": "write it as YYYY-MM-DD HH:MM in Danish local time, e.g. 2026-12-03 19:00"})
    try:
        parsed = datetime.strptime(value.strip().replace("T", " "), "%Y-%m-%d %H:%M")
    except ValueError:
        raise PydanticCustomError("datetime_format", "'{value}' is not a real date and time in the form YYYY-MM-DD HH:MM",
                                  {"value": value, "fix": "write it as YYYY-MM-DD HH:MM in Danish local time, e.g. 2026-12-03 19:00"}) from None
    return parsed


LocalDateTime = Annotated[datetime, BeforeValidator(_local_datetime),
                          Field(description="Date and time in Danish local time: YYYY-MM-DD HH:MM.")]


class Repeat(Strict):
    every: Literal["week", "month"] = Field(description="week or month.")
    interval: int = Field(default=1, ge=1, le=12, description="Every 1st, 2nd, ... week or month.")
    until: Day | None = Field(default=None, description="Last possible date of the series.")
    count: int | None = Field(default=None, ge=1, le=520, description="Number of times, instead of `until`.")
    same_weekday: Flag = Field(default=False, description="Monthly only: on the same weekday of the month as the first date, e.g. every first Tuesday.")

    @model_validator(mode="after")
    def _bounded(self) -> Repeat:
        if self.until is None and self.count is None:
            raise PydanticCustomError("repeat_unbounded", "the series has no end",
                                      {"fix": "add `until: YYYY-MM-DD` or `count: N` so the series ends and gets checked again"})
        if self.until is not None and self.count is not None:
            raise PydanticCustomError("repeat_both", "the series has both `until` and `count`",
                                      {"fix": "keep one of them"})
        if self.same_weekday and self.every != "month":
            raise PydanticCustomError("repeat_weekday", "`same_weekday` only works with `every: month`",
                                      {"fix": "remove `same_weekday`, or set `every: month`"})
        return self


class Venue(Strict):
    name: Text
    town: TownId
    address: NonEmptyStr | None = None
    coordinates: Coordinates | None = None


class Event(Strict):
    id: Id
    title: Text
    description: Text
    start: LocalDateTime
    end: LocalDateTime
    repeat: Repeat | None = Field(default=None, description="For a series: how it repeats.")
    place: Venue
    languages: list[LanguageCode] = Field(min_length=1)
    target_groups: list[TargetGroupId] = Field(default_factory=list)
    organiser: EntryId = Field(description="The id of the organiser's entry in the directory.")
    signup: Url | None = Field(default=None, description="Where to sign up, if needed.")
    source: Url = Field(description="Where the event is announced.")
    confirmed: Day

    @model_validator(mode="after")
    def _ends_after_start(self) -> Event:
        if self.end <= self.start:
            raise PydanticCustomError("event_order", "the event ends ({end}) before or when it starts ({start})",
                                      {"end": self.end.strftime("%Y-%m-%d %H:%M"), "start": self.start.strftime("%Y-%m-%d %H:%M"),
                                       "fix": "check the date and the time of `end`"})
        if self.repeat and self.repeat.until and self.repeat.until < self.start.date():
            raise PydanticCustomError("repeat_order", "the series ends ({until}) before its first event",
                                      {"until": str(self.repeat.until), "fix": "correct `repeat.until` or `start`"})
        return self


class Events(Strict):
    events: list[Event] = Field(default_factory=list)
