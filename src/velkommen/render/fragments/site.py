"""Fragments with the municipality's shared facts: `<!-- site:... -->` markers.

Facts marked `verified: false` in data/municipality.yaml are shown with a
visible "not yet confirmed" label, never as certain.
"""

from __future__ import annotations

from velkommen.render import fmt
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



def contact_block(ctx: RenderContext) -> str:
    """The municipality's address, phone, opening hours and CVR number, each with its source (the footer of every page).

    Without `contact:` in the data a neutral line says where to find them; nothing is filled in.
    """
    m = _municipality(ctx)
    contact = m.contact if m else None
    if contact is None:
        return render("site/contact.html", ctx, contact=None, municipality=m)
    facts = [(key, getattr(contact, key)) for key in ("address", "phone", "hours", "cvr") if getattr(contact, key)]
    tel = "".join(c for c in contact.phone.number if c.isdigit() or c == "+") if contact.phone else ""
    rows = fmt.opening_hours(contact.hours.times, ctx.lang) if contact.hours else []
    return render("site/contact.html", ctx, contact=contact, municipality=m, facts=facts, tel=tel, hours_rows=rows)
