"""Pages and files made from data, per language, for any generator to write.

Pages: a permanent page per guide situation and a page per town.
Files: iCalendar feeds per language; open data and schemas once, at the site root.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from velkommen.editors.schema import schema_text
from velkommen.model import DATASETS
from velkommen.model.common import SOURCE_LANGUAGE
from velkommen.outputs.address import public_address
from velkommen.outputs.ical import calendars
from velkommen.outputs.identity import IDENTITY_CSS, identity_css
from velkommen.outputs.opendata import directory_csv, directory_hsds, directory_json, events_json, plan_json
from velkommen.render import paths
from velkommen.render.context import page_url
from velkommen.render.fragments.community import town_page_markdown
from velkommen.render.fragments.guide import situation_page_markdown
from velkommen.render.words import ui
from velkommen.select.community import town_page
from velkommen.select.guide import situation_pages


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # inside the language folder, e.g. "community/towns/<town>.md"
    markdown: str


@dataclass(frozen=True)
class GeneratedFile:
    path: str  # from the site root, e.g. "de/calendar/events.ics" or "data/directory.json"
    content: bytes


def prefix(lang: str, root: str = SOURCE_LANGUAGE) -> str:
    """Where a language's pages go: "" for the language at the site root, else "de/"."""
    return "" if lang == root else f"{lang}/"


def pages_for(site, lang: str) -> list[GeneratedPage]:
    pages = [GeneratedPage(p.path, situation_page_markdown(p.situation, lang))
             for p in situation_pages(site.entries("situations"))]
    pages += [GeneratedPage(town_page(t.id), town_page_markdown(t, lang)) for t in site.entries("towns")]
    return pages


def files_for(site, lang: str, on: date, site_url: str, root: str = SOURCE_LANGUAGE) -> list[GeneratedFile]:
    """This language's calendar files, and (with the root language) the shared open data."""
    stamp = datetime(on.year, on.month, on.day, tzinfo=UTC)  # reproducible builds
    events = site.entries("events")
    # A calendar entry's link must be absolute: without a public address it has none.
    public = public_address(site_url)
    events_url = public + prefix(lang, root) + page_url(paths.EVENTS) if public else None
    name = ui("events.calendar_name", lang)
    feed, singles = calendars(events, lang, name, (lambda e: f"{events_url}#event-{e.id}") if events_url else None, stamp)
    files = [GeneratedFile(f"{prefix(lang, root)}calendar/events.ics", feed)]
    files += [GeneratedFile(f"{prefix(lang, root)}calendar/{event_id}.ics", ics) for event_id, ics in singles.items()]
    if lang == root:
        shared = {
            "data/directory.json": directory_json(site, on),
            "data/directory.csv": directory_csv(site),
            "data/directory.hsds.json": directory_hsds(site),
            IDENTITY_CSS: identity_css(site.one("municipality")),
            "data/events.json": events_json(site, on),
            "data/plan.json": plan_json(site, on),
        }
        shared.update({f"data/schemas/{ds.name}.schema.json": schema_text(ds) for ds in DATASETS})
        files += [GeneratedFile(path, text.encode("utf-8")) for path, text in shared.items()]
    return files
