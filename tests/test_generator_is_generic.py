"""The generator names no municipality: a municipality's identity, towns and vocabulary are its site's data."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT

PACKAGE = ROOT / "src" / "velkommen"
SITES = [ROOT / "data", *sorted(p / "data" for p in (ROOT / "examples").glob("*") if (p / "data").is_dir()),
         *sorted((FIXTURES / "sites").glob("*"))]


def _names(data: Path) -> set[str]:
    """The municipality's name and its towns' names, in every language, from one site's data."""
    names = set()
    municipality = yaml.safe_load((data / "municipality.yaml").read_text(encoding="utf-8"))
    names |= {v for v in municipality["name"].values()}
    towns = data / "directory" / "towns.yaml"
    if towns.is_file():
        for town in yaml.safe_load(towns.read_text(encoding="utf-8"))["towns"]:
            names |= set(town["name"].values())
    # "Aabenraa Kommune" -> also "Aabenraa": the bare name is what a copied sentence would carry.
    return names | {re.sub(r"\s*(Kommune|Municipality)$|^Kommune\s+", "", n) for n in names}


def test_the_generator_names_no_municipality_or_town_of_any_site():
    names = set().union(*(_names(site) for site in SITES))
    assert {"Aabenraa", "Sønderborg", "Kolding", "Vordingborg"} <= names  # the test reads every site
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.I)
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".yaml", ".yml", ".js", ".css", ".svg", ".md"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                found += [f"{path.relative_to(ROOT)}:{number}: {m.group(0)}" for m in pattern.finditer(line)]
    assert found == []


def test_every_page_the_generator_links_to_exists_in_every_site():
    from velkommen.render import paths

    for site in (ROOT, *sorted(p for p in (ROOT / "examples").glob("*") if (p / "mkdocs.yml").is_file())):
        missing = [page for page in paths.LINKED if not (site / "docs" / "da" / page).is_file()]
        assert missing == [], f"{site.name}: {missing}"
    assert not (ROOT / "docs" / "da" / paths.EDITORS_STATUS).exists()  # generated, never an editor's file
