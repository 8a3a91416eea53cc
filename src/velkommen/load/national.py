"""The national layer: guide situations, terms and steps kept once, in the package, for every site.

A site that has `data/guide/national.yaml` (`use: true`) gets the files
under `velkommen/national/guide/` before its own. Its own step with the id
of a national one must say `replaces: national` (else it duplicates it);
`off:` leaves a national step out. A replacing step may not state another
deadline than the national step's official source does: that is a
contradiction, reported with both places.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from velkommen.check.errors import Problem
from velkommen.load.loaded import LoadedFile, problem_at

NATIONAL = Path(__file__).resolve().parent.parent / "national"


@lru_cache(maxsize=1)
def national_domains() -> tuple[str, ...]:
    """The national authorities' domains (velkommen/national/official_domains.yaml), official on every site."""
    return tuple(yaml.safe_load((NATIONAL / "official_domains.yaml").read_text(encoding="utf-8")))


def _entries(loaded: LoadedFile):
    return list(enumerate(getattr(loaded.value, loaded.dataset.entries)))


def _deadlines(step) -> list[tuple]:
    return sorted((d.event, str(d.latest), str(d.earliest)) for d in getattr(step, "deadlines", []) or [])


def apply_national(site, national_files: dict[str, list[LoadedFile]]) -> list[Problem]:
    """Hide the national entries a site replaces or switches off; one problem per duplicate, contradiction or unknown id."""
    problems: list[Problem] = []
    choice = site.one("national")
    for name, files in national_files.items():
        national = {entry.id: (loaded, i, entry) for loaded in files for i, entry in _entries(loaded)}
        for loaded in site.files.get(name, []):
            for i, entry in _entries(loaded):
                if entry.id not in national:
                    if getattr(entry, "replaces", None) == "national":
                        problems.append(problem_at(loaded, (loaded.dataset.entries, i, "replaces"),
                                                   f"there is no national step '{entry.id}' to replace",
                                                   "remove `replaces: national`, or use the id of a national step"))
                    continue
                theirs, _, original = national[entry.id]
                theirs.hidden.add(entry.id)
                if getattr(entry, "replaces", None) != "national":
                    problems.append(problem_at(
                        loaded, (loaded.dataset.entries, i, "id"),
                        f"'{entry.id}' is already in the national layer ({theirs.doc.file}), so this duplicates it",
                        "delete this entry to use the national one" + (
                            ", or add `replaces: national` if this is the site's own version with its local facts"
                            if "replaces" in type(entry).model_fields else "")))
                elif _deadlines(entry) != _deadlines(original):
                    problems.append(problem_at(
                        loaded, (loaded.dataset.entries, i, "deadlines"),
                        f"this step replaces the national '{entry.id}' but states other deadlines than it does "
                        f"({theirs.doc.file}, from its official source)",
                        "copy the national step's deadlines; if the official source has changed, the national layer "
                        "must be corrected (tell the generator's maintainers)"))
        if name == "steps" and choice is not None:
            own = {entry.id for loaded in site.files.get(name, []) for _, entry in _entries(loaded)}
            for j, off in enumerate(choice.off):
                if off.id in national:
                    national[off.id][0].hidden.add(off.id)
                elif off.id in own:  # (an id that is nowhere is the reference check's message)
                    problems.append(problem_at(site.files["national"][0], ("off", j, "id"),
                                               f"'{off.id}' is this site's own step, not a national one",
                                               "delete the step from data/guide/steps/ instead of switching it off here"))
    return problems


def hide_unused_national_situations(site) -> None:
    """A national situation that no step of this site applies to is not offered (its page would be empty)."""
    used = {situation for step in site.entries("steps") for situation in step.situations}
    for loaded in site.files.get("situations", []):
        if loaded.doc.file.startswith("national/"):
            loaded.hidden |= {s.id for s in loaded.value.situations if s.id not in used}
