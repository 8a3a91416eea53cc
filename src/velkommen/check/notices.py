"""Things editors should look at, without failing the build: an ended plan, facts due a check."""

from __future__ import annotations

from datetime import date

from velkommen.check.errors import Problem
from velkommen.check.rules import freshness_notices
from velkommen.load.loader import SiteData
from velkommen.select.plans import select_plan


def editor_notices(site: SiteData, on: date) -> list[Problem]:
    """Everything editors should look at this month, without failing the build."""
    return [*plan_notices(site, on), *freshness_notices(site, on)]


def plan_notices(site: SiteData, on: date) -> list[Problem]:
    """Tell editors (without failing the build) when no plan is in force."""
    choice = select_plan(site.values("plans"), on)
    if choice is None or choice.in_force:
        return []
    loaded = next(f for f in site.files["plans"] if f.value is choice.plan)
    if choice.state == "ended":
        what = f"no action plan is in force on {on}; the site shows '{choice.plan.id}', which ended on {choice.plan.period.end}, with a notice"
    else:
        what = f"no action plan is in force on {on}; the site shows '{choice.plan.id}', which starts on {choice.plan.period.start}, with a notice"
    return [Problem(loaded.doc.file, what, "add the new plan as a file in data/plans/ when it is adopted",
                    severity="notice")]
