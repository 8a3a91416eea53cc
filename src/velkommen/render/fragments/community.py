"""Fragments of the community directory and events: `<!-- directory:... -->`, `<!-- events:... -->`."""

from __future__ import annotations

from urllib.parse import urlsplit

from velkommen.check.media import IMAGE_SIZES
from velkommen.render import paths, structured
from velkommen.render.context import RenderContext, generated_page, plain, render
from velkommen.render.markers import marker, one_id
from velkommen.render.structured import json_ld
from velkommen.render.words import ui
from velkommen.select.community import (
    entries_by_town,
    facets,
    first_sentence,
    line_label,
    line_runs,
    map_frame,
    path_data,
    town_name,
    town_page,
)
from velkommen.select.events import upcoming


def _upcoming(ctx: RenderContext):
    """Upcoming events, computed once per build: every town page asks, and it is 5 % of a large build (README, "Caches")."""
    return ctx.site.once(("upcoming", ctx.build_date), lambda: upcoming(ctx.site.entries("events"), ctx.build_date))


def _groups(ctx: RenderContext):
    """The towns that have entries, each with its entries by name."""
    return entries_by_town(ctx.site.entries("towns"), ctx.site.entries("entries"))


def _common(ctx: RenderContext) -> dict:
    return {
        "towns": {t.id: t for t in ctx.site.entries("towns")},
        "town_page": town_page,
        "town_name": lambda t: town_name(t, ctx.lang),
        "first_sentence": first_sentence,
        "directory_page": paths.DIRECTORY,
        "events_page": paths.EVENTS,
        "open_data_page": paths.OPEN_DATA,
        "organisers": {e.id: e for e in ctx.site.entries("entries")},
    }


@marker("directory:filters", about="Filters by town, kind and language, and a search box (shown when JavaScript runs).")
def filters(ctx: RenderContext, args: list[str]) -> str:
    return render("community/filters.html", ctx, **_common(ctx), facets=facets(ctx.site.entries("entries")))


# Above this many entries each town's list starts folded (a <details>): a phone lays out
# only the towns a reader opens, and the filters open the towns that match.
FOLD_TOWNS_OVER = 150


@marker("directory:list", about="Every directory entry, grouped by town; works without JavaScript. "
        f"Over {FOLD_TOWNS_OVER} entries each town's list starts folded.")
def directory_list(ctx: RenderContext, args: list[str]) -> str:
    collapsed = len(ctx.site.entries("entries")) > FOLD_TOWNS_OVER
    return render("community/list.html", ctx, **_common(ctx), groups=_groups(ctx), collapsed=collapsed)


@marker("directory:towns", about="The towns with their number of entries, linking to each town's page.")
def towns(ctx: RenderContext, args: list[str]) -> str:
    return render("community/towns.html", ctx, **_common(ctx), groups=_groups(ctx))


@marker("directory:town", args="<town id>", check_args=one_id("town id", "data/directory/towns.yaml", lambda ctx: [t.id for t in ctx.site.entries("towns")]),
        about="A town's page: its entries in full, its welcome ambassadors first, and its upcoming events.")
def town(ctx: RenderContext, args: list[str]) -> str:
    common = _common(ctx)
    in_town = next((entries for t, entries in _groups(ctx) if t.id == args[0]), [])
    entries = sorted(in_town, key=lambda e: e.kind != "welcome-ambassador")  # stable: by name within
    events = [o for o in _upcoming(ctx) if o.event.place.town == args[0]]
    here = common["towns"][args[0]]
    described = json_ld([structured.organization(e, here, ctx.lang) for e in entries])
    return render("community/town.html", ctx, **common, town=here, entries=entries, occurrences=events,
                  image=_image(ctx, here.image)) + described


def _image(ctx: RenderContext, image) -> dict | None:
    """What the image macro needs: the image, its address from this page and its size (read by the build's checks)."""
    if image is None:
        return None
    sizes = ctx.site.derived.get(IMAGE_SIZES, {})
    return {"image": image, "src": ctx.file_link(image.file, shared=True), "size": sizes.get(image.file)}


def _map_credits(places, towns_files) -> list[dict]:
    """Where the map's points and lines come from, once per source (open data asks for its credit where it is shown)."""
    credits: dict[str, dict] = {}
    for place in places:
        source = place.coordinates.source
        if source:
            host = urlsplit(source).hostname or source
            host = host.removeprefix("www.")
            credits.setdefault(host, {"url": f"https://{urlsplit(source).hostname}/", "label": host})
    for f in towns_files:
        for border in f.borders:
            host = (urlsplit(border.source).hostname or border.source).removeprefix("www.")
            credits.setdefault(host, {"url": border.source, "label": host})
    return list(credits.values())


@marker("directory:map", about="A drawn map of the towns and entries that have coordinates (no map tiles from other hosts).")
def map_svg(ctx: RenderContext, args: list[str]) -> str:
    common = _common(ctx)
    towns_with = [t for t in ctx.site.entries("towns") if t.coordinates]
    entries_with = [e for e in ctx.site.entries("entries") if e.coordinates]
    neighbours = [n for f in ctx.site.values("towns") for n in f.neighbours]
    frame = map_frame([(p.coordinates.lat, p.coordinates.lon) for p in [*towns_with, *entries_with, *neighbours]])
    borders = []
    for border in (b for f in ctx.site.values("towns") for b in f.borders) if frame else ():
        runs = line_runs(frame, [(p.lat, p.lon) for p in border.points])
        if runs:
            borders.append({"name": border.name, "d": path_data(runs), "label": line_label(frame, runs)})
    return render("community/map.html", ctx, **common, frame=frame, towns_with=towns_with, entries_with=entries_with, borders=borders,
                  credits=_map_credits([*towns_with, *entries_with, *neighbours], ctx.site.values("towns")) if frame else [],
                  neighbours=neighbours, neighbour_names=", ".join(plain(nb.name, ctx.lang) for nb in neighbours),
                  missing=[t for t in ctx.site.entries("towns") if not t.coordinates])


@marker("events:upcoming", about="Upcoming events and the next date of each series, from the build date on.")
def upcoming_events(ctx: RenderContext, args: list[str]) -> str:
    common = _common(ctx)
    organisers = {e.id: e for e in ctx.site.entries("entries")}
    described = json_ld([structured.event(o, organisers.get(o.event.organiser), common["towns"], ctx.lang)
                         for o in _upcoming(ctx)])
    return render("community/events.html", ctx, **common, occurrences=_upcoming(ctx)) + described


@marker("data:downloads", about="Links to the open data files (JSON, CSV) and their schemas.")
def downloads(ctx: RenderContext, args: list[str]) -> str:
    return render("community/downloads.html", ctx)


def town_page_markdown(town, lang: str) -> str:
    """The Markdown of a town's page (generated, never written to docs/)."""
    title = ui("directory.town_title", lang, town=town_name(town, lang))
    return generated_page(title, town_name(town, lang), f"<!-- directory:town {town.id} -->")
