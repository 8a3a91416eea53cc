"""Fragments of the action plan: `<!-- plan:... -->` markers."""

from __future__ import annotations

from .. import pages
from ..markers import marker, one_id
from ..plans import actions_by_group, actions_by_phase, actions_for_everyone, actions_for_group, select_plan, timeline
from ..render import RenderContext, render


def _choice(ctx: RenderContext):
    return select_plan(ctx.site.values("plans"), ctx.build_date)


def _groups(ctx: RenderContext):
    return {g.id: g for g in ctx.site.entries("target_groups")}


def target_groups(ctx: RenderContext) -> list[str]:
    return list(_groups(ctx))


def _render(template: str, ctx: RenderContext, **values) -> str:
    choice = _choice(ctx)
    if choice is None:
        return render("plan/none.html", ctx)
    return render(template, ctx, choice=choice, plan=choice.plan, groups=_groups(ctx), plan_page=pages.PLAN,
                  focus_areas={f.id: f for f in choice.plan.focus_areas}, **values)


@marker("plan:summary", about="The plan's title, period, source and a notice when it is not in force.")
def summary(ctx: RenderContext, args: list[str]) -> str:
    return _render("plan/summary.html", ctx)


@marker("plan:by-phase", about="Every action, grouped by newcomer phase, with status, timing, lead and funding.")
def by_phase(ctx: RenderContext, args: list[str]) -> str:
    choice = _choice(ctx)
    phases = actions_by_phase(choice.plan) if choice else []
    return _render("plan/by_phase.html", ctx, phases=phases)


@marker("plan:by-target-group", about="The actions for each target group, as short lists linking to the full actions.")
def by_target_group(ctx: RenderContext, args: list[str]) -> str:
    choice = _choice(ctx)
    if choice is None:
        return render("plan/none.html", ctx)
    rows = actions_by_group(choice.plan, list(_groups(ctx)))
    return _render("plan/by_group.html", ctx, rows=rows, everyone=actions_for_everyone(choice.plan))


@marker("plan:timeline", about="A table of actions by quarter over the plan's period.")
def timeline_table(ctx: RenderContext, args: list[str]) -> str:
    choice = _choice(ctx)
    return _render("plan/timeline.html", ctx, timeline=timeline(choice.plan) if choice else None)


@marker("plan:target-group", args="<target-group id>", check_args=one_id("target-group id", "data/target_groups.yaml", target_groups),
        about="On a target group's page: the actions of the current plan for that group.")
def for_target_group(ctx: RenderContext, args: list[str]) -> str:
    choice = _choice(ctx)
    group_id = args[0]
    if choice is None:
        return render("plan/none.html", ctx)
    own = [a for a in actions_for_group(choice.plan, group_id) if a.target_groups]
    return _render("plan/for_group.html", ctx, group=_groups(ctx)[group_id], own=own,
                   everyone=actions_for_everyone(choice.plan))
