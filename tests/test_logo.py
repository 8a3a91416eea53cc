"""The municipality's logo (issue 17): data with its terms, checked at build time, shown beside the name in the header."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, run_mkdocs
from velkommen.build import page_problems
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data

LOGO = """logo:
  file: assets/images/logo.svg
  licence: Supplied by the municipality for this site
  source: https://www.example.dk/design
  verified: 2026-12-01
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b4a6f"/></svg>\n'


def _mini(tmp_path: Path, logo: str = LOGO, svg: str | None = SVG) -> Path:
    target = tmp_path / "tests" / "fixtures" / "minisite"
    shutil.copytree(FIXTURES / "minisite", target)
    (tmp_path / "src").symlink_to(Path(__file__).resolve().parent.parent / "src")
    municipality = target / "data" / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + logo, encoding="utf-8")
    if svg is not None:
        (target / "docs" / "da" / "assets" / "images").mkdir(parents=True)
        (target / "docs" / "da" / "assets" / "images" / "logo.svg").write_text(svg, encoding="utf-8")
    return target


def test_the_logo_is_shown_beside_the_name_in_every_language(tmp_path):
    mini = _mini(tmp_path)
    result = run_mkdocs(mini / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    for page, src in (("index.html", "assets/images/logo.svg"), ("de/index.html", "../assets/images/logo.svg"),
                      ("en/plan/index.html", "../../assets/images/logo.svg")):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert f'<img class="vk-wordmark__logo" src="{src}" alt="" height="32">Minikommune</a>' in html, page
        assert (tmp_path / "out" / page).parent.joinpath(src).resolve().is_file()


def test_a_logo_needs_its_terms_and_a_file_that_exists(tmp_path):
    site = load_site_data(_mini(tmp_path / "a", LOGO.replace("  licence: Supplied by the municipality for this site\n", "")) / "data")
    [error] = errors_only(site.problems)
    assert error.field == "logo.licence" or "licence" in (error.field or "")
    mini = _mini(tmp_path / "b", svg=None)
    site = load_site_data(mini / "data")
    [missing] = errors_only(page_problems(site, mini / "docs"))
    assert "the logo 'assets/images/logo.svg' is not a file in docs/da/" in missing.problem and missing.line is not None


def test_an_active_svg_logo_is_refused(tmp_path):
    mini = _mini(tmp_path, svg='<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n')
    problems = errors_only(page_problems(load_site_data(mini / "data"), mini / "docs"))
    assert any("logo.svg" in p.file for p in problems)
