"""The guide's deadlines in the page (issue 19): in words without JavaScript, as data for the reader's own dates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped():
    site = load_site_data(ROOT / "data")
    assert errors_only(site.problems) == []
    return site



def _page(site, marker: str, lang: str, page: str) -> str:
    from datetime import date

    from velkommen.render.context import RenderContext
    from velkommen.render.markers import replace_markers
    return replace_markers(marker, RenderContext(lang, page, date(2026, 12, 2), site))


@pytest.mark.parametrize(("lang", "words"), [
    ("da", "Senest 5 dage efter den dag, du flytter ind."),
    ("de", "Spätestens 5 Tage nach dem Tag Ihres Einzugs."),
    ("en", "No later than 5 days after the day you move in."),
])
def test_every_page_with_the_step_says_its_deadline_in_words_and_as_data(shipped, lang, words):
    pages = [_page(shipped, "<!-- guide:steps -->", lang, "guide/index.md")] + [
        _page(shipped, f"<!-- guide:situation {s} -->", lang, f"guide/for/{s}.md") for s in ("eu-eea-swiss", "non-eu", "commuter-dk-de")]
    for html in pages:
        item = re.search(r'<li class="vk-deadline" data-from="move-in" data-latest="5 days">.*?</li>', html).group(0)
        assert words in item and 'href="https://www.norden.org/' in item
    assert 'data-earliest="-21 working-days"' in pages[0] and 'data-latest="3 months"' in pages[0]


def test_the_date_form_asks_only_for_the_dates_the_page_s_deadlines_count_from(shipped):
    guide = _page(shipped, "<!-- guide:steps -->", "en", "guide/index.md")
    assert re.findall(r'<input type="date" id="vk-date-([a-z-]+)"', guide) == ["move-in", "work-start", "arrival", "application-submitted"]
    commuter = _page(shipped, "<!-- guide:situation commuter-de-dk -->", "en", "guide/for/commuter-de-dk.md")
    assert re.findall(r'<input type="date" id="vk-date-([a-z-]+)"', commuter) == ["work-start"]
    form = re.search(r'<section class="vk-dates".*?</section>', guide, re.S).group(0)
    assert " hidden data-js-only" in form and 'aria-live="polite"' in form and "<label for=\"vk-date-move-in\">" in form
    assert 'data-latest="by {date}"' in form and 'data-locale="en-GB"' in form
