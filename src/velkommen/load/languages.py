"""The site's languages, declared once: the `languages:` of mkdocs-static-i18n in the site's mkdocs.yml.

The build reads them from there through MkDocs; the command line (`check`,
`schema`, `status`, the editor's configuration) reads the same file here, so
both see one list. Danish is the source language and comes first; the others
follow in the order the site lists them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from velkommen.check.errors import Problem
from velkommen.model.common import LANGUAGES, SOURCE_LANGUAGE, known_language

CONFIG = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running it: `!ENV` and `!!python/…` tags become None."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _i18n_languages(config: dict) -> list | None:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return plugin["i18n"].get("languages")
    return None


def _read(path: Path, seen: set[Path]) -> list | None:
    """The i18n languages of `path`, or of the file it INHERITs from."""
    if path in seen or not path.is_file():
        return None
    seen.add(path)
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    if not isinstance(config, dict):
        return None
    found = _i18n_languages(config)
    if found is None and isinstance(config.get("INHERIT"), str):
        return _read((path.parent / config["INHERIT"]).resolve(), seen)
    return found


def declared_languages(root: Path) -> tuple[tuple[str, ...], list[Problem]]:
    """The languages the site at `root` declares, source first; the default set where it declares none."""
    config = Path(root) / CONFIG
    try:
        entries = _read(config.resolve(), set())
    except yaml.YAMLError:
        return LANGUAGES, []  # MkDocs itself reports a broken mkdocs.yml
    if not entries:
        return LANGUAGES, []
    return from_i18n(entries)


def from_i18n(entries: list) -> tuple[tuple[str, ...], list[Problem]]:
    """The languages of mkdocs-static-i18n's `languages:` list (dicts, or its config objects)."""
    def value(entry, key):
        return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)

    codes, problems = [], []
    for entry in entries:
        code = str(value(entry, "locale") or "")
        if value(entry, "default") and code != SOURCE_LANGUAGE:
            problems.append(Problem(CONFIG, f"the default language is '{code}', but the data is written in Danish",
                                    f"mark `locale: {SOURCE_LANGUAGE}` as `default: true`"))
        if not known_language(code):
            problems.append(Problem(CONFIG, f"'{code}' is not a language code the generator knows",
                                    "use a code from ISO 639-1, e.g. de, en, pl, uk, ar"))
        elif code not in codes:
            codes.append(code)
    if SOURCE_LANGUAGE not in codes:
        problems.append(Problem(CONFIG, "the site has no Danish pages: Danish is the source of every text",
                                f"add `- locale: {SOURCE_LANGUAGE}` with `default: true` to the i18n languages"))
    ordered = (SOURCE_LANGUAGE, *[c for c in codes if c != SOURCE_LANGUAGE])
    return ordered, problems
