"""Dates, numbers and timings written the way each language writes them."""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date, format_time, get_day_names
from babel.numbers import format_decimal

from velkommen.model.community import Repeat
from velkommen.model.guide import EVENTS, offset_parts
from velkommen.model.plan import Timing
from velkommen.model.site import WEEKDAYS
from velkommen.render.words import ui
from velkommen.select.events import nth_weekday
from velkommen.select.periods import year_span

# British English writes "31 December 2022"; Babel's plain "en" is American.
LOCALES = {"da": "da_DK", "de": "de_DE", "en": "en_GB"}


def long_date(d: date, lang: str) -> str:
    return format_date(d, format="long", locale=LOCALES.get(lang, lang))


def number(value: float, lang: str) -> str:
    return format_decimal(value, locale=LOCALES.get(lang, lang))


def quarter_span(quarters: list[str], lang: str) -> str:
    parts = []
    for q in sorted(set(quarters)):
        year, n = q.split("-Q")
        parts.append(ui("quarter.long", lang, n=n, year=year))
    return ", ".join(parts)


def timing_core(timing: Timing, lang: str) -> str:
    """The years, quarters and dates of a timing, without the plan's own note."""
    parts = []
    if timing.years:
        parts.append(year_span(timing.years))
    if timing.quarters:
        parts.append(quarter_span(timing.quarters, lang))
    if timing.start or timing.end:
        dates = [long_date(d, lang) for d in (timing.start, timing.end) if d]
        parts.append(" – ".join(dict.fromkeys(dates)))
    return "; ".join(parts)


def measure(value: float | None, unit: str, lang: str) -> str:
    if value is None:
        return ""
    shown = number(value, lang)
    if not unit:
        return shown
    return f"{shown} {unit}" if unit != "%" or lang != "en" else f"{shown}%"


def event_time(start: datetime, end: datetime, lang: str) -> str:
    """'tirsdag 1. december 2026, 19.00–21.00' in the reader's language (local time)."""
    locale = LOCALES.get(lang, lang)
    day = format_date(start.date(), format="full", locale=locale)
    start_t = format_time(start.time(), format="short", locale=locale)
    end_t = format_time(end.time(), format="short", locale=locale)
    if start.date() == end.date():
        return f"{day}, {start_t}–{end_t}"
    return f"{day}, {start_t} – {format_date(end.date(), format='full', locale=locale)}, {end_t}"


def repeat_text(repeat: Repeat, first: datetime, lang: str) -> str:
    """How a series repeats, e.g. 'every month (first Tuesday)'."""
    key = f"repeat.{repeat.every}" + ("" if repeat.interval == 1 else ".n")
    text = ui(key, lang, n=repeat.interval)
    if repeat.every == "month" and repeat.same_weekday:
        nth = nth_weekday(first)
        weekday = format_date(first.date(), format="EEEE", locale=LOCALES.get(lang, lang))
        text += " " + ui("repeat.nth_weekday", lang, nth=ui(f"ordinal.{nth}", lang), weekday=weekday)
    return text


def short_address(url: str) -> str:
    """A web address as a reader copies it from paper: the site's name, e.g. 'kommune.dk' (no scheme, no www)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0]
    return host.removeprefix("www.")



def deadline_rule(deadline, lang: str) -> str:
    """A guide step's deadline (issue 19) in words: 'No later than 5 days after the day you move in.' (earliest first when both are given)."""
    event = ui(f"deadline.event.{deadline.event}", lang)
    sentences = []
    for kind in ("earliest", "latest"):
        value = getattr(deadline, kind)
        if value is None:
            continue
        amount, unit = offset_parts(value)
        if amount == 0:
            sentences.append(ui(f"deadline.{kind}_on", lang, event=event))
            continue
        span = ui(f"deadline.unit.{unit}.{'one' if abs(amount) == 1 else 'other'}", lang, n=abs(amount))
        sentences.append(ui(f"deadline.{kind}_{'after' if amount > 0 else 'before'}", lang, span=span, event=event))
    return " ".join(sentences)


def deadline_offset(value: str | None) -> str | None:
    """An offset for the script: '21 working days before' -> '-21 working-days'."""
    if value is None:
        return None
    amount, unit = offset_parts(value)
    return f"{amount} {unit}"


def deadline_events(steps: list) -> list[str]:
    """The events the steps' deadlines count from, in the model's order: the reader's date fields."""
    used = {d.event for s in steps for d in s.deadlines}
    return [e for e in EVENTS if e in used]


def opening_hours(times: list, lang: str) -> list[tuple[str, str]]:
    """Opening hours as rows of (days, hours): [('Mandag–onsdag', '10.00–15.00'), ...], in week order.

    Three or more days in a row are written as a span, others one by one.
    """
    names = get_day_names("wide", locale=LOCALES.get(lang, lang))
    rows = []
    for entry in sorted(times, key=lambda t: min(WEEKDAYS.index(d) for d in t.days)):
        days = sorted({WEEKDAYS.index(d) for d in entry.days})
        runs: list[list[int]] = []
        for day in days:
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        parts = [f"{names[r[0]]}–{names[r[-1]]}" if len(r) >= 3 else ", ".join(names[d] for d in r) for r in runs]
        label = ", ".join(parts)
        clock = [format_time(time.fromisoformat(t), format="short", locale=LOCALES.get(lang, lang)) for t in (entry.opens, entry.closes)]
        rows.append((label[:1].upper() + label[1:], "–".join(clock)))
    return rows
