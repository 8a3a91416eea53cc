"""The one declaration of the data's shape.

`DATASETS` lists every kind of file in `data/`: where it lives, its model, and
which list in it holds entries with ids. The loader, the JSON Schema export
and the CMS configuration all read this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .plan import Plan
from .site import Municipality, TargetGroups


@dataclass(frozen=True)
class Dataset:
    name: str
    pattern: str  # glob relative to data/
    model: type[BaseModel]
    entries: str | None  # field holding the list of entries; None: the file itself is one entry
    namespace: str | None  # the id namespace the entries define (for references)
    required: bool
    label: str  # what an editor calls it


DATASETS: tuple[Dataset, ...] = (
    Dataset("municipality", "municipality.yaml", Municipality, None, None, True, "The municipality"),
    Dataset("target_groups", "target_groups.yaml", TargetGroups, "target_groups", "target_group", True, "Target groups"),
    Dataset("plans", "plans/*.yaml", Plan, None, "plan", True, "Action plans"),
)


def dataset(name: str) -> Dataset:
    for ds in DATASETS:
        if ds.name == name:
            return ds
    raise KeyError(name)
