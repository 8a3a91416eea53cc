"""The generator's own words exist in Danish, German and English alike."""

from __future__ import annotations

import re
import string

import pytest

from velkommen.model.common import LANGUAGES
from velkommen.render import words
from velkommen.render.words import MissingString, ui

STRINGS = words.strings()


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_label_has_all_languages_with_the_same_placeholders(key):
    texts = STRINGS[key]
    assert set(texts) == set(LANGUAGES)
    assert all(t.strip() for t in texts.values())
    assert len({frozenset(_placeholders(t)) for t in texts.values()}) == 1, texts


def test_a_missing_label_is_an_error_not_an_empty_string():
    with pytest.raises(MissingString):
        ui("no.such.label", "de")


def test_labels_fill_in_their_values():
    assert ui("plan.actions_count", "de", n=3) == "3 Maßnahmen"


def test_labels_named_in_templates_exist():
    import re

    from velkommen.render.context import TEMPLATES
    called, prefixes = set(), set()
    for template in TEMPLATES.rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        called |= set(re.findall(r"\bui\('([a-z0-9_.-]+)'[,)]", source))
        prefixes |= set(re.findall(r"\bui\('([a-z0-9_.-]+\.)' ~", source))  # 'kind.' ~ e.kind
    assert called and prefixes, "the templates name their labels"
    assert sorted(k for k in called if k not in STRINGS) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in STRINGS)) == []


def test_the_readme_lists_every_marker_with_its_description():
    from pathlib import Path

    from velkommen.render.fragments import REGISTRY

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, spec in REGISTRY.items():
        args = f" {spec.args}" if spec.args else ""
        assert f"| `<!-- {name}{args} -->` | {spec.about} |" in readme, name


def _site_words(tmp_path, text):
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_site_overrides_the_generators_words_key_by_key(tmp_path):
    try:
        path = _site_words(tmp_path, 'plan.period:\n  da: "Planperiode"\n')
        assert words.load(path) == []
        assert ui("plan.period", "da") == "Planperiode"
        assert ui("plan.period", "de") == "Zeitraum"  # the other languages keep the generator's words
    finally:
        words.load()
    assert ui("plan.period", "da") == "Periode"


def test_site_words_that_cannot_apply_are_one_problem_each(tmp_path):
    try:
        path = _site_words(tmp_path, 'plan.periode:\n  da: x\nplan.actions_count:\n  de: "{count} Maßnahmen"\n  en: ""\n')
        problems = words.load(path)
        assert [(p.line, p.entry, p.field) for p in problems] == [(1, "plan.periode", None), (4, "plan.actions_count", "de"),
                                                                  (5, "plan.actions_count", "en")]
        assert "{n}" in problems[1].fix and "plan.period" in problems[0].fix
        assert ui("plan.actions_count", "de", n=2) == "2 Maßnahmen"  # refused overrides are not applied
    finally:
        words.load()


def test_an_edited_word_shows_at_the_next_build_without_a_restart(tmp_path):
    """`make serve` calls load() before every rebuild: a changed file is read again, an unchanged one is not."""
    try:
        path = _site_words(tmp_path, 'plan.period:\n  en: "Span"\n')
        words.load(path)
        assert ui("plan.period", "en") == "Span"
        path.write_text('plan.period:\n  en: "Time span"\n', encoding="utf-8")
        import os
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        words.load(path)
        assert ui("plan.period", "en") == "Time span"
    finally:
        words.load()


def test_the_readmes_map_lists_every_module_of_the_generator():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = readme.split("## How it is built", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"[a-z0-9_]+\.py", block))
    package = root / "src" / "velkommen"
    modules = {p.name for p in package.rglob("*.py") if p.name != "__init__.py" and p.parent.name != "fragments"}
    assert sorted(modules - listed) == []
    # and every stage folder, by name
    assert [d.name for d in sorted(package.iterdir()) if d.is_dir() and d.name != "__pycache__" and f"{d.name}/" not in block] == []


def test_markers_are_collected_explicitly_and_a_name_declared_twice_is_refused():
    import types

    import pytest as _pytest

    from velkommen.render.fragments import REGISTRY
    from velkommen.render.markers import marker, registry_of

    assert "plan:timeline" in REGISTRY and REGISTRY["plan:timeline"].render.__module__ == "velkommen.render.fragments.plan"
    first, second = types.ModuleType("a"), types.ModuleType("b")
    first.f = marker("x:y")(lambda ctx, args: "")
    second.g = marker("x:y")(lambda ctx, args: "")
    assert list(registry_of(first)) == ["x:y"]  # declaring registers nothing by itself
    with _pytest.raises(ValueError, match="declared twice"):
        registry_of(first, second)
