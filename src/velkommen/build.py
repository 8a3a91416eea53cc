"""State of one site build, independent of the generator that runs it.

The data is loaded once per build and reused by every language build; it is
loaded again only when a file under data/ changes (under `make serve`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from velkommen.check.errors import Problem
from velkommen.check.explain import suggest
from velkommen.check.media import (
    IMAGE_SIZES,
    LOGO_CONTRAST,
    NEUTRAL_HEADER,
    image_size,
    logo_contrast,
    media_problems,
    svg_problems,
)
from velkommen.load.feeds import imported_events
from velkommen.load.loaded import problem_at
from velkommen.load.loader import SiteData, load_site_data
from velkommen.model.site import Image
from velkommen.select.plans import action_ids

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


def load_cached(data_dir: Path, feeds: Path | None = None, languages: tuple[str, ...] | None = None) -> SiteData:
    """The site data, parsed again only when a file (or the languages) changed since the last call; with the feeds' events."""
    data_dir = data_dir.resolve()
    signature = (languages,) + _signature(data_dir) + (_signature(feeds) if feeds and feeds.is_dir() else ())
    cached = _cache.get(data_dir)
    if cached and cached[0] == signature:
        return cached[1]
    site = load_site_data(data_dir, languages=languages)
    if feeds is not None and site.ok:
        add_feed_events(site, feeds)
    _cache[data_dir] = (signature, site)
    return site


def add_feed_events(site: SiteData, feeds: Path) -> None:
    """The events the last fetch kept, beside the editors' events (refused ones become notices)."""
    events, refused = imported_events(site.entries("entries"), feeds)
    site.imported["events"] = events
    site.problems += [Problem(f"{feeds.name}/", line, "check the organiser's calendar; the rest of its events are shown",
                              severity="notice") for line in refused]


def resolve_build_date(today: date | None = None) -> tuple[date, list[Problem]]:
    """The date "current" means: $VELKOMMEN_BUILD_DATE (a preview of another day, or a test), else today."""
    raw = os.environ.get(BUILD_DATE_ENV)
    if not raw:
        return today or date.today(), []
    try:
        return date.fromisoformat(raw), []
    except ValueError:
        return today or date.today(), [Problem(f"${BUILD_DATE_ENV}", f"'{raw}' is not a date",
                                               "write the build date as YYYY-MM-DD, or leave it out to use today")]


def _logo_contrast(loaded, logo: Path) -> list[Problem]:
    """The logo must stand out from the header it sits on (WCAG 2.1 AA, 1.4.11: 3:1 for a graphic)."""
    colours = loaded.value.colours
    background = colours.primary if colours else NEUTRAL_HEADER
    measured = logo_contrast(logo, background)
    if measured is None or measured[0] >= LOGO_CONTRAST:
        return []
    ratio, hexes = measured
    shown = ", ".join(hexes[:4]) + (" …" if len(hexes) > 4 else "")
    return [problem_at(loaded, ("logo", "file"),
                       f"the logo's colours ({shown}) reach at most {ratio:.1f}:1 on the header's {background}; "
                       f"WCAG 2.1 AA asks {LOGO_CONTRAST:.0f}:1 for a graphic",
                       "use the municipality's version of the logo for dark backgrounds (often white), "
                       "or a header colour (colours: primary) the logo stands out on")]


def page_problems(site: SiteData, docs_dir: Path, source_lang: str = "da") -> list[Problem]:
    """Data that points at pages must point at pages that exist in the source language; published files must be inert."""
    pages = (docs_dir / source_lang).resolve()
    images, refused = image_problems(site, pages, f"docs/{source_lang}/")
    # An SVG an image slot names is reported once, at its entry in the data (with the SVG's own line).
    problems = [p for p in media_problems(docs_dir) if p.file not in refused] + images + plan_link_problems(site, docs_dir)
    for loaded in site.files.get("municipality", []):
        logo = loaded.value.logo
        if logo is not None and not ((target := _inside(pages, logo.file)) and target.is_file()):
            problems.append(problem_at(loaded, ("logo", "file"), f"the logo '{logo.file}' is not a file in docs/{source_lang}/",
                                       f"put the file in docs/{source_lang}/ (e.g. docs/{source_lang}/assets/images/) "
                                       "and write its path from there"))
        elif logo is not None:
            problems += _logo_contrast(loaded, target)
    for loaded in site.files.get("target_groups", []):
        for i, group in enumerate(loaded.value.target_groups):
            target = _inside(pages, group.page)
            if target is None or not group.page.endswith(".md"):
                problems.append(problem_at(loaded, ("target_groups", i, "page"),
                                           f"the page '{group.page}' is not a page inside docs/{source_lang}/",
                                           f"write the path of a .md page relative to docs/{source_lang}/, "
                                           "e.g. target-groups/students.md"))
            elif not target.is_file():
                problems.append(problem_at(loaded, ("target_groups", i, "page"),
                                           f"the page '{group.page}' does not exist in docs/{source_lang}/",
                                           "create the page or correct the path (relative to docs/da/)"))
    return problems


def _images(value, path: tuple = ()):
    """Every image slot in a data file's value, with its path of field keys."""
    if isinstance(value, Image):
        yield path, value
    elif isinstance(value, BaseModel):
        for key in type(value).model_fields:
            yield from _images(getattr(value, key), (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _images(item, (*path, i))


def image_problems(site: SiteData, pages: Path, shown: str) -> tuple[list[Problem], set[str]]:
    """Each image in the data must be a file in the source language's folder, inert if an SVG, with a size.

    Returns the problems (one per image, at its entry and field) and the SVG files already reported that way.
    """
    problems, refused, sizes = [], set(), {}
    for files in site.files.values():
        for loaded in files:
            for path, image in _images(loaded.value):
                at, target = (*path, "file"), _inside(pages, image.file)
                if target is None or not target.is_file():
                    problems.append(problem_at(loaded, at, f"the image '{image.file}' is not a file in {shown}",
                                               f"put the file in {shown}assets/images/ and write its path from {shown}, "
                                               "e.g. assets/images/fjord.svg"))
                    continue
                if target.suffix.lower() == ".svg":
                    name = shown + image.file
                    active = svg_problems(target, name)
                    if active:
                        refused.add(name)
                        first = active[0]
                        where = f"{name}, line {first.line}" if first.line else name
                        problems.append(problem_at(loaded, at, f"the image {where}: {first.problem}", first.fix))
                        continue
                size = image_size(target)
                if size is None:
                    problems.append(problem_at(loaded, at, f"the size of the image '{image.file}' cannot be read",
                                               "save it again as a plain SVG with a viewBox, or as a PNG or JPEG"))
                    continue
                sizes[image.file] = size
    site.derived[IMAGE_SIZES] = sizes
    return problems, refused


def _inside(folder: Path, relative: str) -> Path | None:
    """The path `relative` names inside `folder` (resolved), or None when it leads out of the folder."""
    target = (folder / relative).resolve()
    return target if target.is_relative_to(folder) else None


_PLAN_LINK = re.compile(r"plan\.md#action-([A-Za-z0-9_-]+)")


def plan_link_problems(site: SiteData, docs_dir: Path) -> list[Problem]:
    """Links to `plan.md#action-<id>` must name an action of some plan in data/plans/.

    The plan page lists the actions of every plan (the current one in full,
    the others below it), so such a link keeps working when plans change.
    """
    known = action_ids(site.values("plans"))
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for m in _PLAN_LINK.finditer(text):
            if m.group(1) not in known:
                guess = suggest(m.group(1), sorted(known))
                problems.append(Problem(
                    f"docs/{page.relative_to(docs_dir).as_posix()}",
                    f"the link to '#action-{m.group(1)}' names an action that is in no plan in data/plans/",
                    (f"did you mean '#action-{guess}'? " if guess else "") + "link to an action id from a plan file, "
                    "or remove the link", line=text.count("\n", 0, m.start()) + 1))
    return problems


GENERATOR = Path(__file__).resolve().parent


def code_snapshot(root: Path = GENERATOR) -> dict[str, int]:
    """The generator's Python files and when each last changed."""
    return {str(p): p.stat().st_mtime_ns for p in sorted(root.rglob("*.py"))}


def changed_code(before: dict[str, int], root: Path = GENERATOR) -> list[str]:
    """The generator's Python files that changed since `before` (a running server still has the old code)."""
    now = code_snapshot(root)
    return sorted(Path(p).relative_to(root.parent).as_posix() for p in set(before) | set(now) if before.get(p) != now.get(p))


# The generator's code as this process imported it (once: MkDocs reloads the hook files, not this package),
# which `make serve` keeps running after an edit.
CODE_AT_START = code_snapshot()
