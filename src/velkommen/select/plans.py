"""Which plan a reader sees, and its actions arranged for the pages.

Pure functions over the validated models: easy to test without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from velkommen.model.plan import PHASES, Action, Plan
from velkommen.select.periods import Quarter, quarters_between, timing_bounds

PlanState = Literal["in_force", "ended", "upcoming"]


@dataclass(frozen=True)
class PlanChoice:
    plan: Plan
    state: PlanState
    on: date

    @property
    def in_force(self) -> bool:
        return self.state == "in_force"


def select_plan(plans: list[Plan], on: date) -> PlanChoice | None:
    """The plan in force on `on`; else the most recent ended plan; else the next one.

    When periods overlap (a new plan adopted before the old one ends), the plan
    that started last wins.
    """
    if not plans:
        return None
    in_force = [p for p in plans if p.period.start <= on <= p.period.end]
    if in_force:
        return PlanChoice(max(in_force, key=lambda p: (p.period.start, p.id)), "in_force", on)
    ended = [p for p in plans if p.period.end < on]
    if ended:
        return PlanChoice(max(ended, key=lambda p: (p.period.end, p.id)), "ended", on)
    return PlanChoice(min(plans, key=lambda p: (p.period.start, p.id)), "upcoming", on)


def actions_of_other_plans(plans: list[Plan], shown: Plan) -> list[tuple[Plan, Action]]:
    """Actions of the plans not shown whose ids the shown plan lacks: the most recent plan's, each id once.

    Pages link to `plan.md#action-<id>`. Listing these on the plan page keeps
    every such link working when a new plan comes into force (and the daily
    build green), and tells the reader which plan the action belongs to.
    """
    taken = {a.id for a in shown.actions}
    found = []
    for plan in sorted((p for p in plans if p is not shown), key=lambda p: (p.period.start, p.id), reverse=True):
        for action in plan.actions:
            if action.id not in taken:
                taken.add(action.id)
                found.append((plan, action))
    return found


def action_ids(plans: list[Plan]) -> set[str]:
    """Every action id of every plan: the anchors `plan.md#action-<id>` may point at."""
    return {a.id for p in plans for a in p.actions}


def actions_by_phase(plan: Plan) -> list[tuple[str, list[Action]]]:
    """Every phase with the actions that belong to it (an action may be in several)."""
    return [(phase, [a for a in plan.actions if phase in a.phases]) for phase in PHASES]


def actions_by_group(plan: Plan, group_ids: list[str]) -> list[tuple[str, list[Action]]]:
    """The actions aimed at each group (a group page adds `actions_for_everyone`)."""
    return [(g, [a for a in plan.actions if g in a.target_groups]) for g in group_ids]


def actions_for_everyone(plan: Plan) -> list[Action]:
    return [a for a in plan.actions if not a.target_groups]


Mark = Literal["", "exact", "year"]


@dataclass(frozen=True)
class TimelineRow:
    action: Action
    marks: list[Mark]  # one per quarter: exact (the plan names this quarter or dates in it), year (sometime that year), or nothing


@dataclass(frozen=True)
class Timeline:
    quarters: list[Quarter]
    rows: list[TimelineRow]

    @property
    def years(self) -> list[tuple[int, int]]:
        """(year, number of quarter columns) for the header row."""
        out: list[tuple[int, int]] = []
        for q in self.quarters:
            if out and out[-1][0] == q.year:
                out[-1] = (q.year, out[-1][1] + 1)
            else:
                out.append((q.year, 1))
        return out


def timeline(plan: Plan) -> Timeline:
    """Actions × quarters over the plan's period, like seed 004's table."""
    starts = [plan.period.start] + [timing_bounds(a.timing)[0] for a in plan.actions]
    ends = [plan.period.end] + [timing_bounds(a.timing)[1] for a in plan.actions]
    quarters = quarters_between(max(min(starts), plan.period.start), min(max(ends), plan.period.end))
    rows = [TimelineRow(a, [_mark(a, q) for q in quarters]) for a in plan.actions]
    return Timeline(quarters, rows)


def _mark(action: Action, q: Quarter) -> Mark:
    t = action.timing
    if q.key in t.quarters:
        return "exact"
    if t.start or t.end:
        first = t.start or t.end
        last = t.end or t.start
        if first and last and first <= q.end and last >= q.start:
            return "exact"
    if q.year in t.years:
        return "year"
    return ""
