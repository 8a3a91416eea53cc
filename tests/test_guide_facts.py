"""The facts newcomers act on, in the shipped guide: each test guards a mistake the guide once made (issue 14)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from velkommen.load.loader import load_site_data

LANGS = ("da", "de", "en")


@pytest.fixture(scope="module")
def steps():
    site = load_site_data(ROOT / "data")
    assert site.ok
    return {s.id: s for s in site.entries("steps")}


def _all_text(step) -> str:
    """Every text of a step in every language, and its links' titles."""
    parts = [step.title, step.summary, step.when, step.next, step.authority.name, step.where.name if step.where else None,
             *step.bring, *(s.text for s in step.substeps), *(link.title for link in step.links)]
    return " ".join(getattr(t, lang) or "" for t in parts if t is not None for lang in LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_registration_gives_the_5_day_deadline_and_the_nordic_6_months_in_every_language(steps, lang):
    when = getattr(steps["register-cpr"].when, lang)
    assert when and re.search(r"\b5\b", when) and re.search(r"\b6\b", when), when
    # The deadline's own source is linked on the step.
    assert any("norden.org" in link.url for link in steps["register-cpr"].links)


@pytest.mark.parametrize("step_id", ["tax-card", "commuter-tax-card"])
def test_the_tax_card_window_is_60_days_and_21_working_days_not_one_month(steps, step_id):
    for lang in LANGS:
        when = getattr(steps[step_id].when, lang)
        assert "60" in when and "21" in when, (lang, when)
    text = _all_text(steps[step_id]).lower()
    assert not re.search(r"\b(1|en|one|einen?) (måned|month|monat)", text)


@pytest.mark.parametrize("step_id", ["eu-residence-document", "residence-work-permit"])
def test_where_to_apply_or_give_biometrics_is_ics_sonderborg(steps, step_id):
    text = _all_text(steps[step_id])
    assert "Sønderborg" in text and "International Citizen Service" in text


def test_no_step_sends_newcomers_to_the_ics_in_aarhus_or_to_another_regions_doctor_on_call(steps):
    for step in steps.values():
        text = _all_text(step)
        assert "Aarhus" not in text, step.id
        assert "1813" not in text, step.id  # the Capital Region's number
    assert "70 11 07 07" in _all_text(steps["out-of-hours-doctor"])


def test_the_eu_residence_document_cites_a_page_about_it_not_a_work_permit_page(steps):
    source = steps["eu-residence-document"].source.lower()
    assert "eu" in source and "work-permit" not in source and "arbejdstilladelse" not in source


def test_families_who_live_in_germany_are_not_sent_to_the_online_daycare_booking(steps):
    daycare = steps["daycare"]
    for lang, word in (("da", "Tyskland"), ("de", "Deutschland"), ("en", "Germany")):
        assert word in " ".join(getattr(t, lang) or "" for t in [daycare.summary, daycare.next, *(s.text for s in daycare.substeps)]
                                if t is not None), lang


def test_no_page_presents_the_settlement_teams_planned_offers_as_running():
    # The team and its languages were planned in 2020–2022 and never confirmed: no page renders them as an offer.
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert "<!-- site:team -->" not in text and "<!-- welcome:contact -->" not in text, page
