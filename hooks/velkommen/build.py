"""State of one site build, independent of the generator that runs it.

The data is loaded once per build and reused by every language build; it is
loaded again only when a file under data/ changes (under `make serve`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import fragments  # noqa: F401  (registers the markers)
from .errors import Problem
from .loaded import problem_at
from .loader import SiteData, load_site_data
from .notices import editor_notices, plan_notices  # noqa: F401  (used by the hooks and the command line)

BUILD_DATE_ENV = "VELKOMMEN_BUILD_DATE"


@dataclass
class Build:
    data_dir: Path
    docs_dir: Path
    build_date: date
    site: SiteData


_cache: dict[Path, tuple[tuple, SiteData]] = {}
_current: Build | None = None


def set_current(build: Build) -> None:
    global _current
    _current = build


def current() -> Build:
    """The build in progress (set by the data hook before any page is rendered)."""
    if _current is None:
        raise RuntimeError("no build in progress: the data hook must run first")
    return _current


def _signature(data_dir: Path) -> tuple:
    entries = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def load_cached(data_dir: Path) -> SiteData:
    """The site data, parsed again only when a file changed since the last call."""
    data_dir = data_dir.resolve()
    signature = _signature(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == signature:
        return cached[1]
    site = load_site_data(data_dir)
    _cache[data_dir] = (signature, site)
    return site


def resolve_build_date(config_value: object, today: date | None = None) -> tuple[date, list[Problem]]:
    """The date "current" means: $VELKOMMEN_BUILD_DATE, else the config value, else today."""
    raw = os.environ.get(BUILD_DATE_ENV) or config_value
    if raw in (None, ""):
        return today or date.today(), []
    if isinstance(raw, date):
        return raw, []
    try:
        return date.fromisoformat(str(raw)), []
    except ValueError:
        source = f"${BUILD_DATE_ENV}" if os.environ.get(BUILD_DATE_ENV) else "mkdocs.yml (extra.build_date)"
        return today or date.today(), [Problem(source, f"'{raw}' is not a date", "write the build date as YYYY-MM-DD, or leave it out to use today")]


def page_problems(site: SiteData, docs_dir: Path, source_lang: str = "da") -> list[Problem]:
    """Data that points at pages must point at pages that exist in the source language."""
    problems = []
    for loaded in site.files.get("target_groups", []):
        for i, group in enumerate(loaded.value.target_groups):
            if not (docs_dir / source_lang / group.page).is_file():
                problems.append(problem_at(loaded, ("target_groups", i, "page"),
                                           f"the page '{group.page}' does not exist in docs/{source_lang}/",
                                           "create the page or correct the path (relative to docs/da/)"))
    return problems
