"""iCalendar files (RFC 5545) for the events: a feed per language and one file per event."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, Timezone
from icalendar import Event as IcsEvent

from velkommen.model.community import Event
from velkommen.select.events import TIMEZONE, recurrence

PRODID = "-//Velkommen//Newcomer site//EN"


def _ics_event(event: Event, lang: str, url: str | None, stamp: datetime) -> IcsEvent:
    title, _ = event.title.get(lang)
    description, _ = event.description.get(lang)
    place = event.place.name.get(lang)[0] + (f", {event.place.address}" if event.place.address else "")
    ics = IcsEvent()
    ics.add("uid", f"{event.id}@velkommen")
    ics.add("dtstamp", stamp)
    ics.add("dtstart", event.start.replace(tzinfo=TIMEZONE))
    ics.add("dtend", event.end.replace(tzinfo=TIMEZONE))
    ics.add("summary", title)
    ics.add("description", description + (f"\n\n{event.signup}" if event.signup else ""))
    ics.add("location", place)
    if event.place.coordinates:
        ics.add("geo", (event.place.coordinates.lat, event.place.coordinates.lon))
    if url:
        ics.add("url", url)
    r = recurrence(event)
    if r:
        rrule_value: dict = {"freq": r.freq, "interval": r.interval}
        if r.nth is not None:
            rrule_value["byday"] = f"{r.nth}{['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][r.weekday]}"
        if r.count:
            rrule_value["count"] = r.count
        else:
            rrule_value["until"] = r.until.replace(tzinfo=TIMEZONE)
        ics.add("rrule", rrule_value)
    return ics


def calendars(events: list[Event], lang: str, name: str, url_of=None,
              stamp: datetime | None = None) -> tuple[bytes, dict[str, bytes]]:
    """The feed with every event, and a file per event id to add just that one.

    Each event is serialised once and its bytes reused in both (the same bytes
    icalendar writes for the whole calendar): a year of events is hundreds of files.
    """
    stamp = stamp or datetime.now(TIMEZONE)
    head, tail = _frame(name)
    vevents = {e.id: _ics_event(e, lang, url_of(e) if url_of else None, stamp).to_ical() for e in events}
    feed = head + (_timezone_bytes(*_years(events)) if events else b"") + b"".join(vevents.values()) + tail
    return feed, {e.id: head + _timezone_bytes(*_years([e])) + vevents[e.id] + tail for e in events}


@lru_cache(maxsize=64)
def _frame(name: str) -> tuple[bytes, bytes]:
    """A calendar's own lines, split where its components go."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    whole = cal.to_ical()
    tail = b"END:VCALENDAR\r\n"
    if not whole.endswith(tail):  # pragma: no cover - icalendar always ends a calendar so
        raise ValueError("unexpected iCalendar framing")
    return whole[: -len(tail)], tail


@lru_cache(maxsize=64)
def _timezone_bytes(first_year: int, last_year: int) -> bytes:
    return _vtimezone(first_year, last_year).to_ical()


def _years(events: list[Event]) -> tuple[int, int]:
    """The years the events (and their series) span."""
    first = min(e.start.year for e in events)
    last = max(_last_year(e) for e in events)
    return first, last


def _last_year(event: Event) -> int:
    repeat = event.repeat
    if repeat is None:
        return event.end.year
    if repeat.until:
        return repeat.until.year
    span_days = repeat.count * repeat.interval * (7 if repeat.every == "week" else 31)  # type: ignore[operator]
    return (event.end + timedelta(days=span_days)).year


@lru_cache(maxsize=16)
def _vtimezone(first_year: int, last_year: int) -> Timezone:
    """Copenhagen's time zone for the years the calendar needs (one component, shared by every file)."""
    return Timezone.from_tzinfo(TIMEZONE, tzid="Europe/Copenhagen", first_date=date(first_year, 1, 1),
                                last_date=date(last_year + 1, 1, 1))
