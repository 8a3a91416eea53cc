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
# White: a logo for a dark header (the neutral header is #0b4a6f).
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#ffffff"/></svg>\n'


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


def _contrast_errors(mini: Path) -> list:
    return [p for p in errors_only(page_problems(load_site_data(mini / "data"), mini / "docs")) if "reach at most" in p.problem]


def test_a_logo_that_vanishes_into_the_header_is_refused(tmp_path):
    # The header's own blue, in the three ways an SVG names a colour.
    for i, svg in enumerate([
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9" fill="#0b4a6f"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h9v9z" style="fill: rgb(11, 74, 111)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><style>.a { fill: navy }</style><path class="a" d="M0 0h9v9z"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h9v9z"/></svg>',  # no colour named: black
    ]):
        [error] = _contrast_errors(_mini(tmp_path / str(i), svg=svg + "\n"))
        assert error.file == "data/municipality.yaml" and error.field == "logo.file" and error.line is not None
        assert "on the header's #0b4a6f; WCAG 2.1 AA asks 3:1 for a graphic" in error.problem, error.problem
        assert "version of the logo for dark backgrounds" in error.fix


def test_a_logo_with_one_colour_that_stands_out_passes(tmp_path):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9" fill="#0b4a6f"/>'
           '<path d="M1 1h7v7z" fill="white"/></svg>\n')
    assert _contrast_errors(_mini(tmp_path, svg=svg)) == []


def test_the_logo_is_checked_against_the_municipalitys_own_header_colour(tmp_path):
    colours = "colours:\n  primary: \"#8a2c0d\"\n  source: https://www.example.dk/design\n"
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9" fill="#a33a17"/></svg>\n'
    [error] = _contrast_errors(_mini(tmp_path / "a", LOGO + colours, svg=svg))
    assert "on the header's #8a2c0d" in error.problem
    assert _contrast_errors(_mini(tmp_path / "b", LOGO + colours, svg=SVG)) == []


def test_a_png_logo_is_checked_by_its_main_colours(tmp_path):
    from PIL import Image

    for name, colour, refused in (("dark", (12, 70, 110, 255), True), ("light", (255, 255, 255, 255), False)):
        mini = _mini(tmp_path / name, LOGO.replace("logo.svg", "logo.png"), svg=None)
        (mini / "docs" / "da" / "assets" / "images").mkdir(parents=True)
        image = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
        image.paste(Image.new("RGBA", (30, 10), colour), (5, 5))
        image.save(mini / "docs" / "da" / "assets" / "images" / "logo.png")
        assert bool(_contrast_errors(mini)) is refused, name


def test_the_neutral_header_colour_is_the_stylesheets():
    from velkommen.check.media import NEUTRAL_HEADER

    css = (Path(__file__).resolve().parent.parent / "src" / "velkommen" / "theme" / "assets" / "stylesheets" / "velkommen.css")
    assert f"--md-primary-fg-color: {NEUTRAL_HEADER};" in css.read_text(encoding="utf-8")


def test_a_png_logo_too_large_to_open_safely_is_not_a_traceback(tmp_path, monkeypatch):
    from PIL import Image

    from velkommen.check.media import logo_contrast

    path = tmp_path / "logo.png"
    Image.new("RGB", (200, 200), (255, 255, 255)).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # Pillow refuses images over twice this as a decompression bomb
    assert logo_contrast(path, "#0b4a6f") is None
