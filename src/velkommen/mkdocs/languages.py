"""What the MkDocs hooks need to know about the language being built.

Not a hook itself (not listed in mkdocs.yml): the hook files import it. The
language at the site root is mkdocs-static-i18n's default language: Danish,
or the one language a preview builds (`make serve PREVIEW=de`).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

import material

from velkommen.model.common import SOURCE_LANGUAGE, known_language
from velkommen.outputs.generated import prefix as language_prefix
from velkommen.render.words import BORROWED_CLOSE, BORROWED_OPEN, BORROWED_SEP, direction

MATERIAL = Path(material.__file__).resolve().parent / "templates"


def reader_language(config) -> str:
    """The language of the build in progress (mkdocs-static-i18n sets the theme's)."""
    return str(config.theme["language"])


def root_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "default_language", None) or SOURCE_LANGUAGE


def prefix(config, lang: str | None = None) -> str:
    """Where a language's pages are written: "" at the root, "de/" for German."""
    return language_prefix(lang or reader_language(config), root_language(config))


def lunr_languages() -> set[str]:
    """The languages lunr (as Material ships it) has a stemmer for; English is built in."""
    found = {p.name.split(".")[1] for p in (MATERIAL / "assets" / "javascripts" / "lunr" / "min").glob("lunr.*.min.js")}
    return (found - {"stemmer", "multi"}) | {"en"}


def search_language(lang: str) -> str:
    """The stemmer a language's search index uses: its own where lunr has one, else English's (lunr's default)."""
    return lang if lang in lunr_languages() else "en"


def material_partials(languages: list[str], borrow_from: str) -> Path | None:
    """Material's words for the languages it has none in, borrowed from `borrow_from` and marked as such.

    Material needs `partials/languages/<code>.html` for every language it
    builds; for one it lacks (Somali, Tigrinya …) this writes one that gives
    the language's own code and direction and borrows each label, marked like
    the generator's borrowed words (they get their `lang` on the finished page).
    Returns the folder to put among the theme's folders, or None if none is needed.
    """
    # Only plain language codes reach the template (the list's own problems are reported by load/languages.py).
    missing = [code for code in languages if re.fullmatch(r"[a-z]{2,3}", code) and known_language(code)
               and not (MATERIAL / "partials" / "languages" / f"{code}.html").is_file()]
    if not missing:
        return None
    files = {}
    for code in missing:
        files[code] = (
            f'{{% import "partials/languages/{borrow_from}.html" as borrowed %}}'
            '{% macro t(key) %}'
            f'{{% if key == "language" %}}{code}{{% elif key == "direction" %}}{direction(code)}'
            '{% elif key.startswith("search.config.") %}{{ borrowed.t(key) }}'
            '{% else %}{% set text = borrowed.t(key) %}'
            f'{{% if text %}}{BORROWED_OPEN}{borrow_from}{BORROWED_SEP}{{{{ text }}}}{BORROWED_CLOSE}{{% endif %}}'
            '{% endif %}{% endmacro %}\n')
    digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"velkommen-material-languages-{digest}"
    for code, text in files.items():
        target = folder / "partials" / "languages" / f"{code}.html"
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return folder
