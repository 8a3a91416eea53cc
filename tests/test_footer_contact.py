"""The footer's contact facts (issue 17): the municipality's address, phone, opening hours and CVR number,
each only with the official page that states it; without them a neutral line, nothing filled in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, run_mkdocs
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data

CONTACT = """contact:
  address:
    lines: [Rådhusvej 1, Postboks 7]
    postcode: "6200"
    town: Miniby
    source: https://www.example.dk/kontakt
    verified: 2026-12-02
  phone:
    number: +45 12 34 56 78
    source: https://www.example.dk/kontakt
    verified: 2026-12-02
  hours:
    place: {da: Borgerservice, de: Bürgerservice, en: Citizen service}
    times:
      - {days: [monday, tuesday, wednesday], opens: "10:00", closes: "15:00"}
      - {days: [thursday], opens: "10:00", closes: "17:00"}
    source: https://www.example.dk/aabningstider
    verified: 2026-12-01
  cvr:
    number: "12345678"
    source: https://datacvr.virk.dk/enhed/virksomhed/12345678
    verified: 2026-12-02
"""


def _mini(tmp_path: Path, extra: str = CONTACT) -> Path:
    target = tmp_path / "tests" / "fixtures" / "minisite"
    shutil.copytree(FIXTURES / "minisite", target)
    (tmp_path / "src").symlink_to(Path(__file__).resolve().parent.parent / "src")
    municipality = target / "data" / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return target


def footer(html: str) -> str:
    return html.split('<div class="md-copyright vk-footer">', 1)[1].split("</footer>", 1)[0]


def _errors(tmp_path: Path, contact: str):
    return errors_only(load_site_data(_mini(tmp_path, contact) / "data").problems)


@pytest.mark.parametrize("change, problem, fix, where", [
    (('number: "12345678"', 'number: "1234567"'), "'1234567' is not a CVR number (8 digits)", "8 digits",
     (None, "contact.cvr.number")),
    (('postcode: "6200"', "postcode: 62000"), "'62000' is not a postcode (4 digits)", "4 digits",
     (None, "contact.address.postcode")),
    (('opens: "10:00", closes: "17:00"', 'opens: 10:00, closes: "17:00"'), "'600' is not a time of day written as HH:MM",
     "in quotes", ("times, item 2", "opens")),
    (('opens: "10:00", closes: "15:00"', 'opens: "15:00", closes: "10:00"'), "it closes (10:00) before it opens (15:00)",
     "`opens`", ("times, item 1", None)),
    (("    source: https://datacvr.virk.dk/enhed/virksomhed/12345678\n", ""), "the required field 'source' is missing",
     "add `source:`", (None, "contact.cvr.source")),
    (("    verified: 2026-12-01\n", "    verified: 01-12-2026\n"), "'01-12-2026' is not a date in the form YYYY-MM-DD", "2026-03-01",
     (None, "contact.hours.verified")),
])
def test_a_contact_fact_needs_its_form_and_its_source(tmp_path, change, problem, fix, where):
    [error] = _errors(tmp_path, CONTACT.replace(*change))
    assert error.file == "data/municipality.yaml" and error.line is not None
    assert (error.problem, (error.entry, error.field)) == (problem, where) and fix in error.fix


def test_an_empty_contact_block_is_refused(tmp_path):
    [error] = _errors(tmp_path, "contact: {}\n")
    assert error.problem == "the contact block holds no fact" and "remove `contact:`" in error.fix


@pytest.fixture(scope="module")
def with_contact(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("contact")
    mini = _mini(tmp)
    result = run_mkdocs(mini / "mkdocs.yml", tmp / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "out"


EXPECTED = {
    "da": ("index.html", ["Telefon", "Åbningstider (Borgerservice)", "Mandag–onsdag 10.00–15.00", "Torsdag 10.00–17.00",
                          "CVR-nr.", "Kilder:", "tjekket 2. december 2026", "tjekket 1. december 2026"]),
    "de": ("de/index.html", ["Telefon", "Öffnungszeiten (Bürgerservice)", "Montag–Mittwoch 10:00–15:00", "Donnerstag 10:00–17:00",
                             "CVR-Nr.", "Quellen:", "geprüft am 2. Dezember 2026"]),
    "en": ("en/plan/index.html", ["Phone", "Opening hours (Citizen service)", "Monday–Wednesday 10:00–15:00",
                                  "Thursday 10:00–17:00", "CVR no.", "Sources:", "checked 2 December 2026"]),
}


@pytest.mark.parametrize("lang", EXPECTED)
def test_the_footer_shows_each_sourced_fact_in_the_readers_language(with_contact, lang):
    page, words = EXPECTED[lang]
    block = footer((with_contact / page).read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))
    assert '<address class="vk-contact__address">Rådhusvej 1<br>Postboks 7<br>6200 Miniby</address>' in block
    assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in block
    assert "12345678" in text and "Minikommune" in text
    for word in words:
        assert word in text, (lang, word)
    # every fact names its source, as a link
    for source in ("https://www.example.dk/kontakt", "https://www.example.dk/aabningstider",
                   "https://datacvr.virk.dk/enhed/virksomhed/12345678"):
        assert f'href="{source}"' in block
    assert '<a href="https://www.example.dk">' in block, "and the municipality's own site"


def test_without_contact_facts_the_footer_says_where_to_find_them_and_invents_nothing(built_site):
    notes = {"": "Kommunens adresse, telefon og åbningstider står på kommunens hjemmeside.",
             "de/": "Adresse, Telefon und Öffnungszeiten der Kommune stehen auf ihrer Website.",
             "en/": "The municipality&#39;s address, phone number and opening hours are on its website."}
    for prefix, note in notes.items():
        block = footer((built_site / prefix / "contact" / "index.html").read_text(encoding="utf-8"))
        assert f'<p class="vk-contact vk-contact--none">{note}</p>' in block
        assert "<address" not in block and "tel:" not in block and "<dl" not in block and not re.search(r"\d{4} ", block)
        assert '<a href="https://www.aabenraa.dk">' in block


def test_a_contact_fact_due_a_check_is_a_notice_for_editors(tmp_path):
    from datetime import date

    from velkommen.check.notices import editor_notices

    site = load_site_data(_mini(tmp_path) / "data")
    assert not [p for p in editor_notices(site, date(2027, 6, 1)) if "contact" in (p.field or "")]
    due = [p for p in editor_notices(site, date(2028, 1, 1)) if "contact" in (p.field or "")]
    assert [p.field for p in due] == ["contact.address.verified", "contact.phone.verified", "contact.hours.verified",
                                      "contact.cvr.verified"]
    assert all(p.severity == "notice" and "more than 12 months ago" in p.problem and p.line for p in due)
