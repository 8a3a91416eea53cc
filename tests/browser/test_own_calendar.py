"""The reader's dates in their own calendar (issue 19): an iCalendar file made in the browser, and the printed checklist."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from .browsing import DESKTOP

pytestmark = pytest.mark.browser


def _enter(page, dates: dict[str, str]) -> None:
    for event, day in dates.items():
        page.fill(f"#vk-date-{event}", day)
        page.dispatch_event(f"#vk-date-{event}", "change")


def test_the_calendar_file_is_made_in_the_browser_and_is_valid_icalendar(open_context, site_server):
    context, watch = open_context(DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/for/non-eu/"))
    assert not page.is_visible(".vk-dates__ics"), "no button before there is a date"
    _enter(page, {"move-in": "2027-03-07", "work-start": "2027-04-01"})
    with page.expect_download() as info:
        page.click(".vk-dates__ics")
    download = info.value
    assert download.url.startswith("blob:") and download.suggested_filename == "my-deadlines.ics"
    raw = open(download.path(), "rb").read()

    # RFC 5545: CRLF line ends, no line longer than 75 octets, continuation lines start with a space.
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long descriptions are folded"
    text = raw.decode("utf-8")  # folding never splits a character

    calendar = Calendar.from_ical(raw)
    events = {str(e["UID"]).split("-2027")[0]: e for e in calendar.walk("VEVENT")}
    assert {"register-cpr", "car-registration", "tax-card", "driving-licence"} <= set(events)
    assert len(events) == len(calendar.walk("VEVENT")), "one event per dated step"
    cpr = events["register-cpr"]
    assert cpr["DTSTART"].dt == date(2027, 3, 12) and cpr["DTEND"].dt == date(2027, 3, 13)
    assert str(cpr["SUMMARY"]) == "Register your address and get a CPR number"
    assert str(cpr["URL"]).endswith("/en/guide/for/non-eu/#step-register-cpr")
    assert cpr.get("DTSTAMP") is not None and "@" in str(cpr["UID"])
    description = str(cpr["DESCRIPTION"])
    assert "By Friday" in description and "Bring:" in description and "Where:" in description and "#step-register-cpr" in description
    [alarm] = cpr.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(days=-3)
    # The tax card's conditions carry commas and semicolons only as escaped text.
    assert "If you do not have a personal tax number yet" in str(events["tax-card"]["DESCRIPTION"])
    assert not re.search(r"(?<!\\)[,;]", "".join(
        line.split(":", 1)[1] for line in text.replace("\r\n ", "").split("\r\n") if line.startswith(("SUMMARY:", "DESCRIPTION:", "LOCATION:"))))
    assert page.inner_text(".vk-dates__status").strip()
    assert watch.errors == [] and watch.csp == [] and watch.foreign_requests() == []


def test_the_printed_checklist_shows_each_step_s_date(open_context, site_server):
    context, _ = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/for/non-eu/"))
    _enter(page, {"move-in": "2027-03-07"})
    page.evaluate("document.documentElement.classList.add('vk-print-checklist')")
    page.emulate_media(media="print")
    assert page.is_visible(".vk-step[data-step='register-cpr'] .vk-step__date")
    assert "12 March 2027" in page.inner_text(".vk-step[data-step='register-cpr'] .vk-step__meta")
    assert not page.is_visible(".vk-dates__form")
