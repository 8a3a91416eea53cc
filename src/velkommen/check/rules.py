"""Checks that need more than one field: rules of a kind of data, beyond its shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta

from velkommen.check.errors import Problem
from velkommen.load.loaded import LoadedFile, problem_at
from velkommen.model.plan import Plan
from velkommen.select.events import still_to_come
from velkommen.select.guide import bases_and_addons, find_cycle
from velkommen.select.periods import timing_bounds, year_span


def run_domain_checks(site: Any) -> list[Problem]:
    problems: list[Problem] = []
    for dataset_name, check in DOMAIN_CHECKS.items():
        for loaded in site.files.get(dataset_name, []):
            problems.extend(check(loaded))
    for site_check in SITE_CHECKS:
        problems.extend(site_check(site))
    return problems


def _located(site: Any, dataset_name: str) -> dict[str, tuple[LoadedFile, int]]:
    """Each entry id of a dataset with the file and list index it is written at."""
    out: dict[str, tuple[LoadedFile, int]] = {}
    for loaded in site.files.get(dataset_name, []):
        for i, entry in enumerate(getattr(loaded.value, loaded.dataset.entries)):
            out.setdefault(entry.id, (loaded, i))
    return out


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


# --- The guide -----------------------------------------------------------------

def check_guide(site: Any) -> Iterable[Problem]:
    steps = site.entries("steps")
    if not steps:
        return
    where = _located(site, "steps")

    def at(step_id: str, path: tuple, problem: str, fix: str) -> Problem:
        loaded, i = where[step_id]
        return problem_at(loaded, ("steps", i, *path), problem, fix)

    cycle = find_cycle(steps)
    if cycle:
        yield at(cycle[0], ("after",), f"the steps wait for each other in a circle: {' → '.join(cycle)}",
                 "remove one of these prerequisites (`after:`) so the circle is broken")
    by_id = {s.id: s for s in steps}
    addons = {s.id for s in bases_and_addons(site.entries("situations"))[1]}
    for step in steps:
        for j, before in enumerate(step.after):
            if before not in by_id:
                continue  # reported by the reference check
            # "After" means "if that step applies to you too, do it first". A reader
            # has one base situation and any add-ons, so the pair only matters if
            # some reader can have both steps.
            both = set(step.situations) | set(by_id[before].situations)
            if not set(step.situations) & set(by_id[before].situations) and not both & addons:
                yield at(step.id, ("after", j),
                         f"this step comes after '{before}', but no newcomer has both steps, so '{before}' never comes first",
                         f"remove '{before}' from `after`, or give both steps a situation in common")
    for loaded in site.files.get("situations", []):
        for i, situation in enumerate(loaded.value.situations):
            if situation.id in loaded.hidden:
                continue
            if not any(situation.id in s.situations for s in steps):
                yield problem_at(loaded, ("situations", i, "id"), f"no step applies to the situation '{situation.id}'",
                                 f"add '{situation.id}' to the `situations` of the steps it needs, or remove the situation")


def official(url: str, domains: Iterable[str]) -> bool:
    """Whether `url` is an https or http page on one of `domains` or a subdomain of one."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    return parts.scheme in ("http", "https") and any(host == d or host.endswith("." + d) for d in domains)


def check_deadline_sources(site: Any) -> Iterable[Problem]:
    """A deadline is shown only with an official source: a national authority's domain or one the municipality lists."""
    from velkommen.load.national import national_domains

    municipality = site.one("municipality")
    domains = [*national_domains(), *(municipality.official_domains if municipality else [])]
    for loaded in site.files.get("steps", []):
        for i, step in enumerate(loaded.value.steps):
            for j, deadline in enumerate(step.deadlines):
                if official(deadline.source, domains):
                    continue
                host = urlsplit(deadline.source).hostname or deadline.source
                listed = ", ".join(domains)
                yield problem_at(loaded, ("steps", i, "deadlines", j, "source"),
                                 f"the deadline's source '{host}' is not one of the official domains (the national authorities' and those in data/municipality.yaml: {listed})",
                                 "use the authority's own page as the source, or, if the site is an official authority's, "
                                 "add its domain under `official_domains:` in data/municipality.yaml")


# (dataset, field with the date of the last check, Freshness setting)
_CHECKED = (("steps", "verified", "guide_steps_months"), ("entries", "confirmed", "directory_months"),
            ("events", "confirmed", "events_months"))


def freshness_notices(site: Any, on: date) -> list[Problem]:
    """Facts whose last check is older than the allowed age (a reminder, not an error)."""
    municipality = site.one("municipality")
    problems = []
    for dataset_name, field, setting in _CHECKED:
        months = getattr(municipality.freshness, setting) if municipality else 12
        limit = on - relativedelta(months=months)
        for loaded, i in _located(site, dataset_name).values():
            entry = getattr(loaded.value, loaded.dataset.entries)[i]
            if dataset_name == "events" and not still_to_come(entry, on):
                continue  # a past event drops off the site; nothing to check
            checked = getattr(entry, field)
            if checked < limit:
                problems.append(problem_at(
                    loaded, (loaded.dataset.entries, i, field),
                    f"last checked on {checked}, more than {months} months ago",
                    f"check it against {entry.source} and set `{field}:` to the day you did", "notice"))
    return problems + _contact_notices(site, on)


def _contact_notices(site: Any, on: date) -> list[Problem]:
    """The footer's contact facts (address, phone, hours, CVR) age like the guide's steps."""
    municipality = site.one("municipality")
    if municipality is None or municipality.contact is None:
        return []
    months = municipality.freshness.guide_steps_months
    limit = on - relativedelta(months=months)
    loaded = site.files["municipality"][0]
    problems = []
    for key in ("address", "phone", "hours", "cvr"):
        fact = getattr(municipality.contact, key)
        if fact is not None and fact.verified < limit:
            problems.append(problem_at(loaded, ("contact", key, "verified"),
                                       f"last checked on {fact.verified}, more than {months} months ago",
                                       f"check it against {fact.source} and set `verified:` to the day you did", "notice"))
    return problems


DOMAIN_CHECKS: dict[str, Callable[[LoadedFile], Iterable[Problem]]] = {
    "plans": check_plan,
}

def check_bounds(site: Any) -> Iterable[Problem]:
    """Towns, directory entries and event venues lie inside the municipality's bounds, when the data gives them."""
    municipality = site.one("municipality")
    bounds = municipality.bounds if municipality else None
    if bounds is None:
        return
    box = f"south {bounds.south}, west {bounds.west}, north {bounds.north}, east {bounds.east}"
    for name, path in (("towns", ("coordinates",)), ("entries", ("coordinates",)), ("events", ("place", "coordinates"))):
        for loaded in site.files.get(name, []):
            for i, entry in enumerate(getattr(loaded.value, loaded.dataset.entries)):
                point = entry
                for key in path:
                    point = getattr(point, key, None)
                if point is not None and not bounds.contains(point.lat, point.lon):
                    yield problem_at(loaded, (loaded.dataset.entries, i, *path),
                                     f"the point ({point.lat}, {point.lon}) lies outside the municipality's bounds ({box})",
                                     "check the coordinates (latitude first); a place outside the municipality belongs "
                                     "under `neighbours:` in towns.yaml")


SITE_CHECKS: list[Callable[[Any], Iterable[Problem]]] = [check_guide, check_deadline_sources, check_bounds]
