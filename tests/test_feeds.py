"""Events from the organisers' own calendars, fetched from a local HTTP server (no test reaches the internet)."""

from __future__ import annotations

import json
import re
import shutil
import time
from datetime import date
from pathlib import Path

import icalendar
import pytest

from conftest import FIXTURES, ROOT, run_mkdocs, serving
from velkommen.build import add_feed_events
from velkommen.check.errors import errors_only
from velkommen.editors.status import status
from velkommen.load.feeds import events_from_calendar, fetch_all, imported_events
from velkommen.load.loader import load_site_data
from velkommen.model.community import Entry
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers

FEEDS = FIXTURES / "feeds"
TODAY = date(2026, 11, 23)


def _huge() -> bytes:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@big.example\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:2027{1 + i % 12:02d}{1 + i % 28:02d}T{10 + i % 8:02d}0000Z\r\n"
        f"DTEND:2027{1 + i % 12:02d}{1 + i % 28:02d}T{11 + i % 8:02d}0000Z\r\nSUMMARY:Begivenhed {i}\r\nEND:VEVENT\r\n"
        for i in range(10_000))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//big//EN\r\n{events}END:VCALENDAR\r\n".encode()


ROUTES: dict = {}


def _slowly() -> bytes:
    time.sleep(3)
    return (FEEDS / "library.ics").read_bytes()


@pytest.fixture(scope="module")
def server():
    ROUTES.update({"/library.ics": (FEEDS / "library.ics").read_bytes(), "/invalid.ics": (FEEDS / "invalid.ics").read_bytes(),
                   "/huge.ics": _huge(), "/slow.ics": _slowly})
    with serving(ROUTES, "text/calendar") as origin:
        yield origin


def _entry(*feeds: dict, entry_id: str = "library") -> Entry:
    return Entry.model_validate({
        "id": entry_id, "name": {"da": "Biblioteket"}, "kind": "library", "town": "padborg", "description": {"da": "Bøger."},
        "languages": ["da"], "source": "https://www.example.dk/", "confirmed": "2026-01-01", "feeds": list(feeds)})


def _events(**feed) -> list[dict]:
    entry = _entry({"url": "https://library.example/events.ics", "languages": ["da"], **feed})
    return events_from_calendar((FEEDS / "library.ics").read_bytes(), entry, 0, TODAY)


def test_a_repeating_event_shows_its_next_date_in_danish_time_without_the_excluded_date():
    weekly = [e for e in _events() if e["title"]["da"] == "Sprogcafé på biblioteket"]
    assert [(e["start"], e["end"]) for e in weekly] == [("2026-11-24 19:00", "2026-11-24 21:00")]
    # Later: the EXDATE of 29 December is skipped, and after the change to summer time it is still 19:00.
    entry = _entry({"url": "https://library.example/events.ics", "languages": ["da"]})
    later = events_from_calendar((FEEDS / "library.ics").read_bytes(), entry, 0, date(2026, 12, 23))
    assert [e["start"] for e in later if e["title"]["da"].startswith("Sprogcafé på")] == ["2027-01-05 19:00"]
    spring = events_from_calendar((FEEDS / "library.ics").read_bytes(), entry, 0, date(2027, 3, 28))
    assert [e["start"] for e in spring if e["title"]["da"].startswith("Sprogcafé på")] == ["2027-03-30 19:00"]


def test_events_far_in_the_past_or_future_and_all_day_events_are_left_out():
    titles = [e["title"]["da"] for e in _events()]
    assert not [t for t in titles if "1970" in t or "2999" in t or "hele dagen" in t]


def test_the_feeds_filters_keep_only_matching_events():
    assert {e["title"]["da"] for e in _events(category="Familie")} == {"Højtlæsning for børn"}
    assert {e["title"]["da"] for e in _events(keywords=["HØJTLÆSNING"])} == {"Højtlæsning for børn"}
    assert {e["title"]["da"] for e in _events(keywords=["sprogcafé"])} == {
        "Sprogcafé på biblioteket", "<script>alert('feed')</script> Sprogcafé ekstra"}


def test_each_event_links_to_its_source_and_names_its_organiser():
    by_title = {e["title"]["da"]: e for e in _events(target_groups=["international"])}
    cafe = by_title["Sprogcafé på biblioteket"]
    assert cafe["source"] == "https://library.example/sprogcafe" and cafe["organiser"] == "library"
    assert cafe["place"] == {"name": {"da": "Biblioteket, Padborg"}, "town": "padborg"}
    assert cafe["target_groups"] == ["international"]
    # A javascript: URL in the feed is not a source: the feed's own address is.
    assert by_title["<script>alert('feed')</script> Sprogcafé ekstra"]["source"] == "https://library.example/events.ics"


def test_fetching_keeps_good_feeds_and_skips_broken_slow_and_huge_ones_keeping_the_last_good_copy(server, tmp_path):
    url = f"{server}/library.ics"
    first = fetch_all([_entry({"url": url, "languages": ["da"]})], tmp_path, TODAY, timeout=1)
    assert [r.problem for r in first] == [None] and first[0].events > 0
    good = json.loads((tmp_path / "library.json").read_text(encoding="utf-8"))["feeds"][url]
    # The organiser's calendar breaks: its events stay, from the last good copy; the report says why.
    ROUTES["/library.ics"] = (FEEDS / "invalid.ics").read_bytes()
    try:
        broken = fetch_all([_entry({"url": url, "languages": ["da"]})], tmp_path, date(2026, 11, 24), timeout=1)
    finally:
        ROUTES["/library.ics"] = (FEEDS / "library.ics").read_bytes()
    assert "not a valid iCalendar calendar" in broken[0].problem
    assert json.loads((tmp_path / "library.json").read_text(encoding="utf-8"))["feeds"][url] == good
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report[0]["problem"] == broken[0].problem

    results = fetch_all([_entry({"url": f"{server}/slow.ics", "languages": ["da"]}, entry_id="slow"),
                         _entry({"url": f"{server}/missing.ics", "languages": ["da"]}, entry_id="missing"),
                         _entry({"url": f"{server}/huge.ics", "languages": ["da"]}, entry_id="huge")],
                        tmp_path, TODAY, timeout=1, max_bytes=100_000)
    problems = {r.entry: r.problem for r in results}
    assert "longer than 1 s" in problems["slow"]
    assert "could not be fetched" in problems["missing"]
    assert "larger than" in problems["huge"] or "MB" in problems["huge"]


def test_ten_thousand_events_are_capped():
    entry = _entry({"url": "https://big.example/huge.ics", "languages": ["da"]})
    events = events_from_calendar(_huge(), entry, 0, TODAY)
    assert len(events) == 200
    assert events == sorted(events, key=lambda e: (e["start"], e["id"]))


def _community_with_feed(tmp_path: Path, url: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "community", data)
    entries = data / "directory" / "entries" / "padborg.yaml"
    entries.write_text(entries.read_text(encoding="utf-8") + (
        "  - id: padborg-library\n    name: {da: Padborg Bibliotek}\n    kind: library\n    town: padborg\n"
        "    description: {da: Bøger og arrangementer.}\n    languages: [da]\n    source: https://www.example.dk/bib\n"
        f"    confirmed: 2026-11-01\n    feeds:\n      - url: {url}\n        languages: [da, de]\n"
        "        keywords: [sprogcafé, højtlæsning]\n"), encoding="utf-8")
    return data


def test_fetched_events_are_shown_beside_the_editors_events_as_text(server, tmp_path):
    data = _community_with_feed(tmp_path, f"{server}/library.ics")
    site = load_site_data(data)
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    fetch_all(site.entries("entries"), tmp_path / "feeds", TODAY)
    add_feed_events(site, tmp_path / "feeds")
    html = replace_markers("<!-- events:upcoming -->", RenderContext("en", "community/events.md", TODAY, site))
    assert "Sprogcafé på biblioteket" in html and "Information meeting for new residents" in html
    assert "&lt;script&gt;alert(&#39;feed&#39;)&lt;/script&gt;" in html and "<script>alert" not in html
    assert 'href="https://library.example/sprogcafe"' in html and "Padborg Bibliotek" in html


def test_the_build_publishes_fetched_events_in_pages_calendars_and_open_data(server, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(FIXTURES / "minisite", site_dir)
    shutil.rmtree(site_dir / "data")
    shutil.copytree(_community_with_feed(tmp_path, f"{server}/library.ics"), site_dir / "data")
    groups = site_dir / "data" / "target_groups.yaml"  # the mini site has only a home page for the groups to point at
    groups.write_text(re.sub(r"page: \S+", "page: index.md", groups.read_text(encoding="utf-8")), encoding="utf-8")
    (site_dir / "mkdocs.yml").write_text((site_dir / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                                         encoding="utf-8")
    fetch_all(load_site_data(site_dir / "data").entries("entries"), tmp_path / "feeds", TODAY)
    result = run_mkdocs(site_dir / "mkdocs.yml", tmp_path / "out", VELKOMMEN_FEEDS_DIR=str(tmp_path / "feeds"))
    assert result.returncode == 0, result.stdout + result.stderr
    feed = icalendar.Calendar.from_ical((tmp_path / "out" / "en" / "calendar" / "events.ics").read_bytes())
    summaries = {str(e["SUMMARY"]) for e in feed.walk("VEVENT")}
    assert "Sprogcafé på biblioteket" in summaries and "Højtlæsning for børn" in summaries
    events = json.loads((tmp_path / "out" / "data" / "events.json").read_text(encoding="utf-8"))
    assert any(e.get("organiser") == "padborg-library" for e in (events["events"] if isinstance(events, dict) else events))


def test_a_stored_event_the_model_refuses_is_left_out_and_told(tmp_path):
    entry = _entry({"url": "https://library.example/events.ics", "languages": ["da"]})
    good = _events()[0]
    (tmp_path / "library.json").write_text(json.dumps({"feeds": {"https://library.example/events.ics": {"events": [
        good, {**good, "id": "library-x", "start": "2026-13-01 10:00"}]}}}), encoding="utf-8")
    events, refused = imported_events([entry], tmp_path)
    assert [e.id for e in events] == [good["id"]]
    assert len(refused) == 1 and "library" in refused[0]


def test_the_editors_report_lists_the_feeds_that_were_skipped(server, tmp_path, monkeypatch):
    monkeypatch.setenv("VELKOMMEN_FEEDS_DIR", str(tmp_path / "feeds"))
    fetch_all([_entry({"url": f"{server}/invalid.ics", "languages": ["da"]})], tmp_path / "feeds", TODAY)
    st = status(load_site_data(FIXTURES / "community"), ROOT, TODAY)
    assert [(f["entry"], f["url"]) for f in st.feeds] == [("library", f"{server}/invalid.ics")]
    assert not st.empty
