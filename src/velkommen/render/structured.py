"""schema.org descriptions of what a page shows, as JSON-LD, for search engines and other services.

Organisations on the town pages, events on the events page, guide steps
(GovernmentService) on the situation pages. A `<script type="application/ld+json">`
is data, not script: the browser never runs it, so the Content Security Policy
needs no hash for it; `<`, `>` and `&` are written as JSON escapes, so no text
from the data can close the element.
"""

from __future__ import annotations

from typing import Any

from velkommen.render.context import plain, script_json
from velkommen.select.events import TIMEZONE, Occurrence


def _drop_empty(value: dict) -> dict:
    return {k: v for k, v in value.items() if v not in (None, "", [], {})}


def _address(town_name: str, street: str | None) -> dict:
    return _drop_empty({"@type": "PostalAddress", "streetAddress": street, "addressLocality": town_name, "addressCountry": "DK"})


def organization(entry: Any, town: Any, lang: str) -> dict:
    contact = entry.contact
    return _drop_empty({
        "@type": "Organization",
        "name": plain(entry.name, lang),
        "description": plain(entry.description, lang),
        "url": contact.website if contact else None,
        "email": contact.email if contact else None,
        "telephone": contact.phone if contact else None,
        "address": _address(town.name.da, entry.address),  # addresses use the Danish names only
        "knowsLanguage": list(entry.languages),
    })


def event(occurrence: Occurrence, organiser: Any, towns: dict, lang: str) -> dict:
    e = occurrence.event
    town = towns.get(e.place.town)
    return _drop_empty({
        "@type": "Event",
        "name": plain(e.title, lang),
        "description": plain(e.description, lang),
        "startDate": occurrence.start.replace(tzinfo=TIMEZONE).isoformat(),
        "endDate": occurrence.end.replace(tzinfo=TIMEZONE).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": _drop_empty({"@type": "Place", "name": plain(e.place.name, lang),
                                 "address": _address(town.name.da if town else "", e.place.address)}),
        "organizer": _drop_empty({"@type": "Organization", "name": plain(organiser.name, lang) if organiser else None}),
        "inLanguage": list(e.languages),
        "url": e.source,
    })


def government_service(step: Any, lang: str) -> dict:
    where = step.where.url if step.where and step.where.url else None
    return _drop_empty({
        "@type": "GovernmentService",
        "name": plain(step.title, lang),
        "description": plain(step.summary, lang),
        "provider": _drop_empty({"@type": "GovernmentOrganization", "name": plain(step.authority.name, lang),
                                 "url": step.authority.url}),
        "url": where or step.source,
        "isBasedOn": step.source,
    })


def json_ld(items: list[dict]) -> str:
    """One JSON-LD block for a fragment's items, or nothing (HTML, to add to the fragment's HTML)."""
    if not items:
        return ""
    graph = {"@context": "https://schema.org", "@graph": items} if len(items) > 1 else {"@context": "https://schema.org", **items[0]}
    return f'<script type="application/ld+json">{script_json(graph)}</script>'
