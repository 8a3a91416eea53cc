"""The one declaration of the data's shape.

`DATASETS` lists every kind of file in `data/`: where it lives, its model, and
which list in it holds entries with ids. The loader, the JSON Schema export
and the CMS configuration all read this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from velkommen.model.community import Entries, Events, Towns
from velkommen.model.guide import NationalLayer, Situations, Steps, Terms
from velkommen.model.plan import Plan
from velkommen.model.site import Municipality, TargetGroups


@dataclass(frozen=True)
class Dataset:
    name: str
    pattern: str  # glob relative to data/
    model: type[BaseModel]
    entries: str | None  # field holding the list of entries; None: the file itself is one entry
    namespace: str | None  # the id namespace the entries define (for references)
    required: bool
    label: str  # what an editor calls it
    national: bool = False  # the package's national layer has files of this kind too (velkommen/national/)


DATASETS: tuple[Dataset, ...] = (
    Dataset("municipality", "municipality.yaml", Municipality, None, None, True, "The municipality"),
    Dataset("target_groups", "target_groups.yaml", TargetGroups, "target_groups", "target_group", True, "Target groups"),
    Dataset("plans", "plans/*.yaml", Plan, None, "plan", True, "Action plans"),
    # Read before the guide's files: it says whether the site uses the national layer.
    Dataset("national", "guide/national.yaml", NationalLayer, None, None, False, "The national guide"),
    Dataset("situations", "guide/situations.yaml", Situations, "situations", "situation", False, "Guide situations", True),
    Dataset("steps", "guide/steps/*.yaml", Steps, "steps", "guide_step", False, "Guide steps", True),
    Dataset("terms", "guide/terms.yaml", Terms, "terms", "term", False, "Danish official terms", True),
    Dataset("towns", "directory/towns.yaml", Towns, "towns", "town", False, "Towns and villages"),
    Dataset("entries", "directory/entries/*.yaml", Entries, "entries", "directory_entry", False, "Directory entries"),
    Dataset("events", "events/*.yaml", Events, "events", "event", False, "Events"),
)


def dataset(name: str) -> Dataset:
    for ds in DATASETS:
        if ds.name == name:
            return ds
    raise KeyError(name)
