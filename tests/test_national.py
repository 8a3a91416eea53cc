"""The national layer: steps kept once for every site; a site replaces, switches off, or is told it duplicates."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data
from velkommen.load.national import NATIONAL

NATIONAL_IDS = {s["id"] for p in (NATIONAL / "guide" / "steps").glob("*.yaml")
                for s in yaml.safe_load(p.read_text(encoding="utf-8"))["steps"]}


def _site(tmp_path: Path, national: str = "use: true\n", steps: str | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minisite" / "data", data)
    (data / "guide").mkdir()
    (data / "guide" / "national.yaml").write_text(national, encoding="utf-8")
    if steps is not None:
        (data / "guide" / "steps").mkdir()
        (data / "guide" / "steps" / "local.yaml").write_text(steps, encoding="utf-8")
    return data


def _local_step(step_id: str, extra: str = "") -> str:
    return f"""steps:
  - id: {step_id}
    title: {{da: "Bliv registreret i Borgerservice i Nørreby"}}
    summary: {{da: "Borgerservice i Nørreby registrerer dig."}}
    situations: [eu-eea-swiss]
    stage: on-arrival
    authority: {{name: {{da: "Borgerservice, Nørreby Kommune"}}}}
    source: https://www.norreby.example.dk/cpr
    verified: 2026-12-01
{extra}"""


def test_a_site_that_asks_for_it_gets_every_national_step_situation_and_term(tmp_path):
    site = load_site_data(_site(tmp_path))
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    assert {s.id for s in site.entries("steps")} == NATIONAL_IDS
    assert {"eu-eea-swiss", "nordic", "non-eu"} <= {s.id for s in site.entries("situations")}
    assert "cpr" in {t.id for t in site.entries("terms")}
    assert all(f.doc.file.startswith("national/") for f in site.files["steps"])  # messages name the layer's file


def test_without_the_choice_a_site_has_only_its_own_guide(tmp_path):
    data = _site(tmp_path)
    (data / "guide" / "national.yaml").unlink()
    assert load_site_data(data).entries("steps") == []


def test_a_local_step_with_a_national_id_is_a_duplicate_unless_it_says_it_replaces_it(tmp_path):
    problems = errors_only(load_site_data(_site(tmp_path / "a", steps=_local_step("register-cpr"))).problems)
    assert len(problems) == 1, [p.format() for p in problems]
    [dup] = problems
    assert dup.file == "data/guide/steps/local.yaml" and dup.entry.startswith("'register-cpr'") and dup.line == 2
    assert "already in the national layer (national/guide/steps/residence-and-registration.yaml)" in dup.problem
    assert "replaces: national" in dup.fix


def test_a_replacing_step_is_shown_instead_of_the_national_one(tmp_path):
    national = next(s for p in (NATIONAL / "guide" / "steps").glob("*.yaml")
                    for s in yaml.safe_load(p.read_text(encoding="utf-8"))["steps"] if s["id"] == "register-cpr")
    deadlines = yaml.safe_dump({"deadlines": national["deadlines"]}, allow_unicode=True)
    extra = "    replaces: national\n" + "".join("    " + line + "\n" for line in deadlines.splitlines())
    site = load_site_data(_site(tmp_path, steps=_local_step("register-cpr", extra)))
    assert errors_only(site.problems) == [], [p.format() for p in site.problems]
    [step] = [s for s in site.entries("steps") if s.id == "register-cpr"]
    assert step.authority.name.da == "Borgerservice, Nørreby Kommune"


def test_a_replacing_step_may_not_contradict_the_national_deadlines(tmp_path):
    problems = errors_only(load_site_data(_site(tmp_path, steps=_local_step("register-cpr", "    replaces: national\n"))).problems)
    [contradiction] = problems
    assert "states other deadlines" in contradiction.problem and "national/guide/steps/" in contradiction.problem


def test_only_a_national_step_can_be_replaced(tmp_path):
    [error] = errors_only(load_site_data(_site(tmp_path, steps=_local_step("town-hall", "    replaces: national\n"))).problems)
    assert "there is no national step 'town-hall' to replace" in error.problem and error.field == "replaces"


def test_a_site_switches_a_national_step_off_by_id(tmp_path):
    site = load_site_data(_site(tmp_path, "use: true\noff:\n  - id: car-registration\n    reason: {da: Ikke relevant her}\n"))
    assert errors_only(site.problems) == []
    assert "car-registration" not in {s.id for s in site.entries("steps")}
    [error] = errors_only(load_site_data(_site(tmp_path / "b", "use: true\noff:\n  - id: car-registraton\n    reason: {da: x}\n")).problems)
    assert error.file == "data/guide/national.yaml" and error.line == 3 and "did you mean 'car-registration'" in error.fix


def test_both_sites_keep_national_steps_once():
    """Neither site copies a national step: its own steps with a national id all say `replaces: national`."""
    for data in (ROOT / "data", ROOT / "examples" / "sonderborg" / "data"):
        assert (data / "guide" / "national.yaml").is_file()
        for path in (data / "guide" / "steps").glob("*.yaml"):
            for step in yaml.safe_load(path.read_text(encoding="utf-8"))["steps"]:
                assert step["id"] not in NATIONAL_IDS or step.get("replaces") == "national", (path, step["id"])
        assert not (data / "guide" / "situations.yaml").exists() and not (data / "guide" / "terms.yaml").exists()
