"""Which plan a newcomer sees, and how its actions are arranged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from velkommen.load.loader import load_site_data
from velkommen.select.plans import actions_by_group, actions_by_phase, actions_for_everyone, select_plan, timeline

SITES = FIXTURES / "sites"


@pytest.fixture(scope="module")
def plans():
    """Three seed plans: Vordingborg 2018–2022, Sønderborg 2019–2022, Kolding 2023–2026."""
    found = []
    for name in ("vordingborg", "sonderborg", "kolding"):
        found += load_site_data(SITES / name).values("plans")
    return found


def test_the_plan_in_force_on_the_build_date_is_chosen(plans):
    choice = select_plan(plans, date(2024, 6, 1))
    assert choice.plan.id == "kolding-2023-2026" and choice.state == "in_force"


def test_overlapping_plans_prefer_the_one_that_started_last(plans):
    choice = select_plan(plans, date(2020, 6, 1))
    assert choice.plan.id == "sonderborg-2019-2022" and choice.in_force


def test_first_and_last_day_of_a_period_count_as_in_force(plans):
    assert select_plan(plans, date(2026, 12, 31)).in_force
    assert select_plan(plans, date(2023, 1, 1)).plan.id == "kolding-2023-2026"


def test_after_the_last_plan_the_most_recent_one_is_shown_as_ended(plans):
    choice = select_plan(plans, date(2027, 1, 1))
    assert (choice.plan.id, choice.state) == ("kolding-2023-2026", "ended")


def test_between_plans_the_one_that_ended_last_is_shown(plans):
    between = [p for p in plans if p.id != "sonderborg-2019-2022"]
    gap = [p.model_copy(update={"period": p.period.model_copy(update={"start": date(2024, 1, 1)})})
           if p.id == "kolding-2023-2026" else p for p in between]
    choice = select_plan(gap, date(2023, 6, 1))
    assert (choice.plan.id, choice.state) == ("vordingborg-2018-2022", "ended")


def test_before_any_plan_the_next_plan_is_shown_as_upcoming(plans):
    choice = select_plan(plans, date(2017, 5, 1))
    assert (choice.plan.id, choice.state) == ("vordingborg-2018-2022", "upcoming")


def test_no_plans_means_no_choice():
    assert select_plan([], date(2026, 1, 1)) is None


def test_an_action_in_several_phases_is_listed_under_each(plans):
    sonderborg = next(p for p in plans if p.id == "sonderborg-2019-2022")
    by_phase = dict((phase, [a.id for a in actions]) for phase, actions in actions_by_phase(sonderborg))
    assert "shared-responsibility" in by_phase["attraction"]
    assert "shared-responsibility" in by_phase["reception"]
    assert "shared-responsibility" in by_phase["retention"]
    assert "keep-graduates" not in by_phase["attraction"]


def test_a_group_sees_its_own_actions_and_those_for_everyone(plans):
    kolding = next(p for p in plans if p.id == "kolding-2023-2026")
    [(_, own)] = actions_by_group(kolding, ["young-families"])
    ids = [a.id for a in own + actions_for_everyone(kolding)]
    assert "partner-job-help" in ids            # aimed at the group
    assert "intro-kolding" in ids               # for everyone (no groups)
    assert "campus-campaign" not in ids         # aimed at students only


def test_timeline_marks_the_quarters_of_vordingborgs_table(plans):
    vordingborg = next(p for p in plans if p.id == "vordingborg-2018-2022")
    table = timeline(vordingborg)
    keys = [q.key for q in table.quarters]
    row = next(r for r in table.rows if r.action.id == "local-workshops")
    marked = [k for k, m in zip(keys, row.marks) if m == "exact"]
    assert marked == ["2018-Q1", "2019-Q1", "2020-Q1"]
    assert keys[0] == "2018-Q1" and keys[-1] == "2022-Q4"


def test_timeline_marks_a_whole_year_lighter_than_a_named_quarter(plans):
    sonderborg = next(p for p in plans if p.id == "sonderborg-2019-2022")
    table = timeline(sonderborg)
    keys = [q.key for q in table.quarters]
    app = next(r for r in table.rows if r.action.id == "newcomer-app")
    ambassadors = next(r for r in table.rows if r.action.id == "ambassadors")
    assert set(app.marks) == {"year"}
    assert [k for k, m in zip(keys, ambassadors.marks) if m == "exact"] == ["2021-Q2", "2021-Q3"]


def test_the_shipped_plan_is_aabenraas_catalogue():
    site = load_site_data(Path(__file__).resolve().parent.parent / "data")
    [plan] = site.values("plans")
    assert plan.municipality == "Aabenraa Kommune"
    assert (plan.period.start, plan.period.end) == (date(2020, 1, 1), date(2022, 12, 31))
    assert {a.category for a in plan.actions} == {"concrete", "knowledge", "branding"}
    assert {a.id for a in plan.actions if a.extra_funding} == {"language-courses", "joint-southern-jutland-branding"}
    assert plan.adopted is None, "the catalogue gives no adoption date, so none is invented"
