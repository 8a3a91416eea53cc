"""The browser editor offers exactly the fields the validation knows, as required and with the same choices."""

from __future__ import annotations

import json
import typing
from typing import Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from velkommen.editors.cms import admin_files, cms_config, data_collection
from velkommen.model import DATASETS
from velkommen.model.common import LANGUAGES, SOURCE_LANGUAGE, Ref, Text
from velkommen.model.walk import _unwrap, field_key, full_annotation


def _literal_values(annotation) -> list | None:
    base, _ = _unwrap(annotation)
    if get_origin(base) in (typing.Union, __import__("types").UnionType):
        base = next(a for a in get_args(base) if a is not type(None))
        base, _ = _unwrap(base)
    if get_origin(base) is list:
        base, _ = _unwrap(get_args(base)[0])
    return list(get_args(base)) if get_origin(base) is Literal else None


def _model_of(annotation) -> type[BaseModel] | None:
    base, _ = _unwrap(annotation)
    for candidate in [base, *get_args(base)]:
        candidate, _ = _unwrap(candidate)
        if get_origin(candidate) is list:
            candidate, _ = _unwrap(get_args(candidate)[0])
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _has_ref(annotation) -> str | None:
    base, meta = _unwrap(annotation)
    for m in meta:
        if isinstance(m, Ref):
            return m.namespace
    for arg in get_args(base):
        found = _has_ref(arg)
        if found:
            return found
    return None


def compare(model: type[BaseModel], fields: list[dict], where: str) -> list[str]:
    """Every difference between a model's fields and the CMS fields, as readable lines."""
    problems = []
    by_name = {f["name"]: f for f in fields}
    expected = {field_key(n, i): i for n, i in model.model_fields.items()}
    problems += [f"{where}.{extra}: in the CMS but not in the model" for extra in set(by_name) - set(expected)]
    for key, info in expected.items():
        cms = by_name.get(key)
        if cms is None:
            problems.append(f"{where}.{key}: missing in the CMS")
            continue
        if cms.get("required", True) != info.is_required():
            problems.append(f"{where}.{key}: required is {cms.get('required', True)} in the CMS, {info.is_required()} in the model")
        annotation = full_annotation(info)
        values = _literal_values(annotation)
        if values is not None and cms.get("options") != values:
            problems.append(f"{where}.{key}: options {cms.get('options')} != {values}")
        namespace = _has_ref(annotation)
        if namespace and cms.get("widget") != "relation":
            problems.append(f"{where}.{key}: refers to a {namespace}, but the CMS field is not a relation")
        nested = _model_of(annotation)
        if nested is not None and issubclass(nested, Text):
            langs = {f["name"]: f.get("required", True) for f in cms["fields"]}
            if langs != {lang: lang == SOURCE_LANGUAGE for lang in LANGUAGES}:
                problems.append(f"{where}.{key}: texts need da (required), de and en (optional)")
        elif nested is not None:
            problems += compare(nested, cms.get("fields", []), f"{where}.{key}")
    return problems


@pytest.mark.parametrize("ds", DATASETS, ids=[d.name for d in DATASETS])
def test_every_model_field_is_in_the_cms_with_the_same_rules(ds):
    collection = data_collection(ds)
    fields = collection["files"][0]["fields"] if "files" in collection else collection["fields"]
    assert compare(ds.model, fields, ds.name) == []


def test_the_comparison_notices_a_difference():
    fields = data_collection(next(d for d in DATASETS if d.name == "plans"))["fields"]
    broken = [f for f in fields if f["name"] != "municipality"] + [{"name": "extra", "widget": "string"}]
    problems = compare(next(d for d in DATASETS if d.name == "plans").model, broken, "plans")
    assert "plans.municipality: missing in the CMS" in problems and "plans.extra: in the CMS but not in the model" in problems


def test_references_are_relations_to_the_right_collection():
    entries = data_collection(next(d for d in DATASETS if d.name == "entries"))["fields"][0]["fields"]
    town = next(f for f in entries if f["name"] == "town")
    assert (town["widget"], town["collection"], town["file"], town["value_field"]) == ("relation", "towns", "towns", "towns.*.id")
    events = data_collection(next(d for d in DATASETS if d.name == "events"))["fields"][0]["fields"]
    organiser = next(f for f in events if f["name"] == "organiser")
    assert (organiser["collection"], organiser["value_field"]) == ("entries", "entries.*.id")


def test_every_data_folder_is_a_collection_and_pages_are_edited_in_three_languages():
    config = cms_config("org/site")
    names = [c["name"] for c in config["collections"]]
    assert names[0] == "pages" and len(names) == len(DATASETS) + 1
    assert config["i18n"] == {"structure": "multiple_folders", "locales": ["da", "de", "en"], "default_locale": "da"}
    assert config["collections"][0]["folder"] == "docs"


def test_the_admin_page_loads_the_cms_from_the_site_itself(tmp_path):
    (tmp_path / "sveltia-cms.js").write_text("/* cms */", encoding="utf-8")
    files = admin_files(cms_config("org/site"), tmp_path)
    page = files["admin/index.html"].decode("utf-8")
    assert '<script src="sveltia-cms.js"></script>' in page and "http-equiv=\"Content-Security-Policy\"" in page
    assert "script-src 'self';" in page and "unsafe-eval" not in page
    assert json.loads(files["admin/config.json"])["backend"]["repo"] == "org/site"
    assert files["admin/sveltia-cms.js"] == b"/* cms */"
