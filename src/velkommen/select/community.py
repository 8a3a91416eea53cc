"""The community directory arranged for pages: by town, filterable, on a map."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from velkommen.model.community import LAT_RANGE, LON_RANGE, Entry, Town


def town_name(town: Town, lang: str) -> str:
    """A town's name on a page in `lang`, as plain text (the one rule for every page, title and map label).

    Addresses, road signs and timetables use only the official Danish name, so
    it comes first, with the reader's own form beside it where the town has
    one: 'Nørreby (Norderdorf)' in German, 'Nørreby' in Danish and English.
    """
    own = getattr(town.name, lang, None)
    return f"{town.name.da} ({own})" if own and own != town.name.da else town.name.da


def town_page(town_id: str) -> str:
    """Source path of a town's page inside a language folder."""
    return f"community/towns/{town_id}.md"


def entries_by_town(towns: list[Town], entries: list[Entry]) -> list[tuple[Town, list[Entry]]]:
    """Towns in data order, each with its entries sorted by name; towns without entries are left out."""
    grouped: dict[str, list[Entry]] = {t.id: [] for t in towns}
    for entry in entries:
        grouped.setdefault(entry.town, []).append(entry)
    return [(t, sorted(grouped[t.id], key=lambda e: e.name.da.casefold())) for t in towns if grouped[t.id]]


def facets(entries: list[Entry]) -> dict[str, list[str]]:
    """The values the filters offer: only those that occur, so no filter leads to nothing."""
    return {
        "towns": list(dict.fromkeys(e.town for e in entries)),
        "kinds": sorted({e.kind for e in entries}),
        "languages": sorted({code for e in entries for code in e.languages}, key=lambda c: (c not in ("da", "de", "en"), c)),
    }


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence, cut at a word boundary if it is long (for compact lists)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.S)
    sentence = match.group(1) if match else text.strip()
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@dataclass(frozen=True)
class MapFrame:
    """A plain equirectangular projection of the area, scaled so distances look right at this latitude."""

    south: float
    west: float
    north: float
    east: float
    width: float = 600.0

    @property
    def height(self) -> float:
        mid = math.radians((self.north + self.south) / 2)
        return self.width * (self.north - self.south) / ((self.east - self.west) * math.cos(mid))

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * self.width
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


def map_frame(points: list[tuple[float, float]], margin: float = 0.04) -> MapFrame | None:
    """A frame around the given (lat, lon) points, or None when there are none."""
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north = max(min(lats) - margin, LAT_RANGE[0]), min(max(lats) + margin, LAT_RANGE[1])
    west, east = max(min(lons) - margin * 1.7, LON_RANGE[0]), min(max(lons) + margin * 1.7, LON_RANGE[1])
    if north - south < 0.1:
        south, north = south - 0.05, north + 0.05
    if east - west < 0.17:
        west, east = west - 0.085, east + 0.085
    # Keep a shape that fits a phone screen: widen a tall frame, heighten a flat one.
    frame = MapFrame(south, west, north, east)
    ratio = frame.height / frame.width
    if ratio > 1.2:
        grow = (east - west) * (ratio / 1.2 - 1) / 2
        frame = MapFrame(south, max(west - grow, LON_RANGE[0]), north, min(east + grow, LON_RANGE[1]))
    elif ratio < 0.6:
        grow = (north - south) * (0.6 / ratio - 1) / 2
        frame = MapFrame(max(south - grow, LAT_RANGE[0]), west, min(north + grow, LAT_RANGE[1]), east)
    return frame


def _clip(a: tuple[float, float], b: tuple[float, float], width: float, height: float) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment a–b inside the rectangle 0..width × 0..height (Liang–Barsky), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0]), (dx, width - a[0]), (-dy, a[1]), (dy, height - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return (a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy)


def line_runs(frame: MapFrame, points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A line's projected points, cut exactly at the frame's edges: the runs of it that lie inside."""
    xy = [frame.project(lat, lon) for lat, lon in points]
    runs: list[list[tuple[float, float]]] = []
    for a, b in zip(xy, xy[1:]):
        part = _clip(a, b, frame.width, frame.height)
        if part is None:
            continue
        start, end = ((round(x, 1), round(y, 1)) for x, y in part)
        if runs and runs[-1][-1] == start:
            runs[-1].append(end)
        else:
            runs.append([start, end])
    return [run for run in runs if run[0] != run[-1]]


def path_data(runs: list[list[tuple[float, float]]]) -> str:
    """SVG path data for runs of points: 'M x y L x y …' for each."""
    return " ".join("M" + " L".join(f"{x} {y}" for x, y in run) for run in runs)


def line_label(frame: MapFrame, runs: list[list[tuple[float, float]]], span: float = 190.0) -> tuple[float, float] | None:
    """Where a line's label starts: at the west end of its longest run in the frame, just below the line under the text."""
    visible = max(runs, key=len, default=[])
    if not visible:
        return None
    x = min(max(min(p[0] for p in visible) + 6, 6), max(frame.width - span, 6))
    under = [p[1] for p in visible if x - 10 <= p[0] <= x + span] or [p[1] for p in visible]
    return round(x, 1), round(min(max(under) + 20, frame.height - 6), 1)
