"""Checks that need more than one field: rules of a kind of data, beyond its shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .errors import Problem
from .loaded import LoadedFile, problem_at
from .model.plan import Plan
from .periods import timing_bounds, year_span


def run_domain_checks(site: Any) -> list[Problem]:
    problems: list[Problem] = []
    for dataset_name, check in DOMAIN_CHECKS.items():
        for loaded in site.files.get(dataset_name, []):
            problems.extend(check(loaded))
    return problems


# --- Plans -----------------------------------------------------------------

def check_plan(loaded: LoadedFile) -> Iterable[Problem]:
    plan: Plan = loaded.value  # type: ignore[assignment]
    focus_ids = [f.id for f in plan.focus_areas]
    for i, action in enumerate(plan.actions):
        if action.focus_area and action.focus_area not in focus_ids:
            fix = f"use one of: {', '.join(focus_ids)}" if focus_ids else "add the focus area under `focus_areas:` at the top of the plan, or remove this line"
            yield problem_at(loaded, ("actions", i, "focus_area"), f"'{action.focus_area}' is not one of this plan's focus areas", fix)
        first, last = timing_bounds(action.timing)
        if last < plan.period.start or first > plan.period.end:
            yield problem_at(loaded, ("actions", i, "timing"),
                             f"the timing ({year_span([first.year, last.year])}) lies wholly outside the plan's period "
                             f"({plan.period.start} to {plan.period.end})",
                             "correct the years, or move the action to the plan for that period")
        if action.cost_estimate and not action.extra_funding:
            yield problem_at(loaded, ("actions", i, "cost_estimate"),
                             "a cost estimate is given, but `extra_funding` is not true",
                             "set `extra_funding: true` if the action needs money beyond the budget, or remove the estimate")


DOMAIN_CHECKS: dict[str, Callable[[LoadedFile], Iterable[Problem]]] = {
    "plans": check_plan,
}
