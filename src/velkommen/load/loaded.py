"""A validated file together with its YAML source, to point problems at lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from velkommen.check.errors import Problem
from velkommen.check.explain import data_path, entry_and_field
from velkommen.load.yamlsource import YamlDocument
from velkommen.model import Dataset


@dataclass
class LoadedFile:
    dataset: Dataset
    doc: YamlDocument
    value: BaseModel
    # Ids of entries not shown: national ones the site replaces or switches off (velkommen.load.national).
    hidden: set[str] = field(default_factory=set)


def problem_at(loaded: LoadedFile, path: tuple, problem: str, fix: str, severity: str = "error") -> Problem:
    """A problem located at `path` (a path of model field keys) inside a loaded file."""
    doc_path = data_path(loaded.doc.data, path)
    entry, field_name = entry_and_field(loaded.doc.data, doc_path)
    return Problem(loaded.doc.file, problem, fix, line=loaded.doc.line_of(doc_path), entry=entry,
                   field=field_name, severity=severity)  # type: ignore[arg-type]
