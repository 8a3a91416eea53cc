"""Fragments with the municipality's shared facts: `<!-- site:... -->` markers.

Facts marked `verified: false` in data/municipality.yaml are shown with a
visible "not yet confirmed" label, never as certain.
"""

from __future__ import annotations

from velkommen.render.context import RenderContext, render
from velkommen.render.markers import marker


def _municipality(ctx: RenderContext):
    return ctx.site.one("municipality")


@marker("site:accessibility-statement", about="Link to the municipality's accessibility statement (WAS tool).")
def accessibility_statement(ctx: RenderContext, args: list[str]) -> str:
    m = _municipality(ctx)
    return render("site/link_fact.html", ctx, fact=m.accessibility_statement if m else None,
                  label_key="site.accessibility_statement", missing_key="site.accessibility_statement.missing")


@marker("site:feedback", about="How to report a problem with the site (e-mail).")
def feedback(ctx: RenderContext, args: list[str]) -> str:
    m = _municipality(ctx)
    return render("site/feedback.html", ctx, fact=m.feedback if m else None)


@marker("site:team", about="The settlement team's name and the languages it speaks.")
def team(ctx: RenderContext, args: list[str]) -> str:
    return render("site/team.html", ctx, municipality=_municipality(ctx))

