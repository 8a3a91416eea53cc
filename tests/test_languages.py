"""Languages are configuration: a site declares its set in mkdocs.yml, and everything follows it.

The proof is a site in Danish, English and Arabic made by `velkommen new`:
it builds strictly, its Arabic pages are right to left, and the generator's
words it has no Arabic for are borrowed from English with their own `lang`
(nothing is invented). Its phone-width accessibility is in the browser suite.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from pydantic import BaseModel

from conftest import ROOT, run_mkdocs
from velkommen.check.errors import errors_only
from velkommen.editors.cms import cms_config
from velkommen.editors.schema import schema_text
from velkommen.load.languages import declared_languages
from velkommen.load.loader import load_site_data
from velkommen.model import DATASETS
from velkommen.model.common import LANGUAGES, Name, Text, languages_in_force
from velkommen.new_site import new_site
from velkommen.render import words

ARABIC = ("da", "en", "ar")


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("arabic") / "site-src"
    new_site(folder, "Prøvekommune", "https://www.example.dk", list(ARABIC))
    out = folder / "site"
    build = run_mkdocs(folder / "mkdocs.yml", out)
    assert build.returncode == 0, build.stdout + build.stderr
    return folder, out


def test_each_site_declares_its_languages_in_its_mkdocs_yml(arabic_site):
    assert declared_languages(ROOT) == (LANGUAGES, [])
    assert declared_languages(ROOT / "examples" / "sonderborg") == (("da", "de", "en"), [])
    assert declared_languages(arabic_site[0]) == (ARABIC, [])


@pytest.mark.parametrize(("languages", "message"), [
    ([{"locale": "en", "default": True}, {"locale": "da"}], "the default language is 'en'"),
    ([{"locale": "da", "default": True}, {"locale": "xx"}], "'xx' is not a language code"),
    ([{"locale": "en", "default": True}], "the site has no Danish pages"),
])
def test_a_wrong_language_list_is_one_message(tmp_path, languages, message):
    config = {"site_name": "x", "plugins": ["search", {"i18n": {"languages": languages}}, "velkommen"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _, problems = declared_languages(tmp_path)
    assert any(message in p.problem for p in problems), [p.format() for p in problems]


class _Holder(BaseModel):
    title: Text
    town: Name | None = None


def test_a_text_takes_only_the_sites_languages_and_says_where_another_is():
    with languages_in_force(ARABIC):
        text = _Holder.model_validate({"title": {"da": "Velkommen", "ar": "أهلا وسهلا"}}).title
        assert text.get("ar") == ("أهلا وسهلا", "ar") and text.get("en") == ("Velkommen", "da")
        with pytest.raises(Exception) as refused:
            _Holder.model_validate({"title": {"da": "Velkommen", "de": "Willkommen"}})
        [error] = refused.value.errors()
        assert error["loc"] == ("title", "de") and "not one of the site's languages (da, en, ar)" in error["msg"]
        # A name's other forms are facts about the place, in any language.
        assert _Holder.model_validate({"title": {"da": "x"}, "town": {"da": "Padborg", "de": "Pattburg"}}).town.de == "Pattburg"


def test_an_unknown_language_in_data_is_reported_at_its_line(tmp_path):
    data = tmp_path / "data"
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for path in (ROOT / "data").rglob("*.yaml"):
        target = data / path.relative_to(ROOT / "data")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    towns = data / "directory" / "towns.yaml"
    lines = towns.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("en:"))
    lines[at] = lines[at].replace("en:", "fr:", 1)
    towns.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [error] = errors_only(load_site_data(data).problems)
    assert error.file == "data/directory/towns.yaml" and error.line == at + 1
    assert "'fr' is not one of the site's languages (da, de, en)" in error.problem and error.field.endswith(".fr")


def test_the_schemas_and_the_browser_editor_offer_the_sites_languages():
    municipality = next(ds for ds in DATASETS if ds.name == "municipality")
    with languages_in_force(ARABIC):
        schema = json.loads(schema_text(municipality))
        config = cms_config("owner/repo")
    text = schema["$defs"]["Text"]
    assert list(text["properties"]) == ["da", "en", "ar"] and text["additionalProperties"] is False
    assert config["i18n"]["locales"] == ["da", "en", "ar"]
    name_field = next(f for f in config["collections"][1]["files"][0]["fields"] if f["name"] == "name")
    assert [f["name"] for f in name_field["fields"]] == ["da", "en", "ar"]
    assert list(json.loads(schema_text(municipality))["$defs"]["Text"]["properties"]) == ["da", "de", "en"]


def test_a_language_without_the_generators_words_borrows_them_visibly_and_invents_none():
    with languages_in_force(ARABIC):
        assert words.word("footer.languages", "ar") == (words.ui("footer.languages", "en"), "en")
        html = words.mark_borrowed_words(f'<a title="{words.marked("footer.languages", "ar")}">{words.marked("footer.languages", "ar")}</a>')
    assert html == '<a title="Languages"><span lang="en" dir="ltr">Languages</span></a>'
    with languages_in_force(("da", "ar")):  # no English on the site: Danish is the fallback
        assert words.word("footer.languages", "ar")[1] == "da"


def test_a_sites_words_in_a_language_it_does_not_have_are_refused(tmp_path):
    site_words = tmp_path / "words.yaml"
    site_words.write_text("footer.languages:\n  da: Sprog\n  fr: Langues\n", encoding="utf-8")
    with languages_in_force(LANGUAGES):
        problems = words.load(site_words)
    assert [(p.line, p.field) for p in problems] == [(3, "fr")] and "not one of the site's languages" in problems[0].problem
    site_words.write_text("footer.languages:\n  ar: اللغات\n", encoding="utf-8")
    with languages_in_force(ARABIC):
        assert words.load(site_words) == [] and words.word("footer.languages", "ar") == ("اللغات", "ar")
    words.load()


def test_the_arabic_site_builds_right_to_left_with_borrowed_words_marked(arabic_site):
    folder, out = arabic_site
    assert sorted(p.name for p in out.iterdir() if p.is_dir() and len(p.name) == 2) == ["ar", "en"]
    page = (out / "ar" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html dir="rtl" lang="ar"', page) and '<body dir="rtl"' in page
    # No Arabic page is written yet: the Danish page is shown, marked as Danish and left to right ...
    assert '<div lang="da" dir="ltr" class="vk-fallback__content">' in page
    # ... under a notice in borrowed English words, each with its language.
    assert '<span lang="en" dir="ltr">This page is not translated yet</span>' in page
    english = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and 'dir="rtl"' not in english and 'lang="en" dir="ltr"' not in english
    search = json.loads((out / "ar" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["ar"]  # lunr has an Arabic stemmer
    for path in out.rglob("*"):
        if path.suffix in (".html", ".json", ".ics", ".csv", ".xml"):
            assert "\ue000" not in path.read_text(encoding="utf-8"), f"a word's mark was left in {path}"


def test_the_status_report_follows_the_sites_languages(arabic_site):
    folder, _ = arabic_site
    result = subprocess.run([sys.executable, "-m", "velkommen", "status", "--markdown"], cwd=folder,
                            capture_output=True, text=True)
    assert "| | English | Arabic |" in result.stdout, result.stdout
    assert "Arabic pages missing" in result.stdout and "German" not in result.stdout


def test_the_404_page_speaks_each_language_that_has_its_words(arabic_site):
    _, out = arabic_site
    html = (out / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'<section lang="(\w+)" dir="ltr" class="vk-404">', html) == ["da", "en"]  # no borrowed Arabic section


def test_a_language_material_has_no_words_for_builds_with_borrowed_ones_marked(tmp_path):
    folder = tmp_path / "somali"
    new_site(folder, "Prøvekommune", "https://www.example.dk", ["da", "en", "so"])
    build = run_mkdocs(folder / "mkdocs.yml", folder / "site")
    assert build.returncode == 0, build.stdout + build.stderr
    page = (folder / "site" / "so" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="so"' in page and '<body dir="ltr"' in page
    assert '<span lang="en" dir="ltr">Skip to content</span>' in page  # Material's own label, borrowed
    index = json.loads((folder / "site" / "so" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]  # lunr has no Somali stemmer
    assert "\ue000" not in page
