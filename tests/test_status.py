"""Editors see which translations are missing or older than the Danish, from git history."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from velkommen.editors.status import as_markdown, as_text, status
from velkommen.editors.translation import Git, translation_report
from velkommen.load.loader import load_site_data


def git(repo: Path, *args: str, when: str = "2026-01-01T10:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.dk",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.dk"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project with a page in three languages and the guide fixture's data, committed once."""
    shutil.copytree(FIXTURES / "guide", tmp_path / "data")
    for lang, text in (("da", "# Hej\n"), ("de", "# Hallo\n"), ("en", "# Hello\n")):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "index.md").write_text(text, encoding="utf-8")
    (tmp_path / "docs" / "da" / "only-danish.md").write_text("# Kun dansk\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def report(repo: Path):
    return translation_report(load_site_data(repo / "data"), repo)


def test_a_page_that_exists_only_in_danish_is_missing_in_german_and_english(repo):
    found = {(f.lang, f.status, f.file) for f in report(repo).pages}
    assert found == {("de", "missing", "docs/de/only-danish.md"), ("en", "missing", "docs/en/only-danish.md")}


def test_changing_the_danish_page_makes_its_translations_outdated(repo):
    (repo / "docs" / "da" / "index.md").write_text("# Hej og velkommen\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "new Danish", when="2026-02-01T10:00:00")
    outdated = {(f.lang, f.file) for f in report(repo).pages if f.status == "outdated"}
    assert outdated == {("de", "docs/de/index.md"), ("en", "docs/en/index.md")}


def test_updating_the_translation_afterwards_makes_it_current_again(repo):
    (repo / "docs" / "da" / "index.md").write_text("# Hej og velkommen\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "new Danish", when="2026-02-01T10:00:00")
    (repo / "docs" / "de" / "index.md").write_text("# Hallo und willkommen\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "new German", when="2026-02-03T10:00:00")
    outdated = {(f.lang, f.file) for f in report(repo).pages if f.status == "outdated"}
    assert outdated == {("en", "docs/en/index.md")}


def test_an_uncommitted_danish_edit_counts_as_newer(repo):
    (repo / "docs" / "da" / "index.md").write_text("# Hej igen\n", encoding="utf-8")
    assert {f.file for f in report(repo).pages if f.status == "outdated"} == {"docs/de/index.md", "docs/en/index.md"}


def test_a_changed_danish_text_in_data_makes_only_that_texts_translations_outdated(repo):
    steps = repo / "data" / "guide" / "steps" / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(text.replace("{da: Vælg læge,", "{da: Vælg din egen læge,"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Danish step title", when="2026-03-01T10:00:00")
    outdated = [f for f in report(repo).texts if f.status == "outdated"]
    assert {(f.lang, f.entry, f.field) for f in outdated} == {
        ("de", "'doctor' (steps, item 1)", "title"), ("en", "'doctor' (steps, item 1)", "title")}
    assert all(f.file == "data/guide/steps/steps.yaml" and f.line == 4 for f in outdated)


def test_a_text_without_translation_is_missing(repo):
    missing = {(f.lang, f.entry, f.field) for f in report(repo).texts if f.status == "missing"}
    # The fixture's SIRI authority has only a Danish name.
    assert ("de", "'residence' (steps, item 2)", "authority.name") in missing
    assert ("en", "'residence' (steps, item 2)", "authority.name") in missing


def test_without_history_only_missing_translations_are_reported(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    (shallow / "docs" / "da" / "index.md").write_text("# Ændret\n", encoding="utf-8")
    result = report(shallow)
    assert not result.history and not [f for f in result.pages if f.status == "outdated"]
    assert "cannot be found" in as_text(status(load_site_data(shallow / "data"), shallow, date(2026, 11, 23)))


def test_the_report_is_readable_as_text_and_as_a_ci_summary(repo):
    st = status(load_site_data(repo / "data"), repo, date(2026, 11, 23))
    text = as_text(st)
    assert "German pages missing (1):\n  - docs/de/only-danish.md" in text
    assert "To check this month" in text and "last checked on 2024-01-15" in text
    assert "| Pages missing | 1 | 1 |" in as_markdown(st)


def test_moving_an_entry_is_not_a_change_of_its_texts(repo):
    steps = repo / "data" / "guide" / "steps" / "steps.yaml"
    text = steps.read_text(encoding="utf-8")
    first, rest = text.split("  - id: residence\n", 1)
    steps.write_text(first.replace("steps:\n", "steps:\n  - id: residence\n" + rest.split("  - id: cpr\n", 1)[0], 1)
                     + "  - id: cpr\n" + rest.split("  - id: cpr\n", 1)[1], encoding="utf-8")
    git(repo, "commit", "-q", "-am", "reorder", when="2026-04-01T10:00:00")
    assert [f for f in report(repo).texts if f.status == "outdated"] == []


def test_history_lists_the_working_copy_first_and_then_each_commit(repo):
    (repo / "docs" / "da" / "index.md").write_text("# Ny\n", encoding="utf-8")
    versions = Git(repo).revisions("docs/da/index.md")
    assert [content for _, content in versions] == ["# Ny\n", "# Hej\n"]
