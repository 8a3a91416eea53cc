"""Bad data stops the build with one clear message per problem.

Each file in fixtures/invalid/ is a broken data file. Its header says where it
goes (`# path:`) and what the editor must be told (`# expect: line | field |
text | text ...`, `-` for "not applicable"). The test places the file next to
a valid base data folder and checks that exactly those problems are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, data_folder
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data

CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))


def _header(path: Path) -> tuple[str, list[list[str]]]:
    target, expects = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# path:"):
            target = line.split(":", 1)[1].strip()
        elif line.startswith("# expect:"):
            expects.append([part.strip() for part in line.split(":", 1)[1].split("|")])
    return target, expects


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_is_reported_with_file_line_field_and_fix(case: Path, tmp_path: Path):
    target, expects = _header(case)
    data = data_folder(tmp_path, (target, case))
    errors = errors_only(load_site_data(data).problems)

    assert len(errors) == len(expects), "\n".join(e.format() for e in errors)
    for (line, field, *texts), error in zip(expects, sorted(errors, key=lambda e: e.line or 0)):
        assert error.file == f"data/{target}"
        assert error.line == (None if line == "-" else int(line)), error.format()
        assert error.field == (None if field == "-" else field), error.format()
        message = error.format()
        for text in texts:
            assert text in message, message
        assert error.fix, "every problem says how to fix it"


def test_valid_base_data_has_no_problems(tmp_path: Path):
    assert load_site_data(data_folder(tmp_path)).problems == []


def test_shipped_data_has_no_errors():
    site = load_site_data(Path(__file__).resolve().parent.parent / "data")
    assert errors_only(site.problems) == [], "\n".join(p.format() for p in site.problems)


def test_every_problem_names_the_entry_it_belongs_to(tmp_path: Path):
    data = data_folder(tmp_path, ("plans/wrong-enum.yaml", FIXTURES / "invalid" / "wrong-enum.yaml"))
    [error] = errors_only(load_site_data(data).problems)
    assert error.entry == "'a' (actions, item 1)"


def test_a_problem_never_leaks_a_python_traceback(tmp_path: Path):
    messages = []
    for case in CASES:
        target, _ = _header(case)
        folder = tmp_path / case.stem
        folder.mkdir()
        messages += [p.format() for p in load_site_data(data_folder(folder, (target, case))).problems]
    joined = "\n".join(messages)
    assert "Traceback" not in joined and "pydantic" not in joined.lower() and "errors.pydantic.dev" not in joined


def test_make_check_finds_a_misspelt_marker_in_any_language(tmp_path: Path):
    from datetime import date

    from velkommen.__main__ import marker_problems

    for lang in ("da", "de", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "plan.md").write_text("# Plan\n\n<!-- plan:summary -->\n", encoding="utf-8")
    (tmp_path / "docs" / "de" / "plan.md").write_text("# Plan\n\n<!-- plan:sumary -->\n", encoding="utf-8")
    site = load_site_data(data_folder(tmp_path))
    [problem] = marker_problems(site, tmp_path / "docs", date(2026, 11, 23))
    assert (problem.file, problem.line) == ("docs/de/plan.md", 3)
    assert "unknown marker '<!-- plan:sumary -->'" in problem.problem and "plan:summary" in problem.fix


def test_reloading_sees_every_change(tmp_path: Path):
    # `make serve` reloads the data after each save (velkommen.build.load_cached: when any file under data/ changed).
    data = data_folder(tmp_path)
    assert load_site_data(data).problems == []
    municipality = data / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    third = load_site_data(data)
    assert [p.field for p in errors_only(third.problems)] == ["unknown_field"]
    municipality.write_text(municipality.read_text(encoding="utf-8").replace("unknown_field: 1\n", ""), encoding="utf-8")
    assert load_site_data(data).problems == []
