"""The step-by-step guide: the right steps, in the right order, for each newcomer."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from velkommen.check.errors import errors_only, notices_only
from velkommen.check.notices import editor_notices
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.fragments.guide import situation_page_markdown
from velkommen.render.markers import replace_markers
from velkommen.select.guide import find_cycle, ordered, situation_page, steps_for

GUIDE = FIXTURES / "guide"


@pytest.fixture(scope="module")
def site():
    data = load_site_data(GUIDE)
    assert data.problems == [], [p.format() for p in data.problems]
    return data


def ids(steps):
    return [s.id for s in steps]


def test_steps_come_after_their_prerequisites_then_by_stage(site):
    assert ids(ordered(site.entries("steps"))) == [
        "residence", "residence-or-nothing", "commuter-advice", "cpr", "doctor", "school"]


def test_an_eu_citizen_gets_eu_steps_only(site):
    assert ids(steps_for(site.entries("steps"), "eu")) == ["residence", "residence-or-nothing", "cpr", "doctor"]


def test_a_step_for_eu_citizens_is_hidden_for_nordic_citizens(site):
    assert "residence" not in ids(steps_for(site.entries("steps"), "nordic"))


def test_an_addon_adds_its_steps_in_order(site):
    assert ids(steps_for(site.entries("steps"), "nordic", ["children"])) == [
        "residence-or-nothing", "cpr", "doctor", "school"]


def test_a_commuter_does_not_get_the_residents_steps(site):
    assert ids(steps_for(site.entries("steps"), "commuter")) == ["commuter-advice"]


def _with_steps(tmp_path: Path, replace: dict[str, str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(GUIDE, data)
    path = data / "guide" / "steps" / "steps.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return data


def test_a_cycle_of_prerequisites_stops_the_build(tmp_path):
    data = _with_steps(tmp_path, {"stage: before-moving\n    authority: {name: {da: SIRI}}\n    source: https://www.nyidanmark.dk/\n    verified: 2026-11-01":
                                  "stage: before-moving\n    after: [doctor]\n    authority: {name: {da: SIRI}}\n    source: https://www.nyidanmark.dk/\n    verified: 2026-11-01"})
    errors = errors_only(load_site_data(data).problems)
    messages = [e.format() for e in errors]
    assert any("wait for each other in a circle" in m for m in messages), messages
    assert find_cycle(load_site_data(data).entries("steps"))


def test_a_prerequisite_that_names_a_missing_step_is_an_error(tmp_path):
    data = _with_steps(tmp_path, {"after: [cpr]": "after: [cpr-number]"})
    [error] = errors_only(load_site_data(data).problems)
    assert "'cpr-number' is not the id of any guide step" in error.problem
    assert "did you mean 'cpr'?" in error.fix
    assert error.field == "after.1" and error.line is not None


def test_a_situation_that_ends_up_with_no_steps_is_an_error(tmp_path):
    data = _with_steps(tmp_path, {"situations: [commuter]": "situations: [eu]"})
    [error] = errors_only(load_site_data(data).problems)
    assert error.problem == "no step applies to the situation 'commuter'"
    assert error.file == "data/guide/situations.yaml" and error.line == 8


def test_a_prerequisite_that_never_applies_where_the_step_does_is_an_error(tmp_path):
    data = _with_steps(tmp_path, {"situations: [commuter]": "situations: [commuter]\n    after: [cpr]"})
    [error] = errors_only(load_site_data(data).problems)
    assert "comes after 'cpr', but no newcomer has both steps" in error.problem


def test_an_addon_step_may_wait_for_a_base_step(tmp_path):
    # 'school' (with children) after 'cpr' (EU, Nordic): a Nordic family has both.
    data = _with_steps(tmp_path, {"situations: [children]": "situations: [children]\n    after: [cpr]"})
    assert errors_only(load_site_data(data).problems) == []
    assert ids(steps_for(load_site_data(data).entries("steps"), "nordic", ["children"]))[-2:] in (["doctor", "school"], ["school", "doctor"])


def test_a_prerequisite_for_some_situations_only_orders_those_readers(site):
    # 'cpr' waits for 'residence-or-nothing' (eu, nordic); 'doctor' waits for 'cpr'.
    assert ids(steps_for(site.entries("steps"), "eu"))[-2:] == ["cpr", "doctor"]


def test_old_checks_are_reported_to_editors_without_failing(site):
    notices = notices_only(editor_notices(site, date(2026, 11, 23)))
    stale = [n for n in notices if "last checked" in n.problem]
    assert [n.entry for n in stale] == ["'residence' (steps, item 2)"]
    assert "more than 12 months ago" in stale[0].problem and stale[0].field == "verified"


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_the_guide_page_without_javascript_shows_every_step_with_its_situations(site, lang):
    html = replace_markers("<!-- guide:steps -->", RenderContext(lang, "guide/index.md", date(2026, 11, 23), site))
    assert re.findall(r'id="step-([a-z-]+)"', html) == ids(ordered(site.entries("steps")))
    assert html.count('class="vk-step__body"') == 6 and "<details" not in html, "every step open without JavaScript"
    name = {"da": "EU-borger", "de": "EU-Bürger", "en": "EU citizen"}[lang]
    assert name in html.split('id="step-residence"', 1)[1].split("</li>", 1)[0]
    # Interactive parts are hidden until the script shows them.
    assert all(" hidden data-js-only" in tag for tag in re.findall(r"<[^>]*data-js-only[^>]*>", html))


def test_a_step_card_has_who_where_what_to_bring_when_and_its_source(site):
    html = replace_markers("<!-- guide:steps -->", RenderContext("en", "guide/index.md", date(2026, 11, 23), site))
    card = html.split('id="step-cpr"', 1)[1].split('<li class="vk-step', 1)[0]
    for text in ("Who", "Borgerservice", "Bring", "Passport", "When you arrive", "After:", 'href="#step-residence-or-nothing"',
                 "Book a time", ">or</span>", "What comes next:", 'href="#step-doctor"', '<dfn lang="da">CPR-nummer</dfn>',
                 "(personal identification number)", "Facts checked on 1 November 2026", 'href="https://lifeindenmark.borger.dk/"'):
        assert text in card, text


def test_a_situation_page_has_its_steps_and_marks_addon_steps(site):
    html = replace_markers("<!-- guide:situation nordic -->", RenderContext("de", "guide/for/nordic.md", date(2026, 11, 23), site))
    assert re.findall(r'id="step-([a-z-]+)"', html) == ["residence-or-nothing", "cpr", "doctor", "school"]
    school = re.search(r'<li[^>]*data-step="school"[^>]*>', html).group(0)
    assert 'data-addon="children"' in school
    assert "Nur wenn: Mit Kindern" in html
    assert 'href="../../"' in html, "links back to the guide"


def test_each_situation_has_a_permanent_page_with_its_name_as_title(site):
    nordic = next(s for s in site.entries("situations") if s.id == "nordic")
    markdown = situation_page_markdown(nordic, "en")
    assert situation_page("nordic") == "guide/for/nordic.md"
    assert markdown.startswith('---\ntitle: "Step by step: Nordic citizen"\nsearch:\n  exclude: true\n---')
    assert "<!-- guide:situation nordic -->" in markdown


def test_a_situation_name_cannot_inject_markup_into_its_page(site):
    nordic = next(s for s in site.entries("situations") if s.id == "nordic")
    name = "<script>x()</script> [x](javascript:alert(1)) {: onclick=alert(1) }"
    hostile = nordic.model_copy(update={"name": nordic.name.model_copy(update={"en": name})})
    markdown = situation_page_markdown(hostile, "en")
    heading = next(line for line in markdown.splitlines() if line.startswith("# "))
    assert "<script>" not in heading and "&lt;script&gt;" in heading
    assert r"\[x\]\(javascript:alert\(1\)\)" in heading and r"\{: onclick=alert\(1\) \}" in heading
    # Front matter is plain text; velkommen/mkdocs/page_html.py escapes it for the theme (tests/test_hostile.py builds it).
    assert json.loads(markdown.split("title: ", 1)[1].split("\n", 1)[0]) == f"Step by step: {name}"
