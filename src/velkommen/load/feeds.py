"""Events from the organisers' own calendars: the iCalendar feeds named in directory entries.

Two steps, so that no feed can break or slow a build:

1. `python -m velkommen feeds` (the scheduled build runs it first) fetches
   each feed with a time and size limit, expands its recurrences
   (RRULE, RDATE, EXDATE, time zones: `recurring-ical-events`) over the
   coming year, keeps the events that pass the entry's filters, and writes
   them as plain values to `<feeds dir>/<entry id>.json`. A feed that fails
   keeps its last good copy, and its problem goes to `report.json` for the
   editors' report.
2. The build reads those files (`imported_events`), validates every event
   with the model editors' events use, and shows them beside those.

A feed's text is the organiser's, not ours: plain text, capped in length,
and rendered by the autoescaped templates like every other value.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time as clock
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import recurring_ical_events
from pydantic import ValidationError

from velkommen.load.web import FetchError, fetch
from velkommen.model.community import Entry, Event
from velkommen.select.events import TIMEZONE

TIMEOUT_S = 10  # per feed, connecting and reading
MAX_BYTES = 2_000_000  # a library's whole-year calendar is a few hundred kB
MAX_EVENTS = 200  # per feed and year: more would swamp the events page
HORIZON_DAYS = 365
TITLE_MAX, DESCRIPTION_MAX = 120, 600
REPORT = "report.json"
FEEDS_ENV = "VELKOMMEN_FEEDS_DIR"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FeedError(FetchError):
    """Why a feed that was fetched was skipped, in words for the editors' report."""


@dataclass(frozen=True)
class FetchResult:
    entry: str
    url: str
    events: int  # kept after filtering (0 when skipped)
    problem: str | None
    seconds: float


def feeds_dir(root: Path) -> Path:
    """Where the fetched events are kept between builds: $VELKOMMEN_FEEDS_DIR, else .cache/feeds."""
    return Path(os.environ.get(FEEDS_ENV) or root / ".cache" / "feeds")


def feed_entries(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.feeds]


def _text(component: Any, name: str, limit: int) -> str:
    value = component.get(name)
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value)).strip()
    text = re.sub(r"[ \t]+", " ", text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _categories(component: Any) -> set[str]:
    found = set()
    raw = component.get("CATEGORIES")
    for item in raw if isinstance(raw, list) else [raw] if raw is not None else []:
        for cat in getattr(item, "cats", [item]):
            found.add(str(cat).strip().lower())
    return found


def _local(value: Any) -> datetime | None:
    """A start or end as Danish local time without zone (the model's form); None for all-day values."""
    if not isinstance(value, datetime):
        return None  # all-day: the events page shows times, so all-day events are left out
    if value.tzinfo is None:  # "floating" time: the organiser's local time, in Denmark
        return value.replace(second=0, microsecond=0)
    return value.astimezone(TIMEZONE).replace(tzinfo=None, second=0, microsecond=0)


def _event_id(entry_id: str, uid: str, start: datetime) -> str:
    digest = hashlib.sha1(f"{uid}|{start.isoformat()}".encode()).hexdigest()[:10]
    return f"{entry_id[:60]}-{digest}"


def _starts(components: list) -> list[tuple[datetime, Any]]:
    """Each occurrence with its local start; all-day occurrences (no time to show) left out."""
    found = []
    for component in components:
        dtstart = component.get("DTSTART")
        begins = _local(dtstart.dt) if dtstart is not None else None
        if begins is not None:
            found.append((begins, component))
    return found


def events_from_calendar(data: bytes, entry: Entry, feed_index: int, today: date) -> list[dict]:
    """The feed's upcoming occurrences that pass the filters, as plain event values (not yet validated)."""
    feed = entry.feeds[feed_index]
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise FeedError(f"the file is not a valid iCalendar calendar ({str(exc)[:80]})") from exc
    start = datetime.combine(today, datetime.min.time(), TIMEZONE)
    try:
        components = recurring_ical_events.of(calendar).between(start, start + timedelta(days=HORIZON_DAYS))
    except Exception as exc:  # the library raises many kinds on broken rules; none may stop the build
        raise FeedError(f"the calendar's repeating events cannot be read ({type(exc).__name__})") from exc
    keywords = [k.lower() for k in feed.keywords]
    events = []
    series: set[str] = set()  # like the editors' series, a repeating event shows its next date only
    for begins, component in sorted(_starts(components), key=lambda pair: pair[0]):
        uid = str(component.get("UID") or "")
        if uid and uid in series:
            continue
        ends = None
        if component.get("DTEND") is not None:
            ends = _local(component["DTEND"].dt)
        elif component.get("DURATION") is not None:
            ends = begins + component["DURATION"].dt
        ends = ends if ends and ends > begins else begins + timedelta(hours=1)
        title = _text(component, "SUMMARY", TITLE_MAX)
        description = _text(component, "DESCRIPTION", DESCRIPTION_MAX) or title
        if not title:
            continue
        words = f"{title} {description}".lower()
        if keywords and not any(k in words for k in keywords):
            continue
        if feed.category and feed.category.strip().lower() not in _categories(component):
            continue
        link = str(component.get("URL") or "")
        if uid:
            series.add(uid)
        events.append({
            "id": _event_id(entry.id, uid or title, begins),
            "title": {"da": title},
            "description": {"da": description},
            "start": begins.strftime("%Y-%m-%d %H:%M"),
            "end": ends.strftime("%Y-%m-%d %H:%M"),
            "place": {"name": {"da": _text(component, "LOCATION", TITLE_MAX) or entry.name.da}, "town": entry.town},
            "languages": list(feed.languages),
            "target_groups": list(feed.target_groups),
            "organiser": entry.id,
            "source": link if link.startswith("https://") else feed.url,
            "confirmed": today.isoformat(),
        })
        if len(events) >= MAX_EVENTS:
            break
    return sorted(events, key=lambda e: (e["start"], e["id"]))


def fetch_all(entries: list[Entry], feeds_dir: Path, today: date, timeout: float = TIMEOUT_S,
              max_bytes: int = MAX_BYTES) -> list[FetchResult]:
    """Fetch every feed; write each entry's events, keeping the last good copy of a feed that failed."""
    feeds_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for entry in feed_entries(entries):
        path = feeds_dir / f"{entry.id}.json"
        previous = _read(path).get("feeds", {}) if path.exists() else {}
        kept: dict[str, Any] = {}
        for i, feed in enumerate(entry.feeds):
            began = clock.monotonic()
            try:
                events = events_from_calendar(fetch(feed.url, timeout, max_bytes, "the calendar"), entry, i, today)
                kept[feed.url] = {"fetched": today.isoformat(), "events": events}
                problem = None
            except FetchError as exc:  # fetching it or reading it
                problem = str(exc)
                if feed.url in previous:
                    kept[feed.url] = previous[feed.url]  # the last good copy
            seconds = clock.monotonic() - began
            results.append(FetchResult(entry.id, feed.url, len(kept.get(feed.url, {}).get("events", [])) if not problem else 0,
                                       problem, seconds))
        path.write_text(json.dumps({"entry": entry.id, "feeds": kept}, ensure_ascii=False, indent=1), encoding="utf-8")
    report = [{"entry": r.entry, "url": r.url, "events": r.events, "problem": r.problem} for r in results]
    (feeds_dir / REPORT).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def _read(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def imported_events(entries: list[Entry], feeds_dir: Path) -> tuple[list[Event], list[str]]:
    """The events the last fetch kept, for entries that still name those feeds; and what was refused."""
    events: list[Event] = []
    refused: list[str] = []
    seen: set[str] = set()
    for entry in feed_entries(entries):
        stored = _read(feeds_dir / f"{entry.id}.json").get("feeds", {})
        for feed in entry.feeds:
            for raw in (stored.get(feed.url) or {}).get("events", []):
                try:
                    event = Event.model_validate(raw)
                except ValidationError as exc:
                    refused.append(f"{entry.id}: an event from {feed.url} was left out ({exc.errors()[0]['msg']})")
                    continue
                if event.organiser == entry.id and event.id not in seen:
                    seen.add(event.id)
                    events.append(event)
    return events, refused


def feed_report(feeds_dir: Path) -> list[dict]:
    """The last fetch's lines for the editors' report: one per feed, with its problem if it was skipped."""
    try:
        value = json.loads((feeds_dir / REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return value if isinstance(value, list) else []
