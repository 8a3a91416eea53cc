"""JSON Schemas for editors' YAML tooling, generated from the models.

VS Code with the YAML extension (redhat.vscode-yaml) reads the
`.vscode/settings.json` mapping and autocompletes fields, shows their
descriptions and flags mistakes while typing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from velkommen.model import DATASETS, Dataset
from velkommen.model.common import site_languages


def schema_for(ds: Dataset) -> dict:
    schema = ds.model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{ds.label} (data/{ds.pattern})"
    return schema


def schema_text(ds: Dataset) -> str:
    """The schema in the languages in force (`languages_in_force`): each site's offers its own."""
    return _schema_text(ds, site_languages())


@cache
def _schema_text(ds: Dataset, languages: tuple[str, ...]) -> str:
    return json.dumps(schema_for(ds), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for ds in DATASETS:
        path = folder / f"{ds.name}.schema.json"
        text = schema_text(ds)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[Path]:
    """Schema files that differ from what the model declares."""
    return [folder / f"{ds.name}.schema.json" for ds in DATASETS
            if not (folder / f"{ds.name}.schema.json").is_file()
            or (folder / f"{ds.name}.schema.json").read_text(encoding="utf-8") != schema_text(ds)]


def vscode_mapping() -> dict[str, list[str]]:
    """`yaml.schemas` for .vscode/settings.json: schema file -> data files."""
    return {f"./schemas/{ds.name}.schema.json": [f"data/{ds.pattern}"] for ds in DATASETS}


def write_vscode_mapping(settings: Path) -> Path:
    """Point VS Code's YAML extension at the schemas, keeping the file's other settings."""
    current = json.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
    current["yaml.schemas"] = vscode_mapping()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return settings
