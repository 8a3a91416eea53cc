"""A town's description comes with the source it is taken from, shown beside it on the town's page."""

from __future__ import annotations

import shutil
from datetime import date

from conftest import ROOT
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers

PADBORG_SOURCE = '    source: "https://graenseforeningen.dk/leksikon/padborg"\n'


def _towns(tmp_path, new_source_line: str):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "directory" / "towns.yaml"
    text = path.read_text(encoding="utf-8")
    assert PADBORG_SOURCE in text
    path.write_text(text.replace(PADBORG_SOURCE, new_source_line), encoding="utf-8")
    return load_site_data(data)


def test_a_town_description_shows_its_source():
    site = load_site_data(ROOT / "data")
    assert errors_only(site.problems) == []
    html = replace_markers("<!-- directory:town padborg -->",
                           RenderContext("en", "community/towns/padborg.md", date(2026, 11, 23), site, "en/"))
    assert '<a href="https://graenseforeningen.dk/leksikon/padborg">Source</a>' in html


def test_every_shipped_town_description_has_a_source():
    towns = load_site_data(ROOT / "data").entries("towns")
    assert [t.id for t in towns if t.description and not t.source] == []


def test_a_town_source_must_be_a_web_address(tmp_path):
    [error] = errors_only(_towns(tmp_path, "    source: javascript:alert(1)\n").problems)
    assert error.field == "source" and "is not a web address" in error.problem


def test_a_description_without_a_source_is_refused_with_its_line(tmp_path):
    [error] = errors_only(_towns(tmp_path, "").problems)
    assert "the town's description has no `source`" in error.problem and "entry 'padborg'" in error.format()
    entry = (ROOT / "data" / "directory" / "towns.yaml").read_text(encoding="utf-8").splitlines().index("  - id: padborg") + 1
    assert error.line == entry  # the line of padborg's entry in the file
