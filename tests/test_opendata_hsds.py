"""The directory as Open Referral HSDS 3.0, validated against the official JSON Schemas."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import FIXTURES, ROOT
from velkommen.load.loader import load_site_data
from velkommen.outputs.opendata import directory_hsds

SCHEMAS = FIXTURES / "hsds"


def _validator(name: str) -> Draft202012Validator:
    # The schemas refer to each other by file name ("phone.json"), without $id.
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json"))
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def exported():
    site = load_site_data(ROOT / "data")
    assert site.ok
    return site, json.loads(directory_hsds(site))


def test_every_service_of_the_shipped_directory_is_valid_hsds(exported):
    site, hsds = exported
    validator = _validator("service.json")
    assert hsds["hsds_version"] == "3.0"
    assert len(hsds["services"]) == len(site.entries("entries"))
    for service in hsds["services"]:
        errors = sorted(validator.iter_errors(service), key=lambda e: list(e.path))
        assert not errors, (service["name"], [f"{list(e.path)}: {e.message}" for e in errors[:5]])


def test_the_organisation_languages_and_place_are_there_with_our_own_ids(exported):
    site, hsds = exported
    entry = site.entries("entries")[0]
    service = next(s for s in hsds["services"] if s["organization"]["organization_identifiers"][0]["identifier"] == entry.id)
    assert service["name"] == entry.name.da
    assert [lang["code"] for lang in service["languages"]] == entry.languages
    assert service["service_at_locations"][0]["location"]["location_type"] == "physical"
    org_validator = _validator("organization.json")
    assert not list(org_validator.iter_errors(service["organization"]))


def test_ids_are_stable_between_builds_and_unique(exported):
    site, hsds = exported
    again = json.loads(directory_hsds(load_site_data(ROOT / "data")))
    assert again == hsds
    ids = [s["id"] for s in hsds["services"]] + [s["organization"]["id"] for s in hsds["services"]]
    assert len(ids) == len(set(ids))


def test_a_broken_service_is_caught_by_the_schema(exported):
    _, hsds = exported
    broken = {**hsds["services"][0], "id": "not-a-uuid", "status": "open"}
    messages = [e.message for e in _validator("service.json").iter_errors(broken)]
    assert any("uuid" in m for m in messages) and any("'open' is not one of" in m for m in messages)
