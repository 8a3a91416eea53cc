"""Every town on the map (issue 20): each point with its source, inside the municipality, and the border drawn."""

from __future__ import annotations

import importlib.util
import re
import shutil
from datetime import date

import pytest

from conftest import FIXTURES, ROOT
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers
from velkommen.select.community import MapFrame, line_label, line_runs, path_data

SITES = {"aabenraa": ROOT / "data", "sonderborg": ROOT / "examples" / "sonderborg" / "data"}
BUILD_DAY = date(2026, 11, 23)


@pytest.fixture(scope="module", params=list(SITES))
def shipped(request):
    site = load_site_data(SITES[request.param])
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    return site


def _map(site, lang: str) -> str:
    return replace_markers("<!-- directory:map -->", RenderContext(lang, "community/map.md", BUILD_DAY, site, ""))


def _svg(html: str) -> str:
    """The map's drawing (a built page has other, small SVG icons too)."""
    return re.search(r'<svg [^>]*class="vk-map__svg".*?</svg>', html, re.S).group(0)


def test_every_shipped_point_names_its_source(shipped):
    towns = shipped.values("towns")[0]
    assert [t.id for t in towns.towns if t.coordinates and not t.coordinates.source] == []
    assert [n.name.da for n in towns.neighbours if not n.coordinates.source] == []
    assert all(b.source and b.licence for b in towns.borders)


def test_every_shipped_town_lies_inside_the_municipalitys_bounds(shipped):
    [municipality] = shipped.values("municipality")
    bounds = municipality.bounds
    assert bounds is not None and bounds.source
    towns = shipped.values("towns")[0]
    assert [t.id for t in towns.towns if t.coordinates and not bounds.contains(t.coordinates.lat, t.coordinates.lon)] == []
    # The neighbours are outside: that is what they are for.
    assert not any(bounds.contains(n.coordinates.lat, n.coordinates.lon) for n in towns.neighbours)


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_the_map_has_a_point_per_town_the_border_and_no_other_host(shipped, lang):
    html = _map(shipped, lang)
    svg = _svg(html)
    towns = shipped.entries("towns")
    placed = [t for t in towns if t.coordinates]
    assert svg.count('class="vk-map__town"') == len(placed)
    for town in placed:
        assert f'<a href="../towns/{town.id}/" class="vk-map__town">' in svg
    # The border: one drawn line, hidden from screen readers like the other orientation marks, labelled for the eye.
    [border] = re.findall(r'<g class="vk-map__border" aria-hidden="true"><path d="(M[^"]+)"/><text [^>]*>([^<]+)</text></g>', svg)
    assert len(border[0].split(" L")) >= 3
    assert border[1] == {"da": "Grænsen til Tyskland", "de": "Grenze zu Deutschland", "en": "Border with Germany"}[lang]
    assert "http" not in svg and "//" not in svg.replace("</", "")
    # Every town without a point is still named, as a link, under the map.
    missing = [t for t in towns if not t.coordinates]
    caption = html.split("<figcaption>", 1)[1]
    assert all(f'<a href="../towns/{t.id}/">' in caption for t in missing)


def test_aabenraas_map_shows_the_neighbours_a_newcomer_knows():
    svg = _svg(_map(load_site_data(SITES["aabenraa"]), "de"))
    neighbours = re.findall(r'<g class="vk-map__neighbour" aria-hidden="true">.*?<text [^>]*>([^<]+)</text></g>', svg)
    assert neighbours == ["Sonderburg", "Flensburg", "Hadersleben"]


@pytest.mark.parametrize(("folder", "label"), [("", "Grænsen til Tyskland"), ("de/", "Grenze zu Deutschland"),
                                               ("en/", "Border with Germany")])
def test_the_built_map_page_draws_the_border_and_every_placed_town(built_site, folder, label):
    html = (built_site / f"{folder}community/map/index.html").read_text(encoding="utf-8")
    svg = _svg(html)
    placed = [t for t in load_site_data(SITES["aabenraa"]).entries("towns") if t.coordinates]
    assert svg.count('class="vk-map__town"') == len(placed) >= 8
    assert svg.count('<g class="vk-map__border" aria-hidden="true"><path d="M') == 1
    assert label in svg and "http" not in svg
    # The figure is still a group of links: the drawing adds no link and nothing a screen reader would read twice.
    assert svg.count("<a ") == len(placed) + sum(1 for e in load_site_data(SITES["aabenraa"]).entries("entries") if e.coordinates)


def test_a_line_is_cut_exactly_at_the_frame_and_its_label_stays_inside():
    """Nothing of a line is drawn outside the frame: the SVG may be wider than its viewBox on a wide screen."""
    frame = MapFrame(54.7, 9.0, 55.3, 9.9)
    runs = line_runs(frame, [(54.9, 8.0), (54.9, 8.5), (54.85, 9.1), (54.82, 9.3), (54.81, 9.5), (54.8, 10.5)])
    [run] = runs
    assert run[0][0] == 0 and run[-1][0] == frame.width
    assert all(0 <= x <= frame.width and 0 <= y <= frame.height for x, y in run) and len(run) == 5
    assert path_data(runs) == "M" + " L".join(f"{x} {y}" for x, y in run)
    x, y = line_label(frame, runs)
    assert 0 < x < frame.width - 100 and max(p[1] for p in run if p[0] <= x + 190) < y < frame.height
    # A line that leaves the frame and comes back is two runs; one wholly outside is none.
    assert len(line_runs(frame, [(54.8, 9.1), (55.0, 8.5), (55.2, 9.1)])) == 2
    assert line_runs(frame, [(56.5, 8.1), (56.6, 8.2)]) == []


def test_a_border_point_outside_the_region_is_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "community", data)
    towns = data / "directory" / "towns.yaml"
    towns.write_text(towns.read_text(encoding="utf-8") + (
        "borders:\n  - name: {da: Grænsen til Tyskland, de: Grenze zu Deutschland, en: Border with Germany}\n"
        "    source: \"https://www.naturalearthdata.com/\"\n    licence: Public domain\n"
        "    points:\n      - {lat: 54.8, lon: 9.3}\n      - {lat: 9.4, lon: 54.81}\n"), encoding="utf-8")
    [error] = errors_only(load_site_data(data).problems)
    assert "outside Denmark and northern Germany" in error.problem and "swapped" in error.fix


def _script():
    spec = importlib.util.spec_from_file_location("town_coordinates", ROOT / "scripts" / "town_coordinates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_checks_points_against_the_outline_and_simplifies_the_line():
    script = _script()
    square = [[(54.8, 9.0), (54.8, 9.5), (55.2, 9.5), (55.2, 9.0)]]
    assert script.inside((55.0, 9.2), square) and not script.inside((54.7, 9.2), square)
    assert script.extent(square) == {"south": 54.8, "west": 9.0, "north": 55.2, "east": 9.5}
    line = [(54.8, 9.0), (54.80001, 9.1), (54.8, 9.2), (54.9, 9.3)]
    assert script._simplify(line, 0.001) == [(54.8, 9.0), (54.8, 9.2), (54.9, 9.3)]
    assert script._chain([[(54.8, 9.2), (54.9, 9.3)], [(54.8, 9.0), (54.8, 9.2)]]) == [[(54.8, 9.0), (54.8, 9.2), (54.9, 9.3)]]


def test_the_map_credits_the_sources_of_its_points_and_lines(built_site):
    html = (built_site / "en" / "community" / "map" / "index.html").read_text(encoding="utf-8")
    credit = html.split('<span class="vk-map__credit">', 1)[1].split("</span>", 1)[0]
    assert credit.startswith("Map data: ") and '<a href="https://www.geonames.org/">geonames.org</a>' in credit
    assert "naturalearthdata.com</a>" in credit
