"""A second real site, Sønderborg's, built by the same generator from its own data and pages (examples/sonderborg)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, run_mkdocs

SITE = ROOT / "examples" / "sonderborg"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("sonderborg")
    result = run_mkdocs(SITE / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_the_second_site_carries_no_copy_of_the_generator():
    assert sorted(p.name for p in SITE.iterdir() if p.name != "site") == ["data", "docs", "mkdocs.yml"]  # site/: its build
    for folder in ("data", "docs"):
        assert not list((SITE / folder).rglob("*.py")) and not list((SITE / folder).rglob("*.html"))
    config = (SITE / "mkdocs.yml").read_text(encoding="utf-8")
    assert "INHERIT: ../../src/velkommen/mkdocs/base.yml" in config and "  - velkommen\n" in config


@pytest.mark.parametrize(("prefix", "lang", "name"), [("", "da", "Velkommen til Sønderborg Kommune"),
                                                       ("de/", "de", "Willkommen in der Kommune Sonderburg"),
                                                       ("en/", "en", "Welcome to Sønderborg Municipality")])
def test_every_page_is_built_in_three_languages_under_the_municipalitys_own_name(built, prefix, lang, name):
    names = yaml.safe_load((SITE / "data" / "municipality.yaml").read_text(encoding="utf-8"))["site_name"]
    assert names[lang] == name
    home = (built / prefix / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in home and name in home
    for page in (SITE / "docs" / "da").rglob("*.md"):
        path = page.relative_to(SITE / "docs" / "da").with_suffix("")
        target = built / prefix / (path.parent if path.name == "index" else path) / "index.html"
        assert target.is_file(), target


def test_the_plan_is_sonderborgs_with_its_ten_actions_and_three_phases(built):
    plan = yaml.safe_load((SITE / "data" / "plans" / "sonderborg-2019-2022.yaml").read_text(encoding="utf-8"))
    assert len(plan["actions"]) == 10
    html = (built / "plan" / "index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'id="action-([a-z0-9-]+)"', html)) == sorted(a["id"] for a in plan["actions"])
    for phase in ("Tiltrækning", "Modtagelse", "Fastholdelse"):
        assert phase in html


def test_the_guide_names_sonderborgs_own_offices(built):
    guide = (built / "guide" / "index.html").read_text(encoding="utf-8")
    assert "Holger Drachmanns Plads 5" in guide  # Borgerservice in Sønderborg (data/guide, with its source)
    assert (built / "guide" / "for" / "non-eu" / "index.html").is_file()


def test_no_aabenraa_is_left_where_sonderborg_is_meant(built):
    own = yaml.safe_load((ROOT / "data" / "municipality.yaml").read_text(encoding="utf-8"))["name"]
    towns = yaml.safe_load((ROOT / "data" / "directory" / "towns.yaml").read_text(encoding="utf-8"))["towns"]
    # The first site's municipality and the towns that are only its own (none of them lies in Sønderborg Kommune).
    theirs = {*own.values(), "Aabenraa", *(t["name"]["da"] for t in towns)}
    ours = {t["name"]["da"] for t in yaml.safe_load((SITE / "data" / "directory" / "towns.yaml").read_text(encoding="utf-8"))["towns"]}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(theirs - ours))) + r")\b")
    found = {str(p.relative_to(built)): pattern.findall(p.read_text(encoding="utf-8"))
             for p in built.rglob("*") if p.suffix in (".html", ".json", ".csv", ".ics", ".xml")}
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_a_change_to_the_generator_shows_in_both_sites(built, tmp_path):
    """Both sites take their words and templates from the one package: the same label is on both home pages."""
    from velkommen.render.words import ui

    label = ui("feedback.question", "da")
    first = run_mkdocs(ROOT / "mkdocs.yml", tmp_path / "first", VELKOMMEN_PREVIEW="da")
    assert first.returncode == 0, first.stderr
    assert label in (tmp_path / "first" / "index.html").read_text(encoding="utf-8")
    assert label in (built / "index.html").read_text(encoding="utf-8")
