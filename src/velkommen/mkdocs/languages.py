"""What the MkDocs hooks need to know about the language being built.

Not a hook itself (not listed in mkdocs.yml): the hook files import it. The
language at the site root is mkdocs-static-i18n's default language: Danish,
or the one language a preview builds (`make serve PREVIEW=de`).
"""

from __future__ import annotations

from velkommen.model.common import SOURCE_LANGUAGE
from velkommen.outputs.generated import prefix as language_prefix


def reader_language(config) -> str:
    """The language of the build in progress (mkdocs-static-i18n sets the theme's)."""
    return str(config.theme["language"])


def root_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "default_language", None) or SOURCE_LANGUAGE


def prefix(config, lang: str | None = None) -> str:
    """Where a language's pages are written: "" at the root, "de/" for German."""
    return language_prefix(lang or reader_language(config), root_language(config))
