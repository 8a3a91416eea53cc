"""Fragments of the action plan: `<!-- plan:... -->` markers."""

from __future__ import annotations

from velkommen.render import paths
from velkommen.render.context import RenderContext, render
from velkommen.render.markers import marker, one_id
from velkommen.select.plans import (
    actions_by_group,
    actions_by_phase,
    actions_for_everyone,
    actions_of_other_plans,
    select_plan,
    timeline,
)


def _choice(ctx: RenderContext):
    return select_plan(ctx.site.values("plans"), ctx.build_date)


def _groups(ctx: RenderContext):
    return {g.id: g for g in ctx.site.entries("target_groups")}


def target_groups(ctx: RenderContext) -> list[str]:
    return list(_groups(ctx))


def _render(template: str, ctx: RenderContext, extra=lambda plan, groups: {}) -> str:
    """Render a plan fragment for the plan in force; `extra(plan, groups)` adds the fragment's own values."""
    choice = _choice(ctx)
    if choice is None:
        return render("plan/none.html", ctx)
    groups = _groups(ctx)
    return render(template, ctx, choice=choice, plan=choice.plan, groups=groups, plan_page=paths.PLAN,
                  focus_areas={f.id: f for f in choice.plan.focus_areas}, **extra(choice.plan, groups))


@marker("plan:summary", about="The plan's title, period, source and a notice when it is not in force.")
def summary(ctx: RenderContext, args: list[str]) -> str:
    return _render("plan/summary.html", ctx)


@marker("plan:by-phase", about="Every action, grouped by newcomer phase, with status, timing, lead and funding.")
def by_phase(ctx: RenderContext, args: list[str]) -> str:
    return _render("plan/by_phase.html", ctx, lambda plan, groups: {
        "phases": actions_by_phase(plan), "others": actions_of_other_plans(ctx.site.values("plans"), plan)})


@marker("plan:by-target-group", about="The actions for each target group, as short lists linking to the full actions.")
def by_target_group(ctx: RenderContext, args: list[str]) -> str:
    return _render("plan/by_group.html", ctx, lambda plan, groups: {
        "rows": actions_by_group(plan, list(groups)), "everyone": actions_for_everyone(plan)})


@marker("plan:timeline", about="A table of actions by quarter over the plan's period.")
def timeline_table(ctx: RenderContext, args: list[str]) -> str:
    return _render("plan/timeline.html", ctx, lambda plan, groups: {"timeline": timeline(plan)})


@marker("plan:target-group", args="<target-group id>", check_args=one_id("target-group id", "data/target_groups.yaml", target_groups),
        about="On a target group's page: the actions of the current plan for that group.")
def for_target_group(ctx: RenderContext, args: list[str]) -> str:
    group_id = args[0]
    return _render("plan/for_group.html", ctx, lambda plan, groups: {
        "group": groups[group_id], "own": actions_by_group(plan, [group_id])[0][1], "everyone": actions_for_everyone(plan)})
