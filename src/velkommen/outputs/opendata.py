"""Machine-readable copies of the data for other municipal services.

Stable, documented shapes (docs/*/open-data.md): every file has
`schema_version`, the build date and the municipality; entries, events and
the plan keep the field names of the YAML (see the JSON Schemas published
beside them). Texts keep all three languages.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date
from typing import Any

from velkommen.select.community import entries_by_town
from velkommen.select.events import TIMEZONE, occurrences
from velkommen.select.plans import select_plan

SCHEMA_VERSION = 1

def csv_columns(languages: tuple[str, ...]) -> list[str]:
    """A name and description column per site language; the town's Danish and (border region) German name."""
    return [
        "id", *[f"name_{lang}" for lang in languages], "kind", "town_id", "town_da", "town_de",
        *[f"description_{lang}" for lang in languages], "languages", "target_groups", "audience",
        "website", "email", "phone", "address", "lat", "lon", "source", "confirmed",
    ]


def _dump(model: Any) -> dict:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _head(site: Any, on: date) -> dict:
    municipality = site.one("municipality")
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": on.isoformat(),
        "municipality": municipality.name.da if municipality else None,
    }


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def directory_json(site: Any, on: date) -> str:
    towns = site.entries("towns")
    entries = [e for _, group in entries_by_town(towns, site.entries("entries")) for e in group]
    return _json({**_head(site, on), "towns": [_dump(t) for t in towns], "entries": [_dump(e) for e in entries]})


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: OWASP's advice, an apostrophe before a formula's first character.

    Numbers stay numbers; the JSON files keep every text exactly as written.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def directory_csv(site: Any) -> str:
    towns = {t.id: t for t in site.entries("towns")}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_columns(site.languages), lineterminator="\r\n")
    writer.writeheader()
    for town, group in entries_by_town(list(towns.values()), site.entries("entries")):
        for e in group:
            contact = e.contact
            writer.writerow({key: spreadsheet_safe(value) for key, value in {
                "id": e.id, **{f"name_{lang}": e.name.own(lang) or "" for lang in site.languages},
                "kind": e.kind, "town_id": town.id, "town_da": town.name.da, "town_de": town.name.own("de") or "",
                **{f"description_{lang}": e.description.own(lang) or "" for lang in site.languages},
                "languages": ";".join(e.languages),
                "target_groups": ";".join(e.target_groups), "audience": ";".join(e.audience),
                "website": contact.website if contact and contact.website else "",
                "email": contact.email if contact and contact.email else "",
                "phone": contact.phone if contact and contact.phone else "",
                "address": e.address or "",
                "lat": e.coordinates.lat if e.coordinates else "", "lon": e.coordinates.lon if e.coordinates else "",
                "source": e.source, "confirmed": e.confirmed.isoformat(),
            }.items()})
    return out.getvalue()


def _uuid(site: Any, kind: str, key: str) -> str:
    """HSDS wants UUIDs: the same one every build, derived from the municipality's website and our own id."""
    municipality = site.one("municipality")
    base = municipality.website.rstrip("/") if municipality else "https://velkommen.invalid"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base}/velkommen/{kind}/{key}"))


def directory_hsds(site: Any) -> str:
    """The directory as Open Referral HSDS 3.0 services, each with its organisation, languages, contacts and place.

    One service per directory entry (what the organisation offers newcomers);
    our own id is kept as the organisation's identifier ("velkommen").
    Texts are the Danish source; translations are in directory.json.
    """
    towns = {t.id: t for t in site.entries("towns")}
    services = []
    for town, group in entries_by_town(list(towns.values()), site.entries("entries")):
        for e in group:
            org, svc = _uuid(site, "organization", e.id), _uuid(site, "service", e.id)
            contact = e.contact
            organization = {
                "id": org, "name": e.name.da, "description": e.description.da,
                "organization_identifiers": [{"id": _uuid(site, "identifier", e.id), "organization_id": org,
                                              "identifier_scheme": "velkommen", "identifier_type": "directory entry id",
                                              "identifier": e.id}],
            }
            if contact and contact.website:
                organization["website"] = contact.website
            if contact and contact.email:
                organization["email"] = contact.email
            place = e.coordinates or town.coordinates
            location = {"id": _uuid(site, "location", e.id), "location_type": "physical", "name": town.name.da}
            if place:
                location.update(latitude=place.lat, longitude=place.lon)
            if e.address:
                location["description"] = e.address
            service = {
                "id": svc, "organization_id": org, "name": e.name.da, "description": e.description.da, "status": "active",
                "languages": [{"id": _uuid(site, "language", f"{e.id}/{code}"), "service_id": svc, "code": code}
                              for code in e.languages],
                "service_at_locations": [{"id": _uuid(site, "service-at-location", e.id), "service_id": svc,
                                          "location": location}],
                "last_modified": f"{e.confirmed.isoformat()}T00:00:00Z",
                "organization": organization,
            }
            if contact and contact.website:
                service["url"] = contact.website
            if contact and contact.email:
                service["email"] = contact.email
            if contact and contact.phone:
                service["phones"] = [{"id": _uuid(site, "phone", e.id), "service_id": svc, "number": contact.phone}]
            services.append(service)
    return _json({"hsds_version": "3.0", "services": services})


def events_json(site: Any, on: date) -> str:
    items = []
    for event in site.entries("events"):
        dump = _dump(event)
        dump["occurrences"] = [
            {"start": o.start.replace(tzinfo=TIMEZONE).isoformat(), "end": o.end.replace(tzinfo=TIMEZONE).isoformat()}
            for o in occurrences(event)
        ]
        items.append(dump)
    return _json({**_head(site, on), "timezone": "Europe/Copenhagen", "events": items})


def plan_json(site: Any, on: date) -> str:
    choice = select_plan(site.values("plans"), on)
    return _json({**_head(site, on), "state": choice.state if choice else None,
                  "plan": _dump(choice.plan) if choice else None})
