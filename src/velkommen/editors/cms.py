"""The browser editor's configuration (Sveltia CMS, Decap-compatible), made from the models.

Every collection and field comes from `model.DATASETS` and the pydantic
models, the same declaration the validation and the JSON Schemas use, so
the editor can never offer a field the build would reject, or miss one.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from velkommen.model import DATASETS, Dataset
from velkommen.model.common import SOURCE_LANGUAGE, Ref, Text, site_languages
from velkommen.model.walk import _is_union, _unwrap, field_key, full_annotation

# Texts an editor writes in paragraphs get a multi-line box.
LONG_TEXTS = {"description", "summary", "explanation", "join", "note", "next", "when", "duration", "source"}


def _collection_name(ds: Dataset) -> str:
    return ds.name.replace("_", "-")


def _ref_target(namespace: str) -> dict[str, Any]:
    """Where the ids of a namespace live, for a relation field."""
    ds = next(d for d in DATASETS if d.namespace == namespace)
    value = f"{ds.entries}.*.id" if ds.entries else "id"
    target: dict[str, Any] = {"collection": _collection_name(ds), "value_field": value, "search_fields": [value]}
    if "*" not in ds.pattern:
        target["file"] = ds.name
    return target


def _text_field(name: str, label: str, required: bool, description: str | None) -> dict[str, Any]:
    widget = "text" if name in LONG_TEXTS else "string"
    return {
        "name": name, "label": label, "widget": "object", "required": required, "collapsed": False,
        **({"hint": description} if description else {}),
        "fields": [{"name": lang, "label": lang.upper(), "widget": widget, "required": lang == SOURCE_LANGUAGE}
                   for lang in site_languages()],
    }


def _pattern(meta: list[Any]) -> list[str] | None:
    """The pattern of a constrained string (StringConstraints, or a type's own JSON Schema)."""
    for m in meta:
        pattern = getattr(m, "pattern", None) or (getattr(m, "json_schema", None) or {}).get("pattern")
        if pattern:
            return [pattern, f"must match {pattern}"]
    return None


def field(name: str, annotation: Any, required: bool, description: str | None = None) -> dict[str, Any]:
    """One CMS field for a model field."""
    label = name.replace("_", " ").capitalize()
    base, meta = _unwrap(annotation)
    if _is_union(base):
        options = [a for a in get_args(base) if a is not type(None)]
        base, more = _unwrap(options[0])
        meta = meta + more
    hint = {"hint": description} if description else {}
    common = {"name": name, "label": label, "required": required, **hint}
    ref = next((m for m in meta if isinstance(m, Ref)), None)
    if ref:
        return {**common, "widget": "relation", **_ref_target(ref.namespace)}
    if isinstance(base, type) and issubclass(base, Text):
        return _text_field(name, label, required, description)
    if get_origin(base) is list:
        item, item_meta = _unwrap(get_args(base)[0])
        item_ref = next((m for m in item_meta if isinstance(m, Ref)), None)
        if item_ref:
            return {**common, "widget": "relation", "multiple": True, **_ref_target(item_ref.namespace)}
        if get_origin(item) is Literal:
            return {**common, "widget": "select", "multiple": True, "options": list(get_args(item))}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {**common, "widget": "list", "fields": model_fields(item)}
        return {**common, "widget": "list", "field": field("item", item, True)}
    if get_origin(base) is Literal:
        return {**common, "widget": "select", "options": list(get_args(base))}
    if base is bool:
        return {**common, "widget": "boolean", "default": False}
    if base in (int, float):
        return {**common, "widget": "number", "value_type": base.__name__}
    if base is date:
        return {**common, "widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    if base is datetime:
        return {**common, "widget": "datetime", "format": "YYYY-MM-DD HH:mm"}
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {**common, "widget": "object", "fields": model_fields(base)}
    pattern = _pattern(meta)
    return {**common, "widget": "string", **({"pattern": pattern} if pattern else {})}


def model_fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    if issubclass(model, Text):  # a list of texts: each item has the site's languages
        return _text_field("item", "", True, None)["fields"]
    out = []
    for name, info in model.model_fields.items():
        out.append(field(field_key(name, info), full_annotation(info), info.is_required(), info.description))
    return out


def data_collection(ds: Dataset) -> dict[str, Any]:
    """A CMS collection for a kind of data file."""
    fields = model_fields(ds.model)
    base = {"name": _collection_name(ds), "label": ds.label, "format": "yaml", "i18n": False}
    if "*" in ds.pattern:
        folder = "data/" + ds.pattern.rsplit("/", 1)[0]
        identifier = {"identifier_field": "id"} if ds.entries is None else {}
        return {**base, "extension": "yaml", "folder": folder, "create": True, "slug": "{{id}}" if ds.entries is None else "{{slug}}",
                **identifier, "fields": fields}
    return {**base, "files": [{"name": ds.name, "label": ds.label, "file": f"data/{ds.pattern}", "fields": fields}]}


def pages_collection() -> dict[str, Any]:
    return {
        "name": "pages", "label": "Sider / Seiten / Pages", "folder": "docs", "extension": "md", "format": "frontmatter",
        "create": True, "i18n": True, "summary": "{{filename}}",
        "nested": {"depth": 4, "subfolders": False}, "meta": {"path": {"widget": "string", "label": "Sti / path"}},
        "fields": [
            {"name": "title", "label": "Titel", "widget": "string", "required": False, "i18n": True},
            {"name": "body", "label": "Tekst", "widget": "markdown", "i18n": True},
        ],
    }


def cms_config(repo: str, branch: str = "main", site_url: str = "") -> dict[str, Any]:
    return {
        "backend": {"name": "github", "repo": repo or "OWNER/REPOSITORY", "branch": branch},
        "site_url": site_url or None,
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "i18n": {"structure": "multiple_folders", "locales": list(site_languages()), "default_locale": SOURCE_LANGUAGE},
        "collections": [pages_collection(), *[data_collection(ds) for ds in DATASETS]],
    }


# The admin page is an editors' tool, not part of the public site: it talks to
# GitHub's API, so it has its own policy (the public pages allow only 'self').
ADMIN_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    "connect-src 'self' https://api.github.com https://www.githubstatus.com",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])

ADMIN_HTML = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>Redigér siden – Velkommen</title>
<link href="config.json" type="application/json" rel="cms-config-url">
</head>
<body>
<noscript>Redigeringen kræver JavaScript. / The editor needs JavaScript.</noscript>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""


def admin_files(config: dict[str, Any], vendor_dir: Path) -> dict[str, bytes]:
    """The files of /admin/: the page, the generated configuration and the vendored CMS script."""
    files = {
        "admin/index.html": ADMIN_HTML.format(policy=ADMIN_POLICY).encode("utf-8"),
        # Generated from the data model (velkommen/editors/cms.py); JSON, which Sveltia CMS reads like YAML.
        "admin/config.json": json.dumps(config, ensure_ascii=False, indent=1).encode("utf-8"),
    }
    for path in sorted(vendor_dir.rglob("*.js")):
        files[f"admin/{path.relative_to(vendor_dir).as_posix()}"] = path.read_bytes()
    return files
