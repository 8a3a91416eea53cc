"""`python -m velkommen new <folder> --name "…" --website https://…`: a new municipality's site that builds at once.

Copies the skeleton (velkommen/skeleton/: mkdocs.yml inheriting the package's
base configuration, data with a plan template, pages in the chosen languages,
a Makefile and a README that says what to fill in first). It refuses to write
into a folder that is not empty.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from velkommen.mkdocs.plugin import PACKAGE
from velkommen.model.common import SOURCE_LANGUAGE, known_language
from velkommen.render.words import language_name

SKELETON = PACKAGE / "skeleton"
BASE = PACKAGE / "mkdocs" / "base.yml"


class NewSiteError(Exception):
    pass


def _languages_block(languages: list[str]) -> str:
    lines = []
    for lang in languages:
        lines.append(f"        - locale: {lang}")
        lines.append(f"          name: {language_name(lang)}")
        if lang == "da":
            lines.append("          default: true")
        lines.append("          build: true")
    return "\n".join(lines)


def new_site(folder: Path, name: str, website: str, languages: list[str] | None = None, today: date | None = None) -> list[Path]:
    """Write the skeleton into `folder`; return the files written."""
    languages = languages or ["da", "de", "en"]
    if languages[0] != "da":
        raise NewSiteError("Danish is the source language: start the list with da, e.g. --languages da,de,en")
    unknown = [lang for lang in languages if not known_language(lang)]
    if unknown:
        raise NewSiteError(f"{', '.join(unknown)} is not a language code the generator knows: use ISO 639-1 codes, e.g. da,de,en,ar")
    if len(set(languages)) != len(languages):
        raise NewSiteError("a language is listed twice")
    if not website.startswith("https://"):
        raise NewSiteError(f"'{website}' is not the municipality's web address: write it in full, starting with https://")
    folder = folder.resolve()
    if folder.exists() and any(folder.iterdir()):
        raise NewSiteError(f"{folder} is not empty: choose a new folder")
    values = {
        "{name}": name, "{website}": website, "{year}": str((today or date.today()).year),
        "{base}": os.path.relpath(BASE, folder), "{languages}": _languages_block(languages),
        "{venv}": str(Path(sys.prefix)),
    }
    written = []
    for lang in languages:
        if lang != SOURCE_LANGUAGE and not (SKELETON / "docs" / lang).is_dir():
            keep = folder / "docs" / lang / ".gitkeep"  # the folder the editors write the pages in
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_text("", encoding="utf-8")
            written.append(keep)
    for source in sorted(SKELETON.rglob("*")):
        relative = source.relative_to(SKELETON)
        # A language the skeleton has no pages in gets none: its readers see the Danish
        # pages with a notice (and the right `lang`) until the site's editors write them.
        if source.is_dir() or (relative.parts[0] == "docs" and relative.parts[1] not in languages):
            continue
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
