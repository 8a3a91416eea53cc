"""Official sources watched for change, against a local HTTP server (no test reaches the internet)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES, serving
from velkommen.editors.sourcewatch import as_text, main_text, watch
from velkommen.model.guide import Step

PAGES = FIXTURES / "sources"


ROUTES: dict = {}


def _show(page: str) -> None:
    ROUTES["/skattekort"] = (PAGES / page).read_bytes()


@pytest.fixture(scope="module")
def origin():
    _show("tax-card.html")
    with serving(ROUTES, "text/html; charset=utf-8") as served:
        yield served


def _step(url: str, when: str = "Tidligst 60 dage før du begynder at arbejde (21 arbejdsdage uden skattenummer).") -> Step:
    return Step.model_validate({
        "id": "tax-card", "title": {"da": "Søg om skattekort"}, "summary": {"da": "Du skal have et skattekort."},
        "situations": ["eu"], "stage": "before-moving", "when": {"da": when},
        "authority": {"name": {"da": "Skattestyrelsen"}}, "source": url, "verified": "2026-12-01"})


def test_the_main_text_leaves_out_menus_cookie_banners_and_footers():
    text = main_text((PAGES / "tax-card.html").read_bytes())
    assert "tidligst søge om skattekort 60 dage før" in text
    assert "cookies" not in text and "Om os" not in text


def test_a_source_is_fingerprinted_then_found_unchanged_when_only_its_frame_changed(origin):
    step = _step(f"{origin}/skattekort")
    _show("tax-card.html")
    first, lock = watch([step], {}, date(2026, 12, 1))
    assert first.new == [("tax-card", step.source)] and first.empty
    assert lock[step.source]["taken"] == "2026-12-01"
    _show("tax-card-frame-changed.html")
    again, same = watch([step], lock, date(2026, 12, 8))
    assert again.empty and not again.changed and same == lock


def test_a_changed_source_and_a_deadline_it_no_longer_states_are_reported(origin):
    step = _step(f"{origin}/skattekort")
    _show("tax-card.html")
    _, lock = watch([step], {}, date(2026, 12, 1))
    _show("tax-card-changed.html")
    try:
        report, updated = watch([step], lock, date(2026, 12, 8))
    finally:
        _show("tax-card.html")
    assert report.changed == [("tax-card", step.source, "2026-12-01")]
    assert report.missing_numbers == [("tax-card", step.source, ["21", "60"])]
    assert updated[step.source]["taken"] == "2026-12-08"
    text = as_text(report)
    assert "tax-card: " in text and "21, 60 not in" in text


def test_a_source_that_cannot_be_fetched_is_reported_not_fatal(origin):
    report, lock = watch([_step(f"{origin}/gone")], {}, date(2026, 12, 1))
    assert report.unreachable and "could not be fetched" in report.unreachable[0][2]
    assert lock == {}


def test_a_deadline_whose_number_or_quoted_words_left_its_source_is_reported(origin):
    quote = "Du kan tidligst søge om skattekort 60 dage før, du begynder at arbejde i Danmark."
    step = Step.model_validate({**_step(f"{origin}/skattekort").model_dump(by_alias=True, exclude_none=True), "deadlines": [
        {"from": "work-start", "earliest": "60 days before", "source": f"{origin}/skattekort", "verified": "2026-12-01",
         "quote": quote}]})
    _show("tax-card.html")
    report, lock = watch([step], {}, date(2026, 12, 1))
    assert report.deadlines == []
    _show("tax-card-changed.html")
    try:
        report, _ = watch([step], lock, date(2026, 12, 8))
    finally:
        _show("tax-card.html")
    assert report.deadlines == [("tax-card", step.source, "the quoted words")]
    assert "Deadlines their source no longer states (1)" in as_text(report)
    # Without a quote, the number of each limit is what is looked for.
    unquoted = Step.model_validate({**step.model_dump(by_alias=True, exclude_none=True),
                                    "deadlines": [{**step.deadlines[0].model_dump(by_alias=True, exclude_none=True), "quote": None}]})
    _show("tax-card-changed.html")
    try:
        report, _ = watch([unquoted], lock, date(2026, 12, 8))
    finally:
        _show("tax-card.html")
    assert report.deadlines == [("tax-card", step.source, "the number 60 (60 days before)")]
