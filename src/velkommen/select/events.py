"""Events: occurrences of events and series, and which are upcoming on the build date.

Times in the data are local time in Copenhagen. Series repeat weekly or
monthly (optionally on "the same weekday of the month", e.g. every first
Tuesday) until a date or for a number of times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from velkommen.model.community import Event

TIMEZONE = ZoneInfo("Europe/Copenhagen")
# An occurrence that ends before this hour on the build day is over for the
# reader (a party until 01:00); a festival still running that day is kept.
DAY_STARTS = time(6, 0)


@dataclass(frozen=True)
class Occurrence:
    event: Event
    start: datetime
    end: datetime


def nth_weekday(day: date) -> int:
    """Which of its weekday in the month a day is: the second Tuesday of a month -> 2."""
    return (day.day - 1) // 7 + 1


@dataclass(frozen=True)
class Recurrence:
    """How a series repeats, as RFC 5545 says it: the one reading of `repeat` for the expansion and the calendar files."""

    freq: str  # "MONTHLY" or "WEEKLY"
    interval: int
    weekday: int | None  # with nth: the nth weekday of the month (0 = Monday)
    nth: int | None
    count: int | None
    until: datetime | None  # the end of the last day, local time


def recurrence(event: Event) -> Recurrence | None:
    repeat = event.repeat
    if repeat is None:
        return None
    on_weekday = repeat.every == "month" and repeat.same_weekday
    return Recurrence(freq="MONTHLY" if repeat.every == "month" else "WEEKLY", interval=repeat.interval,
                      weekday=event.start.weekday() if on_weekday else None,
                      nth=nth_weekday(event.start) if on_weekday else None, count=repeat.count,
                      until=None if repeat.count else datetime.combine(repeat.until, time(23, 59)))  # type: ignore[arg-type]


def _rule(event: Event, until: datetime | None = None) -> rrule | None:
    r = recurrence(event)
    if r is None:
        return None
    kwargs = {"dtstart": event.start, "interval": r.interval}
    if r.nth is not None:
        kwargs["byweekday"] = weekday(r.weekday)(r.nth)
    if r.count:
        kwargs["count"] = r.count
    else:
        kwargs["until"] = min(r.until, until) if until else r.until
    return rrule(MONTHLY if r.freq == "MONTHLY" else WEEKLY, **kwargs)


def still_to_come(event: Event, on: date) -> bool:
    """Whether any occurrence of the event ends after the start of `on`."""
    last = occurrences(event)[-1]
    return last.end > datetime.combine(on, DAY_STARTS)


def occurrences(event: Event, until: datetime | None = None) -> list[Occurrence]:
    """Every start of an event or series (a bounded series; `until` caps the expansion)."""
    length = event.end - event.start
    rule = _rule(event, until)
    starts = list(rule) if rule else [event.start]
    return [Occurrence(event, s, s + length) for s in starts]


def upcoming(events: list[Event], on: date, horizon_days: int = 370) -> list[Occurrence]:
    """Occurrences that have not ended by 06:00 on `on`, within the horizon, soonest first.

    A series shows its next occurrence only, so the list stays short.
    """
    start_of_day = datetime.combine(on, DAY_STARTS)
    horizon = start_of_day + timedelta(days=horizon_days)
    found = []
    for event in events:
        nxt = next((o for o in occurrences(event, horizon) if o.end > start_of_day), None)
        if nxt and nxt.start <= horizon:
            found.append(nxt)
    return sorted(found, key=lambda o: (o.start, o.event.id))
