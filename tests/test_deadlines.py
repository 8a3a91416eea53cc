"""Deadlines are data (issue 19): each counted from an event, each with its official source."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from velkommen.check.errors import errors_only
from velkommen.check.rules import official
from velkommen.load.loader import load_site_data
from velkommen.model.guide import offset_parts

ROOT = Path(__file__).resolve().parent.parent
GUIDE = FIXTURES / "guide"

GOOD = """
    deadlines:
      - from: move-in
        latest: 5 days after
        source: https://lifeindenmark.borger.dk/x
        verified: 2026-12-02
"""


def _data(tmp_path: Path, deadlines: str, domains: str = "official_domains: [borger.dk, skat.dk]\n") -> Path:
    data = tmp_path / "data"
    shutil.copytree(GUIDE, data)
    (data / "municipality.yaml").write_text((data / "municipality.yaml").read_text(encoding="utf-8") + domains, encoding="utf-8")
    path = data / "guide" / "steps" / "steps.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    terms: [cpr]\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + deadlines.lstrip("\n"), 1), encoding="utf-8")
    return data


def _errors(data: Path) -> list:
    return errors_only(load_site_data(data).problems)


def test_a_sourced_deadline_on_an_official_domain_is_accepted(tmp_path):
    site = load_site_data(_data(tmp_path, GOOD))
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    [step] = [s for s in site.entries("steps") if s.id == "cpr"]
    assert step.deadlines[0].event == "move-in" and step.deadlines[0].latest == "5 days after"


def test_a_deadline_without_a_source_is_refused(tmp_path):
    [error] = _errors(_data(tmp_path, GOOD.replace("        source: https://lifeindenmark.borger.dk/x\n", "")))
    assert "has no `source:`" in error.problem and "official page" in error.problem
    assert "add `source:`" in error.fix
    assert error.line is not None


@pytest.mark.parametrize("url", ["https://www.expat-blog.example.com/cpr", "https://borger.dk.example.com/",
                                 "https://notborger.dk/", "mailto:info@borger.dk"])
def test_a_deadline_from_a_site_that_is_not_official_is_refused(tmp_path, url):
    [error] = _errors(_data(tmp_path, GOOD.replace("https://lifeindenmark.borger.dk/x", url)))
    assert "not one of the official domains" in error.problem and "borger.dk, skat.dk" in error.problem
    assert error.field == "source" and "official_domains" in error.fix


def test_without_official_domains_the_national_authorities_are_still_official(tmp_path):
    """The national authorities' domains come with the national layer (velkommen/national/official_domains.yaml)."""
    assert _errors(_data(tmp_path / "a", GOOD, domains="")) == []
    [error] = _errors(_data(tmp_path / "b", GOOD.replace("https://lifeindenmark.borger.dk/x", "https://www.kommune.example.dk/cpr"),
                            domains=""))
    assert "not one of the official domains" in error.problem and "nyidanmark.dk" in error.problem


def test_a_deadline_in_other_words_than_the_pattern_is_explained(tmp_path):
    [error] = _errors(_data(tmp_path, GOOD.replace("5 days after", "5 dage efter")))
    assert "'5 dage efter' is not a time before or after an event" in error.problem
    assert "5 days after" in error.fix and error.field == "latest"


def test_a_deadline_needs_a_window_in_the_right_order(tmp_path):
    [error] = _errors(_data(tmp_path, GOOD.replace("        latest: 5 days after\n", "")))
    assert "neither `latest:` nor `earliest:`" in error.problem
    [error] = _errors(_data(tmp_path / "b", GOOD.replace("latest: 5 days after", "latest: 5 days after\n        earliest: 1 month after")))
    assert "comes after its `latest: 5 days after`" in error.problem


def test_an_unknown_event_lists_the_known_ones(tmp_path):
    [error] = _errors(_data(tmp_path, GOOD.replace("from: move-in", "from: moving-day")))
    assert "'moving-day' is not one of the allowed values" in error.problem and "'move-in'" in error.fix


def test_offsets_are_read_as_signed_amounts_of_days_working_days_or_months():
    assert offset_parts("5 days after") == (5, "days")
    assert offset_parts("21 working days before") == (-21, "working-days")
    assert offset_parts("1 month after") == (1, "months")
    assert offset_parts("2 weeks before") == (-14, "days")


def test_official_means_the_domain_or_one_of_its_subdomains():
    assert official("https://lifeindenmark.borger.dk/a", ["borger.dk"])
    assert official("https://borger.dk", ["borger.dk"])
    assert not official("https://borger.dk.evil.example/", ["borger.dk"])
    assert not official("https://myborger.dk/", ["borger.dk"])


# --- What the site ships ----------------------------------------------------------

NUMBER_WORDS = {5: ("five", "fem"), 3: ("three", "tre"), 6: ("six", "seks")}
UNIT_WORDS = {"days": ("day", "dage"), "working-days": ("working day", "arbejdsdage"), "months": ("month", "måned")}

SHIPPED = {
    "register-cpr": {("move-in", "latest", "5 days after")},
    "eu-residence-document": {("arrival", "latest", "3 months after"), ("arrival", "latest", "6 months after")},
    "residence-work-permit": {("application-submitted", "latest", "14 days after")},
    "tax-card": {("work-start", "earliest", "21 working days before"), ("work-start", "earliest", "60 days before")},
    "commuter-tax-card": {("work-start", "earliest", "21 working days before"), ("work-start", "earliest", "60 days before")},
    "car-registration": {("move-in", "latest", "30 days after")},
    "driving-licence": {("move-in", "latest", "180 days after")},
}


@pytest.fixture(scope="module")
def shipped():
    site = load_site_data(ROOT / "data")
    assert errors_only(site.problems) == []
    return site


def test_the_shipped_deadlines_are_the_researched_ones(shipped):
    found = {s.id: {(d.event, "latest" if d.latest else "earliest", d.latest or d.earliest) for d in s.deadlines}
             for s in shipped.entries("steps") if s.deadlines}
    assert found == SHIPPED


def test_every_shipped_deadline_has_an_official_source_and_the_words_that_state_its_number(shipped):
    domains = shipped.one("municipality").official_domains
    for step in shipped.entries("steps"):
        for d in step.deadlines:
            assert official(d.source, domains), (step.id, d.source)
            assert d.quote, f"{step.id}: copy the source's words that state the number under `quote:`"
            amount, unit = offset_parts(d.latest or d.earliest)
            text = d.quote.lower()
            numbers = {int(n) for n in re.findall(r"\d+", text)} | {
                n for n, names in NUMBER_WORDS.items() if any(re.search(rf"\b{w}\b", text) for w in names)}
            assert abs(amount) in numbers, (step.id, d.quote)
            assert any(w in text for w in UNIT_WORDS[unit]), (step.id, unit, d.quote)

