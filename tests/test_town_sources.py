"""A town's description may name the source it comes from, shown beside it on the town's page."""

from __future__ import annotations

from datetime import date

from conftest import ROOT
from velkommen import fragments  # noqa: F401
from velkommen.errors import errors_only
from velkommen.loader import load_site_data
from velkommen.markers import replace_markers
from velkommen.render import RenderContext


def _towns(tmp_path, source_line: str):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "directory" / "towns.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: padborg\n    name: {da: Padborg, de: Pattburg, en: Padborg}\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + source_line), encoding="utf-8")
    return load_site_data(data)


def test_a_town_description_shows_its_source(tmp_path):
    site = _towns(tmp_path, "    source: https://www.aabenraa.dk/\n")
    assert errors_only(site.problems) == []
    html = replace_markers("<!-- directory:town padborg -->",
                           RenderContext("en", "community/towns/padborg.md", date(2026, 11, 23), site, "en/"))
    assert '<a href="https://www.aabenraa.dk/">Source</a>' in html


def test_a_town_source_must_be_a_web_address(tmp_path):
    [error] = errors_only(_towns(tmp_path, "    source: javascript:alert(1)\n").problems)
    assert error.field == "source" and "is not a web address" in error.problem
