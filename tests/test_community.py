"""The community directory, events and open data, from a small fixture."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from conftest import FIXTURES
from velkommen.check.errors import errors_only, notices_only
from velkommen.check.notices import editor_notices
from velkommen.load.loader import load_site_data
from velkommen.outputs.generated import files_for, pages_for
from velkommen.outputs.ical import calendars
from velkommen.outputs.opendata import csv_columns, directory_csv, directory_json, events_json, plan_json
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers
from velkommen.select.community import entries_by_town, facets, first_sentence, map_frame
from velkommen.select.events import occurrences, upcoming

COMMUNITY = FIXTURES / "community"
BUILD_DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def site():
    data = load_site_data(COMMUNITY)
    assert errors_only(data.problems) == [], [p.format() for p in data.problems]
    return data


def render(site, marker, lang="en", page="community/index.md", prefix=""):
    return replace_markers(f"<!-- {marker} -->", RenderContext(lang, page, BUILD_DAY, site, prefix))


# --- Directory -----------------------------------------------------------------

def test_entries_are_grouped_by_town_in_data_order_and_empty_towns_left_out(site):
    groups = entries_by_town(site.entries("towns"), site.entries("entries"))
    assert [(t.id, [e.id for e in es]) for t, es in groups] == [
        ("aabenraa", ["library", "ambassador-aabenraa"]), ("padborg", ["sprogcafe-padborg"])]


def test_filters_offer_only_values_that_occur(site):
    assert facets(site.entries("entries")) == {
        "towns": ["aabenraa", "padborg"],
        "kinds": ["language-cafe", "library", "welcome-ambassador"],
        "languages": ["da", "de", "en", "pl", "uk"],
    }


def test_filter_data_is_on_every_entry_of_the_list(site):
    html = render(site, "directory:list", "de")
    cafe = re.search(r'<li class="vk-entry"[^>]*id="entry-sprogcafe-padborg"[^>]*>', html).group(0)
    assert 'data-town="padborg"' in cafe and 'data-kind="language-cafe"' in cafe and 'data-languages="da de uk"' in cafe
    # The search box reads the visible text: no hidden copy of it in the page.
    assert "data-text" not in html
    assert "Sprachcafé Pattburg" in html.split('id="entry-sprogcafe-padborg"', 1)[1].split("</li>", 1)[0]


def test_the_list_works_without_javascript_grouped_by_town_with_jump_links(site):
    html = render(site, "directory:list", "en")
    assert '<a href="#town-aabenraa">Aabenraa</a> (2)' in html
    assert '<section class="vk-directory__town" id="town-padborg"' in html
    assert "hidden" not in html.split('<div class="vk-directory">', 1)[1]


def test_the_filters_are_hidden_until_javascript_shows_them(site):
    html = render(site, "directory:filters", "da")
    assert html.startswith('<form class="vk-filters" hidden data-js-only')
    assert '<option value="uk" lang="uk">Українська</option>' in html


def test_untranslated_descriptions_are_marked_danish_and_not_searched_in_other_languages(site):
    html = render(site, "directory:list", "en")
    ambassador = html.split('id="entry-ambassador-aabenraa"', 1)[1].split("</li>", 1)[0]
    assert '<p lang="da" data-search-exclude>Frivillige viser dig byen.</p>' in ambassador


def test_a_town_page_shows_ambassadors_first_with_full_details_and_its_events(site):
    html = render(site, "directory:town aabenraa", "en", "community/towns/aabenraa.md", "en/")
    order = re.findall(r'id="entry-([a-z-]+)"', html)
    assert order == ["ambassador-aabenraa", "library"]
    library = html.split('id="entry-library"', 1)[1].split("</li>", 1)[0]
    for text in ('href="https://bibliotek.example.dk"', 'href="mailto:info@bibliotek.example.dk"', 'href="tel:+4512345678"',
                 "Details checked on 1 October 2026", 'href="https://bibliotek.example.dk/om"'):
        assert text in library
    assert 'id="event-info-meeting"' in html and "cafe-weekly" not in html


def test_the_map_is_a_drawn_svg_with_no_request_to_another_host(site):
    html = render(site, "directory:map", "de")
    assert "<svg" in html and 'role="group"' in html and 'aria-labelledby="map-title"' in html
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert html.count('class="vk-map__town"') == 2
    assert html.count('class="vk-map__entry"') == 1
    assert "Noch ohne Lage auf der Karte:" in html and "Varnæs" in html


@pytest.mark.parametrize("points", [[(54.82, 9.36), (55.04, 9.42)], [(55.0, 9.0), (55.01, 9.6)], [(55.0, 9.4)]])
def test_map_frame_keeps_points_inside_a_phone_friendly_shape(points):
    frame = map_frame(points)
    for lat, lon in points:
        x, y = frame.project(lat, lon)
        assert 0 < x < frame.width and 0 < y < frame.height
    assert 0.59 <= frame.height / frame.width <= 1.21


def test_first_sentence_keeps_lists_short():
    assert first_sentence("Lån bøger. Mød andre.") == "Lån bøger."
    long = "Ord " * 80
    assert first_sentence(long).endswith(" …") and len(first_sentence(long)) <= 162


# --- Checks ----------------------------------------------------------------------

def _edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COMMUNITY, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_an_event_whose_organiser_does_not_exist_is_an_error(tmp_path):
    data = _edited(tmp_path, "events/events.yaml", "organiser: library", "organiser: libary")
    [error] = errors_only(load_site_data(data).problems)
    assert "'libary' is not the id of any directory entry" in error.problem and "did you mean 'library'?" in error.fix
    assert (error.field, error.line) == ("organiser", 10)


def test_coordinates_outside_denmark_and_northern_germany_are_an_error(tmp_path):
    data = _edited(tmp_path, "directory/towns.yaml", "{lat: 54.826, lon: 9.362}", "{lat: 9.362, lon: 54.826}")
    [error] = errors_only(load_site_data(data).problems)
    assert "lies outside Denmark and northern Germany" in error.problem
    assert "latitude and longitude seem swapped" in error.fix


def test_an_event_that_ends_before_it_starts_is_an_error(tmp_path):
    data = _edited(tmp_path, "events/events.yaml", "end: 2026-06-20 22:00", "end: 2026-06-20 12:00")
    [error] = errors_only(load_site_data(data).problems)
    assert "ends (2026-06-20 12:00) before or when it starts (2026-06-20 14:00)" in error.problem


def test_an_unknown_town_is_an_error(tmp_path):
    data = _edited(tmp_path, "directory/entries/padborg.yaml", "town: padborg", "town: pattburg")
    [error] = errors_only(load_site_data(data).problems)
    assert "'pattburg' is not the id of any town" in error.problem
    assert error.file == "data/directory/entries/padborg.yaml" and error.field == "town"


def test_an_impossible_event_time_is_an_error(tmp_path):
    data = _edited(tmp_path, "events/events.yaml", "start: 2026-06-20 14:00", "start: 2026-06-31 14:00")
    [error] = errors_only(load_site_data(data).problems)
    assert "not a real date and time" in error.problem


def test_old_directory_entries_are_listed_for_editors(site):
    stale = [n for n in notices_only(editor_notices(site, BUILD_DAY)) if "last checked" in n.problem]
    assert [n.entry for n in stale] == ["'ambassador-aabenraa' (entries, item 2)"]


# --- Events ---------------------------------------------------------------------

def test_upcoming_shows_the_next_date_of_each_series_and_drops_past_events(site):
    # 'tonight' ended at 01:00 on the build day: over before the day begins for a reader.
    found = upcoming(site.entries("events"), BUILD_DAY)
    assert [(o.event.id, o.start) for o in found] == [
        ("cafe-weekly", datetime(2026, 11, 24, 18, 0)),
        ("info-meeting", datetime(2026, 12, 1, 17, 0)),
    ]


def test_an_event_still_running_at_midnight_is_not_upcoming_once_it_has_ended(site):
    found = upcoming(site.entries("events"), date(2026, 11, 22))
    assert "tonight" in [o.event.id for o in found]
    assert "tonight" not in [o.event.id for o in upcoming(site.entries("events"), date(2026, 11, 24))]


def test_a_monthly_series_on_the_first_tuesday(site):
    meeting = next(e for e in site.entries("events") if e.id == "info-meeting")
    starts = [o.start.date() for o in occurrences(meeting)]
    assert starts[:4] == [date(2026, 12, 1), date(2027, 1, 5), date(2027, 2, 2), date(2027, 3, 2)]
    assert all(d.weekday() == 1 and d.day <= 7 for d in starts) and starts[-1] <= date(2027, 6, 30)


def test_the_events_page_names_the_series_in_the_readers_language(site):
    html = render(site, "events:upcoming", "de", "community/events.md", "de/")
    assert "jeden Monat (am ersten Dienstag)" in html
    assert "Dienstag, 1. Dezember 2026, 17:00–19:00" in html
    assert 'href="../../calendar/events.ics"' in html
    assert 'href="../../calendar/info-meeting.ics" download' in html


def test_calendar_feed_is_valid_icalendar_and_parses_back(site):
    ics, _ = calendars(site.entries("events"), "de", "Veranstaltungen", lambda e: f"https://example.dk/de/#event-{e.id}",
                       datetime(2026, 11, 23))
    cal = icalendar.Calendar.from_ical(ics)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"info-meeting@velkommen", "cafe-weekly@velkommen", "summer-party@velkommen", "tonight@velkommen"}
    meeting = events["info-meeting@velkommen"]
    assert str(meeting["SUMMARY"]) == "Informationstreffen für Neubürger"
    assert meeting["DTSTART"].dt.isoformat() == "2026-12-01T17:00:00+01:00"
    assert meeting["RRULE"]["FREQ"] == ["MONTHLY"] and meeting["RRULE"]["BYDAY"] == ["1TU"]
    assert cal.walk("VTIMEZONE") and str(cal.walk("VTIMEZONE")[0]["TZID"]) == "Europe/Copenhagen"
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nEND:VCALENDAR\r\n" in ics
    assert all(len(line) <= 75 for line in ics.split(b"\r\n")), "lines are folded at 75 octets (RFC 5545 3.1)"


def test_each_event_file_holds_that_event_alone_as_icalendar_would_write_it(site):
    # The files are put together from bytes serialised once; they must equal a calendar built whole.
    events = site.entries("events")
    stamp, url = datetime(2026, 11, 23), (lambda e: f"https://example.dk/#event-{e.id}")
    feed, singles = calendars(events, "en", "Events", url, stamp)
    assert feed == bytes(_whole_calendar(events, "en", "Events", url, stamp))
    assert set(singles) == {e.id for e in events}
    for event in events:
        assert singles[event.id] == bytes(_whole_calendar([event], "en", "Events", url, stamp))
        cal = icalendar.Calendar.from_ical(singles[event.id])
        assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [f"{event.id}@velkommen"]
        assert len(cal.walk("VTIMEZONE")) == 1


def _whole_calendar(events, lang, name, url, stamp):
    from velkommen.outputs.ical import PRODID, _ics_event, _vtimezone, _years
    cal = icalendar.Calendar()
    for key, value in [("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                       ("x-wr-calname", name), ("x-wr-timezone", "Europe/Copenhagen")]:
        cal.add(key, value)
    cal.add_component(_vtimezone(*_years(events)))
    for event in events:
        cal.add_component(_ics_event(event, lang, url(event), stamp))
    return cal.to_ical()


# --- Generated pages and open data ------------------------------------------------

def test_every_town_gets_a_page_in_every_language(site):
    for lang in ("da", "de", "en"):
        paths = [p.path for p in pages_for(site, lang)]
        assert {"community/towns/aabenraa.md", "community/towns/padborg.md", "community/towns/varnaes.md"} <= set(paths)


def test_open_data_files_have_a_stable_documented_shape(site):
    directory = json.loads(directory_json(site, BUILD_DAY))
    assert directory["schema_version"] == 1 and directory["generated"] == "2026-11-23"
    assert [e["id"] for e in directory["entries"]] == ["library", "ambassador-aabenraa", "sprogcafe-padborg"]
    assert directory["entries"][0]["name"] == {"da": "Biblioteket"}
    events = json.loads(events_json(site, BUILD_DAY))
    meeting = next(e for e in events["events"] if e["id"] == "info-meeting")
    assert meeting["occurrences"][0] == {"start": "2026-12-01T17:00:00+01:00", "end": "2026-12-01T19:00:00+01:00"}
    plan = json.loads(plan_json(site, BUILD_DAY))
    assert plan["state"] == "ended" and plan["plan"]["id"] == "base-plan"


def test_directory_csv_has_one_row_per_entry(site):
    rows = list(csv.DictReader(io.StringIO(directory_csv(site))))
    assert list(rows[0]) == csv_columns(("da", "de", "en"))
    cafe = next(r for r in rows if r["id"] == "sprogcafe-padborg")
    assert cafe["name_de"] == "Sprachcafé Pattburg" and cafe["languages"] == "da;de;uk" and cafe["town_de"] == "Pattburg"


def test_the_source_language_build_publishes_the_shared_files_once(site):
    da = {f.path for f in files_for(site, "da", BUILD_DAY, "https://example.dk/")}
    de = {f.path for f in files_for(site, "de", BUILD_DAY, "https://example.dk/")}
    assert {"data/directory.json", "data/directory.csv", "data/events.json", "data/plan.json",
            "calendar/events.ics", "calendar/info-meeting.ics"} <= da
    assert "data/schemas/entries.schema.json" in da
    assert de == {"de/calendar/events.ics", *{f"de/calendar/{e.id}.ics" for e in site.entries("events")}}


def test_a_large_directory_folds_each_towns_list_and_a_small_one_does_not(site, monkeypatch):
    small = render(site, "directory:list", "en", "community/index.md", "en/")
    assert "<details" not in small
    from velkommen.render.fragments import community as community_fragments
    monkeypatch.setattr(community_fragments, "FOLD_TOWNS_OVER", len(site.entries("entries")) - 1)
    large = render(site, "directory:list", "en", "community/index.md", "en/")
    towns = large.count('class="vk-directory__town"')
    assert towns >= 2 and large.count('<details class="vk-directory__entries">') == towns
    assert "<summary>Show clubs and offers in " in large
    assert large.count('class="vk-entry') == small.count('class="vk-entry'), "folded, not left out"


@pytest.mark.parametrize("lang, names", [("da", "dansk, tysk, ukrainsk"), ("de", "Dänisch, Deutsch, Ukrainisch"),
                                         ("en", "Danish, German, Ukrainian")])
def test_language_names_in_a_sentence_are_in_the_readers_language_and_in_a_list_in_their_own(site, lang, names):
    entry = render(site, "directory:list", lang).split('id="entry-sprogcafe-padborg"', 1)[1].split("</li>", 1)[0]
    assert names in entry
    # A list to choose from names each language in itself, like the language selector.
    assert '<option value="de" lang="de">Deutsch</option>' in render(site, "directory:filters", lang)


def test_neighbouring_towns_are_drawn_for_orientation_but_are_not_links(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(COMMUNITY, data)
    towns = data / "directory" / "towns.yaml"
    towns.write_text(towns.read_text(encoding="utf-8") + (
        "neighbours:\n  - name: {da: Flensborg, de: Flensburg, en: Flensburg}\n"
        "    coordinates: {lat: 54.78805, lon: 9.43722, source: \"https://www.geonames.org/2926271\"}\n"), encoding="utf-8")
    site = load_site_data(data)
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    html = render(site, "directory:map", "de", page="community/map.md")
    drawn = re.search(r'<g class="vk-map__neighbour" aria-hidden="true">.*?</g>', html, re.S).group(0)
    assert "Flensburg" in drawn and "<a " not in drawn
    assert "Orientierung: Flensburg." in html.split("<figcaption>", 1)[1]


def test_the_calendar_files_repeat_a_series_on_exactly_the_dates_the_pages_show(site):
    """One reading of `repeat` (select.events.recurrence) for the pages' dates and the RRULE of the .ics files."""
    import recurring_ical_events

    from velkommen.select.events import occurrences

    ics, _ = calendars(site.entries("events"), "da", "x", None, datetime(2026, 11, 23))
    cal = icalendar.Calendar.from_ical(ics)
    for event in [e for e in site.entries("events") if e.repeat]:
        shown = [o.start for o in occurrences(event)]
        expanded = [e["DTSTART"].dt.replace(tzinfo=None) for e in recurring_ical_events.of(cal).between(shown[0], shown[-1] + timedelta(days=1))
                    if str(e["UID"]) == f"{event.id}@velkommen"]
        assert expanded == shown, event.id


def _with_bounds(tmp_path, bounds: str):
    data = tmp_path / "data"
    shutil.copytree(COMMUNITY, data)
    municipality = data / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + bounds, encoding="utf-8")
    return load_site_data(data)


def test_coordinates_outside_the_municipalitys_bounds_are_refused_one_message_each(tmp_path):
    inside = "bounds: {south: 54.7, west: 9.0, north: 55.3, east: 9.8, source: https://www.example.dk/kort}\n"
    assert errors_only(_with_bounds(tmp_path / "a", inside).problems) == []
    # Padborg (54.826) is south of these bounds: one message, at the town's coordinates.
    tight = "bounds: {south: 54.9, west: 9.0, north: 55.3, east: 9.8, source: https://www.example.dk/kort}\n"
    problems = errors_only(_with_bounds(tmp_path / "b", tight).problems)
    assert [p.entry.split(" ")[0] for p in problems if "outside the municipality's bounds" in p.problem] == ["'padborg'"]
    assert all(p.file.endswith("towns.yaml") and p.line for p in problems)
    assert "neighbours:" in problems[0].fix


def test_bounds_the_wrong_way_round_are_explained(tmp_path):
    [error] = errors_only(_with_bounds(tmp_path, "bounds: {south: 55.3, west: 9.0, north: 54.7, east: 9.8, "
                                                 "source: https://www.example.dk/kort}\n").problems)
    assert "wrong way round" in error.problem and "south" in error.fix
