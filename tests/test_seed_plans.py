"""The plan model expresses the plans of Sønderborg, Kolding and Vordingborg, and they render."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FIXTURES
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.fragments import REGISTRY
from velkommen.render.markers import replace_markers

SEEDS = {
    "sonderborg": ("sonderborg-2019-2022", date(2020, 3, 1)),
    "kolding": ("kolding-2023-2026", date(2024, 3, 1)),
    "vordingborg": ("vordingborg-2018-2022", date(2019, 3, 1)),
}
PLAN_MARKERS = [name for name in REGISTRY if name.startswith("plan:") and name != "plan:target-group"]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_plan_validates(seed):
    site = load_site_data(FIXTURES / "sites" / seed)
    assert site.problems == [], "\n".join(p.format() for p in site.problems)
    assert [p.id for p in site.values("plans")] == [SEEDS[seed][0]]


@pytest.mark.parametrize("lang", ["da", "de", "en"])
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_plan_renders_every_plan_marker(seed, lang):
    site = load_site_data(FIXTURES / "sites" / seed)
    plan_id, on = SEEDS[seed]
    ctx = RenderContext(lang, "plan.md", on, site)
    html = replace_markers("\n".join(f"<!-- {m} -->" for m in PLAN_MARKERS), ctx)
    assert "<!--" not in html
    plan = site.values("plans")[0]
    for action in plan.actions:
        assert f'id="action-{action.id}"' in html
    assert "vk-timeline" in html
    # Untranslated Danish texts carry lang="da" on German and English pages.
    if lang != "da":
        assert 'lang="da" class="vk-untranslated"' in html


def test_kolding_cost_estimates_and_targets_are_shown():
    site = load_site_data(FIXTURES / "sites" / "kolding")
    html = replace_markers("<!-- plan:by-phase -->", RenderContext("da", "plan.md", date(2024, 3, 1), site))
    assert "ca. 250.000 kr. om året" in html
    assert "ca. 150.000 kr. i alt" in html
    assert "Fra 63 % til 80 % inden 2026" in html
    assert "Måltallet er ikke fastsat endnu." in html


def test_vordingborg_plan_level_targets_are_shown():
    site = load_site_data(FIXTURES / "sites" / "vordingborg")
    html = replace_markers("<!-- plan:summary -->", RenderContext("en", "plan.md", date(2019, 3, 1), site))
    assert "The plan&#39;s targets" in html
    assert "Target: 48% by 2020" in html


def test_sonderborg_timing_note_is_shown_in_the_plans_own_words():
    site = load_site_data(FIXTURES / "sites" / "sonderborg")
    html = replace_markers("<!-- plan:by-phase -->", RenderContext("da", "plan.md", date(2021, 3, 1), site))
    assert "Fælles platform maj 2021, ERFA-møde september" in html
