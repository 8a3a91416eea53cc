"""`python -m velkommen new` writes a site that builds strictly at once, in the languages asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import run_mkdocs
from velkommen.new_site import NewSiteError, new_site


def test_a_new_site_builds_strictly_at_once_and_names_its_municipality(tmp_path):
    folder = tmp_path / "norreby"
    result = subprocess.run([sys.executable, "-m", "velkommen", "new", str(folder), "--name", "Nørreby Kommune",
                             "--website", "https://www.norreby.dk"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "make serve" in result.stdout and (folder / "README.md").read_text(encoding="utf-8").count("Fill in first") == 1
    build = run_mkdocs(folder / "mkdocs.yml", folder / "site")
    assert build.returncode == 0, build.stdout + build.stderr
    for prefix, heading in (("", "Velkommen til Nørreby Kommune"), ("de/", "Willkommen in Nørreby Kommune"),
                            ("en/", "Welcome to Nørreby Kommune")):
        assert heading in (folder / "site" / prefix / "index.html").read_text(encoding="utf-8")
    # The guide comes from the national layer: every national situation with steps has its page.
    assert (folder / "site" / "guide" / "for" / "eu-eea-swiss" / "index.html").is_file()
    assert "CPR" in (folder / "site" / "en" / "guide" / "index.html").read_text(encoding="utf-8")
    plan = (folder / "site" / "plan" / "index.html").read_text(encoding="utf-8")
    assert "Skabelon: kommunens handlingsplan for bosætning" in plan  # the template says it is one
    check = subprocess.run([sys.executable, "-m", "velkommen", "check"], cwd=folder, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_a_new_site_has_pages_in_the_languages_asked_for_only(tmp_path):
    written = new_site(tmp_path / "s", "Nørreby Kommune", "https://www.norreby.dk", ["da", "en"])
    assert {p.relative_to(tmp_path / "s").parts[1] for p in written if p.relative_to(tmp_path / "s").parts[0] == "docs"} == {"da", "en"}
    config = (tmp_path / "s" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "locale: en" in config and "locale: de" not in config
    build = run_mkdocs(tmp_path / "s" / "mkdocs.yml", tmp_path / "out")
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "out" / "en" / "index.html").is_file() and not (tmp_path / "out" / "de").exists()


@pytest.mark.parametrize(("languages", "website", "message"), [
    (["de", "da"], "https://www.norreby.dk", "start the list with da"),
    (["da", "xx"], "https://www.norreby.dk", "xx is not a language code"),
    (["da", "en", "en"], "https://www.norreby.dk", "listed twice"),
    (["da"], "www.norreby.dk", "starting with https://"),
])
def test_a_new_site_is_refused_with_a_reason(tmp_path, languages, website, message):
    with pytest.raises(NewSiteError, match=message):
        new_site(tmp_path / "s", "Nørreby Kommune", website, languages)


def test_a_new_site_never_writes_into_a_folder_that_has_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NewSiteError, match="not empty"):
        new_site(tmp_path, "Nørreby Kommune", "https://www.norreby.dk")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_the_package_ships_every_file_the_generator_reads():
    """`pip install .` must carry the templates, theme, words, skeleton and base configuration (package-data)."""
    import tomllib

    from conftest import ROOT

    package = ROOT / "src" / "velkommen"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["velkommen"]
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    data_files = {p for p in package.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert sorted(str(p.relative_to(package)) for p in data_files - shipped) == []
