"""Search finds each guide step as its own entry, in every language, with the Danish words and their translations (issue 18)."""

from __future__ import annotations

import json

import pytest

from velkommen.render.words import ui

ROOTS = {"da": "", "de": "de/", "en": "en/"}


def _index(site, lang):
    return json.loads((site / ROOTS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", ROOTS)
def test_each_step_is_its_own_search_entry_with_a_short_description(built_site, lang):
    docs = _index(built_site, lang)
    steps = {d["location"]: d for d in docs if d["location"].startswith("guide/#step-")}
    assert len(steps) >= 20
    tax = steps["guide/#step-tax-card"]
    assert tax["title"] == {"da": "Få dit skattekort", "de": "Besorgen Sie sich Ihre Steuerkarte (skattekort)",
                            "en": "Get your tax card (skattekort)"}[lang]
    for word in ("skattekort", "tax card", "Steuerkarte"):
        assert word in tax["text"], (lang, word)
    # No button labels in any entry of the guide page: a description, not the page's controls.
    for doc in docs:
        if doc["location"].startswith("guide/"):
            for label in ("guide.done", "guide.show_all", "guide.print"):
                assert ui(label, lang) not in doc["text"], (doc["location"], label)
    # The first words are a one-line description: the step's timing and what it is.
    assert len(tax["text"].split("</p>")[0]) < 400
