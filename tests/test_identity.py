"""The municipality's own colours: data, checked for WCAG 2.1 AA contrast when the data is read, loaded as a stylesheet."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, ROOT, run_mkdocs
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data
from velkommen.model.site import contrast


def test_the_contrast_ratio_is_wcags():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#0b4a6f", "#ffffff") == pytest.approx(9.45, abs=0.01)  # the generator's blue
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA


def _mini(tmp_path, colours: str):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "minisite", site)
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                                     encoding="utf-8")
    municipality = site / "data" / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + colours, encoding="utf-8")
    return site


def test_a_colour_too_light_for_text_is_refused_with_its_contrast(tmp_path):
    site = _mini(tmp_path, "colours:\n  primary: \"#66aaff\"\n  source: https://www.example.dk/design\n")
    [error] = errors_only(load_site_data(site / "data").problems)
    message = error.format()
    assert "the primary colour #66aaff has a contrast of 2.4:1 with white" in message, message
    assert "data/municipality.yaml:9" in message and "darker shade" in message


def test_the_municipalitys_colours_reach_every_page_as_a_stylesheet(tmp_path):
    site = _mini(tmp_path, "colours:\n  primary: \"#005f3c\"\n  accent: \"#9b1c31\"\n  source: https://www.example.dk/design\n")
    result = run_mkdocs(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    css = (tmp_path / "out" / "assets" / "stylesheets" / "identity.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #005f3c;" in css and "--vk-focus: #9b1c31;" in css
    page = (tmp_path / "out" / "de" / "index.html").read_text(encoding="utf-8")
    assert page.index("velkommen.css") < page.index('href="../assets/stylesheets/identity.css"')


def test_without_colours_the_stylesheet_changes_nothing(built_site):
    css = (built_site / "assets" / "stylesheets" / "identity.css").read_text(encoding="utf-8")
    assert "{" not in css and "neutral" in css
