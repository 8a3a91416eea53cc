"""Fragments of the welcome package: `<!-- welcome:... -->` markers."""

from __future__ import annotations

from urllib.parse import urlencode

from velkommen.outputs import qr
from velkommen.outputs.address import public_address
from velkommen.render import paths
from velkommen.render.context import RenderContext, render
from velkommen.render.fragments.guide import addon_situations, base_situations
from velkommen.render.fragments.plan import target_groups
from velkommen.render.markers import marker, one_id
from velkommen.render.words import ui
from velkommen.select.community import town_name, town_page
from velkommen.select.guide import situation_page, steps_for


def home_url(ctx: RenderContext) -> str | None:
    """The site's home page in the page's language, as a public address (what the QR code opens); None if unknown."""
    site = public_address(ctx.site_url)
    return site + ctx.prefix if site else None


@marker("welcome:qr", about="A QR code that opens the site in the page's language, with the address written out.")
def qr_code(ctx: RenderContext, args: list[str]) -> str:
    url = home_url(ctx)
    code = qr.svg(url, ui("welcome.qr_title", ctx.lang)) if url else None
    return render("welcome/qr.html", ctx, url=url, code=code)


@marker("welcome:contact", about="The settlement team's contact for the letter: name, languages, where to find them.")
def contact(ctx: RenderContext, args: list[str]) -> str:
    return render("welcome/contact.html", ctx, municipality=ctx.site.one("municipality"))


@marker("directory:for-group", args="<target-group id>",
        check_args=one_id("target-group id", "data/target_groups.yaml", target_groups),
        about="Directory entries that suit a target group, linking to their town pages.")
def entries_for_group(ctx: RenderContext, args: list[str]) -> str:
    entries = [e for e in ctx.site.entries("entries") if args[0] in e.target_groups]
    towns = {t.id: t for t in ctx.site.entries("towns")}
    return render("welcome/entries.html", ctx, entries=entries, towns=towns, town_page=town_page,
                  town_name=lambda t: town_name(t, ctx.lang),
                  directory_page=paths.DIRECTORY)


@marker("guide:summary", args="<situation id> [add-on id]",
        check_args=one_id("base situation id", "data/guide/situations.yaml", base_situations,
                          ("an add-on situation", addon_situations)),
        about="The titles of a situation's steps, numbered, linking to its page (for target-group pages).")
def guide_summary(ctx: RenderContext, args: list[str]) -> str:
    situations = {s.id: s for s in ctx.site.entries("situations")}
    steps = steps_for(ctx.site.entries("steps"), args[0], args[1:])
    # The situation page shows an add-on's steps only when the address switches it on.
    query = ("?" + urlencode([("with", a) for a in args[1:]])) if args[1:] else ""
    return render("welcome/guide_summary.html", ctx, steps=steps, situation=situations[args[0]],
                  page=situation_page(args[0]), query=query, guide_page=paths.GUIDE)


@marker("welcome:print", about="A print button (shown when JavaScript runs; the browser's own print works without it).")
def print_button(ctx: RenderContext, args: list[str]) -> str:
    return render("welcome/print.html", ctx)
