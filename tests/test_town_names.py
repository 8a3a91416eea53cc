"""Town names: the official Danish name first, the reader's own form beside it ("Padborg (Pattburg)").

Addresses, road signs and timetables use only the Danish names, so a German
page that showed only "Pattburg" would hide the name a reader has to look for.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import ROOT
from velkommen.load.loader import load_site_data
from velkommen.model.common import Name
from velkommen.model.community import Town
from velkommen.render.context import RenderContext
from velkommen.render.fragments.community import town_page_markdown
from velkommen.render.markers import replace_markers
from velkommen.select.community import town_name


@pytest.fixture(scope="module")
def site():
    return load_site_data(ROOT / "data")


def _town(**name) -> Town:
    return Town(id="x", name=Name(**name))


def test_the_danish_name_comes_first_and_the_readers_form_beside_it():
    padborg = _town(da="Padborg", de="Pattburg", en="Padborg")
    assert town_name(padborg, "de") == "Padborg (Pattburg)"
    assert town_name(padborg, "en") == "Padborg"
    assert town_name(padborg, "da") == "Padborg"
    assert town_name(_town(da="København", en="Copenhagen"), "en") == "København (Copenhagen)"
    assert town_name(_town(da="Tinglev"), "de") == "Tinglev", "no German form: the Danish name alone"


def _render(site, marker, lang="de", page="community/index.md"):
    return replace_markers(f"<!-- {marker} -->", RenderContext(lang, page, date(2026, 11, 23), site, "de/"))


def _differs(site):
    towns = [t for t in site.entries("towns") if t.name.de and t.name.de != t.name.da]
    assert towns, "the shipped data has German town names"
    return towns


def _bare(html: str, town) -> list[str]:
    """Places where the German form stands as a name on its own: a whole element's text or a label."""
    german = re.escape(town.name.de)
    return re.findall(rf">\s*{german}\s*<|\"{german}\"|>{german} \(", html)


def test_every_german_directory_fragment_names_towns_danish_first(site):
    entries_towns = {e.town for e in site.entries("entries")}
    towns_html = _render(site, "directory:towns")
    list_html = _render(site, "directory:list")
    filters_html = _render(site, "directory:filters")
    map_html = _render(site, "directory:map")
    for town in _differs(site):
        both = f"{town.name.da} ({town.name.de})"
        for html in (towns_html, list_html, filters_html, map_html):
            assert not _bare(html, town), (town.id, _bare(html, town))
        if town.id in entries_towns:
            assert f">{both}</a>" in towns_html, town.id
            assert f"<h2>{both}</h2>" in list_html, town.id
            assert f">{both}</option>" in filters_html, town.id
        if town.coordinates:
            assert re.search(rf"<text[^>]*>{re.escape(both)}</text>", map_html), town.id


def test_a_german_town_page_has_both_names_in_its_title_and_heading(site):
    for town in _differs(site):
        both = f"{town.name.da} ({town.name.de})"
        markdown = town_page_markdown(town, "de")
        title = re.search(r'^title: "(.*)"$', markdown, re.M).group(1)
        heading = re.search(r"^# (.*)$", markdown, re.M).group(1).replace("\\", "")
        assert both in title and heading == both, (title, heading)
        page = _render(site, f"directory:town {town.id}", page=f"community/towns/{town.id}.md")
        assert not _bare(page, town), (town.id, _bare(page, town))


def test_danish_pages_keep_the_danish_name_alone(site):
    html = _render(site, "directory:list", lang="da")
    for town in _differs(site):
        assert f"<h2>{town.name.da} (" not in html


def test_the_built_german_town_page_shows_both_names(built_site):
    html = (built_site / "de" / "community" / "towns" / "padborg" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Padborg \(Pattburg\)", html)
    assert re.search(r"<title>[^<]*Padborg \(Pattburg\)", html)
