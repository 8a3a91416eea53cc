"""The JSON Schemas that editors' tools use come from the same models as the validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from velkommen.editors.schema import schema_text, vscode_mapping
from velkommen.model import DATASETS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("ds", DATASETS, ids=[d.name for d in DATASETS])
def test_committed_schema_is_up_to_date(ds):
    committed = (ROOT / "schemas" / f"{ds.name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(ds), "run `make schema` and commit schemas/"


def test_vscode_settings_point_every_data_file_at_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == vscode_mapping()


def test_schema_rejects_unknown_keys_like_the_validation_does():
    schema = json.loads(schema_text(next(d for d in DATASETS if d.name == "plans")))
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Action"]["additionalProperties"] is False
