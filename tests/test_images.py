"""Images in the data (issue 17): a town's picture with alt text in each language, credit and licence.

Only the site's own files: an address on another host, a missing file or an SVG that could run
script stops the build with one message at the entry; the page shows it with its size, lazily,
its alt text in the reader's language (marked when it falls back) and its credit visible.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_mkdocs
from velkommen.build import page_problems
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data

TOWNS = """towns:
  - id: miniby
    name: {da: Miniby}
    image:
      file: assets/images/havn.svg
      alt:
        da: "Tegning af havnen i Miniby"
        en: "Drawing of the harbour in Miniby"
      credit: Anna Tegner
      licence: CC BY 4.0
      source: https://www.example.dk/billeder/havn
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120"><rect width="320" height="120" fill="#3f7ea6"/></svg>\n'


def _mini(tmp_path: Path, towns: str = TOWNS, svg: str | None = SVG, name: str = "havn.svg") -> Path:
    target = tmp_path / "tests" / "fixtures" / "minisite"
    shutil.copytree(FIXTURES / "minisite", target)
    (tmp_path / "src").symlink_to(Path(__file__).resolve().parent.parent / "src")
    (target / "data" / "directory").mkdir()
    (target / "data" / "directory" / "towns.yaml").write_text(towns, encoding="utf-8")
    if svg is not None:
        (target / "docs" / "da" / "assets" / "images").mkdir(parents=True)
        (target / "docs" / "da" / "assets" / "images" / name).write_text(svg, encoding="utf-8")
    return target


def _errors(tmp_path: Path, towns: str, svg: str | None = SVG):
    mini = _mini(tmp_path, towns, svg)
    site = load_site_data(mini / "data")
    return errors_only(site.problems) or errors_only(page_problems(site, mini / "docs"))


@pytest.mark.parametrize("change, problem, fix", [
    (("file: assets/images/havn.svg", "file: https://upload.example.org/havn.jpg"),
     "'https://upload.example.org/havn.jpg' is an address on another host; the site shows only its own files", "docs/da/assets/images/"),
    (("file: assets/images/havn.svg", "file: //cdn.example.org/havn.png"),
     "'//cdn.example.org/havn.png' is an address on another host; the site shows only its own files", "only if its licence allows"),
    (("file: assets/images/havn.svg", "file: ../../secret.png"), "'../../secret.png' leads outside the pages' folder", "docs/da/"),
    (("file: assets/images/havn.svg", "file: assets/images/havn.gif"), "'assets/images/havn.gif' is not an SVG, PNG or JPEG file", ".svg"),
    (("      source: https://www.example.dk/billeder/havn\n", ""),
     "the image has no `source`, so nobody can check that it may be shown", "made_for_site: true"),
    (("      licence: CC BY 4.0\n", ""), "the image has no `licence`, so nobody can check that it may be shown", "`licence:`"),
    (("      source: https://www.example.dk/billeder/havn\n", "      source: https://www.example.dk/b\n      made_for_site: true\n"),
     "the image has a `source` and `made_for_site: true`", "not both"),
])
def test_an_image_needs_a_file_of_the_site_and_a_known_licence(tmp_path, change, problem, fix):
    [error] = _errors(tmp_path, TOWNS.replace(*change))
    assert error.file == "data/directory/towns.yaml" and error.line is not None
    assert error.entry == "'miniby' (towns, item 1)" and (error.field or "").startswith("image")
    assert error.problem == problem and fix in error.fix


def test_an_image_missing_from_docs_stops_the_build_at_its_entry(tmp_path):
    [error] = _errors(tmp_path, TOWNS, svg=None)
    assert (error.file, error.entry, error.field) == ("data/directory/towns.yaml", "'miniby' (towns, item 1)", "image.file")
    assert error.problem == "the image 'assets/images/havn.svg' is not a file in docs/da/" and "assets/images/" in error.fix
    assert error.line == 5


def test_an_svg_image_that_runs_script_is_one_message_at_its_entry(tmp_path):
    hostile = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<script>alert(1)</script>\n</svg>\n'
    errors = _errors(tmp_path, TOWNS, svg=hostile)
    assert len(errors) == 1, errors
    [error] = errors
    assert (error.file, error.entry, error.field) == ("data/directory/towns.yaml", "'miniby' (towns, item 1)", "image.file")
    assert error.problem == ("the image docs/da/assets/images/havn.svg, line 2: the SVG contains a <script> element, "
                             "which can run script") and "without scripts" in error.fix


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("images")
    mini = _mini(tmp)
    result = run_mkdocs(mini / "mkdocs.yml", tmp / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "out"


def _img(html: str) -> tuple[str, str]:
    figure = re.search(r'<figure class="vk-figure vk-figure--town">(.*?)</figure>', html, re.S)
    assert figure, "the town's page shows its image"
    return re.search(r"<img [^>]*>", figure.group(1)).group(0), figure.group(1)


@pytest.mark.parametrize("prefix, alt, fallback", [
    ("", "Tegning af havnen i Miniby", False),
    ("de/", "Tegning af havnen i Miniby", True),   # no German alt text: the Danish one, marked as Danish
    ("en/", "Drawing of the harbour in Miniby", False),
])
def test_the_image_shows_with_its_size_lazily_and_its_alt_text_in_the_readers_language(built, prefix, alt, fallback):
    page = built / prefix / "community" / "towns" / "miniby" / "index.html"
    img, figure = _img(page.read_text(encoding="utf-8"))
    assert f'alt="{alt}"' in img
    assert (' lang="da"' in img) is fallback
    assert 'width="320" height="120"' in img and 'loading="lazy"' in img
    src = re.search(r'src="([^"]+)"', img).group(1)
    assert not re.match(r"^([a-z]+:|//)", src), "the site's own file"
    assert (page.parent / src).resolve() == (built / "assets" / "images" / "havn.svg").resolve()
    assert (page.parent / src).resolve().is_file()
    credit = re.sub(r"<[^>]+>", "", figure.split("<figcaption", 1)[1])
    assert "Anna Tegner" in credit and "CC BY 4.0" in credit
    assert '<a href="https://www.example.dk/billeder/havn">' in figure


def test_the_shipped_illustration_is_the_sites_own_drawing_labelled_as_such(built_site):
    for prefix, label in (("", "Lavet til dette websted"), ("de/", "Für diese Website erstellt"), ("en/", "Made for this site")):
        page = built_site / prefix / "community" / "towns" / "aabenraa" / "index.html"
        img, figure = _img(page.read_text(encoding="utf-8"))
        assert label in figure and 'loading="lazy"' in img and 'width="960" height="400"' in img
        assert " lang=" not in img, "alt text in all three languages"
        assert (page.parent / re.search(r'src="([^"]+)"', img).group(1)).resolve().is_file()
    # no page of the site shows an image from another host
    for page in built_site.rglob("*.html"):
        for src in re.findall(r'<img [^>]*src="([^"]+)"', page.read_text(encoding="utf-8")):
            assert src.startswith("data:") or not re.match(r"^([a-z]+:|//)", src), (page, src)
