"""schema.org JSON-LD in the pages: organisations, events and guide steps, validated against what each type needs."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from conftest import FIXTURES
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers
from velkommen.render.structured import json_ld

_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_TEXT = {"type": "string", "minLength": 1}
_ADDRESS = {"type": "object", "required": ["@type", "addressCountry"],
            "properties": {"@type": {"const": "PostalAddress"}, "addressCountry": {"const": "DK"}}}
# What schema.org and the search engines' guidelines need of each type we publish.
REQUIRED = {
    "Organization": {"type": "object", "required": ["name", "address"],
                     "properties": {"name": _TEXT, "url": {"type": "string", "format": "uri"}, "address": _ADDRESS}},
    "Event": {"type": "object", "required": ["name", "startDate", "endDate", "location", "organizer"],
              "properties": {"name": _TEXT, "startDate": {"type": "string", "format": "date-time"},
                             "endDate": {"type": "string", "format": "date-time"},
                             "location": {"type": "object", "required": ["@type", "name", "address"],
                                          "properties": {"@type": {"const": "Place"}, "address": _ADDRESS}},
                             "organizer": {"type": "object", "required": ["name"]}}},
    "GovernmentService": {"type": "object", "required": ["name", "provider"],
                          "properties": {"name": _TEXT, "provider": {"type": "object", "required": ["@type", "name"],
                                                                     "properties": {"@type": {"const": "GovernmentOrganization"}}}}},
}


def blocks(html: str) -> list[dict]:
    found = []
    for raw in _BLOCK.findall(html):
        data = json.loads(raw)
        assert data["@context"] == "https://schema.org"
        found += data.get("@graph", [data])
    return found


def _valid(item: dict) -> list[str]:
    validator = Draft202012Validator(REQUIRED[item["@type"]], format_checker=FormatChecker())
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(item)]


def test_every_town_page_describes_its_organisations(built_site):
    pages = sorted((built_site / "en" / "community" / "towns").glob("*/index.html"))
    assert pages
    organisations = [item for page in pages for item in blocks(page.read_text(encoding="utf-8"))]
    assert organisations and {o["@type"] for o in organisations} == {"Organization"}
    for item in organisations:
        assert _valid(item) == [], item


def test_events_are_described_with_time_zone_place_and_organiser():
    site = load_site_data(FIXTURES / "community")
    html = replace_markers("<!-- events:upcoming -->", RenderContext("de", "community/events.md", date(2026, 11, 23), site))
    events = blocks(html)
    assert events and {e["@type"] for e in events} == {"Event"}
    for item in events:
        assert _valid(item) == [], item
    meeting = next(e for e in events if e["name"] == "Informationstreffen für Neubürger")
    assert meeting["startDate"] == "2026-12-01T17:00:00+01:00" and meeting["organizer"]["name"]
    assert datetime.fromisoformat(meeting["endDate"]) > datetime.fromisoformat(meeting["startDate"])


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_situation_pages_describe_their_steps_as_government_services(built_site, lang):
    page = built_site / {"da": "", "de": "de/", "en": "en/"}[lang] / "guide" / "for" / "non-eu" / "index.html"
    services = blocks(page.read_text(encoding="utf-8"))
    assert len(services) >= 5 and {s["@type"] for s in services} == {"GovernmentService"}
    for item in services:
        assert _valid(item) == [], item


def test_no_text_can_close_the_json_ld_element():
    html = str(json_ld([{"@type": "Organization", "name": "</script><script>alert(1)</script> & co"}]))
    assert html.count("</script>") == 1 and "<script>alert" not in html
    assert blocks(html)[0]["name"] == "</script><script>alert(1)</script> & co"
