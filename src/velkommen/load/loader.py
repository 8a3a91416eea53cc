"""Load every file in data/, validate it, and check references between files.

`load_site_data(data_dir)` never raises for bad data: it returns the valid
part of the data together with a list of problems. Callers decide what an
error means (a failed build, a failed `make check`, a test assertion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from velkommen.check import rules as checks
from velkommen.check.errors import Problem
from velkommen.check.explain import problems_from_validation, suggest
from velkommen.load.languages import declared_languages
from velkommen.load.loaded import LoadedFile, problem_at
from velkommen.load.national import NATIONAL, apply_national, hide_unused_national_situations
from velkommen.load.yamlsource import YamlDocument, load_yaml
from velkommen.model import DATASETS, Dataset
from velkommen.model.common import ID_PATTERN, LANGUAGES, languages_in_force
from velkommen.model.walk import iter_id_lists, iter_refs
from velkommen.render.words import SITE_WORDS


@dataclass
class SiteData:
    """The valid data of a site, by dataset, with the problems found on the way."""

    data_dir: Path
    # The site's languages (declared in its mkdocs.yml), the source language first.
    languages: tuple[str, ...] = LANGUAGES
    files: dict[str, list[LoadedFile]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Values derived from this data that many pages ask for (e.g. upcoming events), computed once.
    derived: dict[Any, Any] = field(default_factory=dict)
    # Entries that come from outside data/: events from the organisers' own calendars (feeds.py).
    imported: dict[str, list[Any]] = field(default_factory=dict)

    def once(self, key: Any, compute: Any) -> Any:
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]

    def values(self, dataset_name: str) -> list[Any]:
        return [f.value for f in self.files.get(dataset_name, [])]

    def one(self, dataset_name: str) -> Any:
        values = self.values(dataset_name)
        return values[0] if values else None

    def entries(self, dataset_name: str) -> list[Any]:
        """All entries of a dataset, across its files."""
        out: list[Any] = []
        for f in self.files.get(dataset_name, []):
            out.extend(_entries_of(f))
        return out + self.imported.get(dataset_name, [])

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def _entries_of(loaded: LoadedFile, with_hidden: bool = False) -> list[Any]:
    if loaded.dataset.entries is None:
        return [loaded.value]
    entries = list(getattr(loaded.value, loaded.dataset.entries))
    return entries if with_hidden or not loaded.hidden else [e for e in entries if e.id not in loaded.hidden]


def display_name(path: Path, data_dir: Path) -> str:
    return f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"


def load_site_data(data_dir: Path, datasets: tuple[Dataset, ...] = DATASETS, languages: tuple[str, ...] | None = None) -> SiteData:
    """The site's data, validated in the site's languages (by default those its mkdocs.yml, next to data/, declares)."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if languages is None:
        languages, problems = declared_languages(data_dir.parent)
    site = SiteData(data_dir, tuple(languages), problems=problems)
    with languages_in_force(site.languages):
        _load_into(site, datasets)
    return site


def _load_into(site: SiteData, datasets: tuple[Dataset, ...]) -> None:
    data_dir = site.data_dir
    claimed: set[Path] = set()
    invalid: list[tuple[Dataset, YamlDocument]] = []  # parsed, but failed validation
    unreadable: set[str] = set()  # namespaces with a file that could not be read at all
    national: dict[str, list[LoadedFile]] = {}
    for ds in datasets:
        paths = sorted(p for p in data_dir.glob(ds.pattern) if p.is_file())
        claimed.update(paths)
        if not paths and ds.required:
            site.problems.append(Problem(f"{data_dir.name}/{ds.pattern}", f"no file found for {ds.label.lower()}",
                                         f"create {data_dir.name}/{ds.pattern.replace('*', 'name')} (see the editors' guide)"))
        choice = site.one("national")
        if ds.national and choice is not None and choice.use:
            # The national layer's files come first; the site's own may replace their entries.
            for path in sorted(p for p in NATIONAL.glob(ds.pattern) if p.is_file()):
                with languages_in_force(LANGUAGES):  # the national layer's own languages, whatever the site's
                    loaded, _ = _load_file(path, NATIONAL, ds, site.problems)
                if loaded is not None:
                    national.setdefault(ds.name, []).append(loaded)
        for path in paths:
            loaded, doc = _load_file(path, data_dir, ds, site.problems)
            if loaded is not None:
                site.files.setdefault(ds.name, []).append(loaded)
            elif doc is not None:
                invalid.append((ds, doc))
            elif ds.namespace:
                unreadable.add(ds.namespace)
    site.problems.extend(_unclaimed_files(data_dir, claimed))
    site.problems.extend(apply_national(site, national))
    for name, files in national.items():
        site.files[name] = [*files, *site.files.get(name, [])]
    hide_unused_national_situations(site)
    ids = _collect_ids(site)
    _add_ids_of_invalid_files(ids, invalid)
    site.problems.extend(_check_refs(site, ids, unreadable))
    site.problems.extend(_check_nested_ids(site))
    site.problems.extend(checks.run_domain_checks(site))


def _load_file(path: Path, data_dir: Path, ds: Dataset, problems: list[Problem]) -> tuple[LoadedFile | None, YamlDocument | None]:
    name = display_name(path, data_dir)
    doc, found = load_yaml(path, name)
    problems.extend(found)
    if doc is None or found:
        return None, None
    if doc.data is None:
        problems.append(Problem(name, "the file is empty", "add the data, or delete the file"))
        return None, None
    try:
        value = ds.model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, ds.model))
        return None, doc
    return LoadedFile(ds, doc, value), doc


def _add_ids_of_invalid_files(ids: dict[str, dict[str, _IdSite]], invalid: list[tuple[Dataset, YamlDocument]]) -> None:
    """Ids written in files that failed validation still count for references.

    One slip in towns.yaml should be one message, not one more for every
    entry that names a town.
    """
    for ds, doc in invalid:
        if ds.namespace is None:
            continue
        raw = doc.data.get(ds.entries) if ds.entries and isinstance(doc.data, dict) else [doc.data]
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.setdefault(ds.namespace, {}).setdefault(item["id"], _IdSite(doc.file, None))


def _unclaimed_files(data_dir: Path, claimed: set[Path]) -> list[Problem]:
    problems = []
    for path in sorted(data_dir.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or path in claimed or path == data_dir / SITE_WORDS:
            continue  # data/words.yaml is read and checked by velkommen.render.words
        name = display_name(path, data_dir)
        if path.suffix == ".yml":
            fix = f"rename it to {path.stem}.yaml"
        else:
            fix = "move it to the folder for its kind of data: " + ", ".join(f"{data_dir.name}/{d.pattern}" for d in DATASETS)
        problems.append(Problem(name, "the build does not know this file, so its data would be ignored", fix))
    return problems


@dataclass(frozen=True)
class _IdSite:
    file: str
    line: int | None


def _entry_line(loaded: LoadedFile, index: int | None) -> int | None:
    if loaded.dataset.entries is None or index is None:
        return loaded.doc.line_of(("id",))
    return loaded.doc.line_of((loaded.dataset.entries, index, "id"))


def _collect_ids(site: SiteData) -> dict[str, dict[str, _IdSite]]:
    ids: dict[str, dict[str, _IdSite]] = {}
    for ds in DATASETS:
        if ds.namespace is None:
            continue
        space = ids.setdefault(ds.namespace, {})
        hidden: dict[str, _IdSite] = {}
        for loaded in site.files.get(ds.name, []):
            for index, entry in enumerate(_entries_of(loaded, with_hidden=True)):
                where = _IdSite(loaded.doc.file, _entry_line(loaded, index if ds.entries else None))
                if entry.id in loaded.hidden:
                    hidden.setdefault(entry.id, where)
                    continue
                if entry.id in space:
                    first = space[entry.id]
                    site.problems.append(Problem(
                        where.file, f"the id '{entry.id}' is already used in {first.file}:{first.line}",
                        "give this entry its own id (ids must be unique)", line=where.line, entry=f"'{entry.id}'", field="id"))
                else:
                    space[entry.id] = where
        for entry_id, where in hidden.items():  # national entries the site replaces or leaves out still resolve
            space.setdefault(entry_id, where)
    return ids


_VALID_ID = re.compile(ID_PATTERN)


def _check_refs(site: SiteData, ids: dict[str, dict[str, _IdSite]], unreadable: set[str]) -> list[Problem]:
    problems = []
    for files in site.files.values():
        for loaded in files:
            for path, namespace, value in iter_refs(loaded.value):
                known = ids.get(namespace, {})
                if value in known or namespace in unreadable:
                    continue  # (a file of that namespace could not be read: its syntax error is the message)
                valid = sorted(k for k in known if _VALID_ID.fullmatch(k))  # a refused id is no suggestion
                guess = suggest(value, valid)
                hint = f"did you mean '{guess}'? " if guess else ""
                options = ", ".join(valid[:12]) + (" …" if len(valid) > 12 else "")
                problems.append(problem_at(loaded, path, f"'{value}' is not the id of any {namespace.replace('_', ' ')}",
                                    f"{hint}use one of: {options}" if valid else f"first add the {namespace.replace('_', ' ')} it refers to"))
    return problems


def _check_nested_ids(site: SiteData) -> list[Problem]:
    problems = []
    for files in site.files.values():
        for loaded in files:
            for path, items in iter_id_lists(loaded.value):
                if loaded.dataset.entries and path == (loaded.dataset.entries,):
                    continue  # checked across files by _collect_ids
                seen: dict[str, int] = {}
                for i, item in enumerate(items):
                    if item.id in seen:
                        problems.append(problem_at(loaded, (*path, i, "id"),
                                            f"the id '{item.id}' is used twice in {'.'.join(map(str, path))} (also item {seen[item.id] + 1})",
                                            "give each entry its own id"))
                    else:
                        seen[item.id] = i
    return problems
