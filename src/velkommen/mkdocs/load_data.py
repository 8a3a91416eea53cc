"""MkDocs layer: load and validate data/ before every build; stop the build on errors.

Errors become one failed build with one message per problem (no traceback);
notices such as "no plan in force" are logged at INFO so `--strict` passes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError

from velkommen import build as vk
from velkommen.check.errors import errors_only, format_report, notices_only
from velkommen.check.notices import editor_notices
from velkommen.load.feeds import feeds_dir
from velkommen.load.languages import from_i18n
from velkommen.model.common import LANGUAGES, SOURCE_LANGUAGE, use_languages
from velkommen.render import words
from velkommen.render.context import plain

log = logging.getLogger("mkdocs.plugins.velkommen")
_reported: set[int] = set()


def on_config(config):
    changed = vk.changed_code(vk.CODE_AT_START)
    if changed:
        raise PluginError("The generator's Python code changed since the preview started "
                          f"({', '.join(changed[:3])}{' …' if len(changed) > 3 else ''}); the preview would show old pages. "
                          "Stop `make serve` (Ctrl+C) and start it again.")
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    build_date, problems = vk.resolve_build_date()
    i18n = config.plugins.get("i18n")
    languages, language_problems = from_i18n(i18n.config.languages) if i18n is not None else (LANGUAGES, [])
    use_languages(languages)  # the rest of this build (schemas, the editor, paths) follows the site's languages
    site = vk.load_cached(root / "data", feeds_dir(root), languages)
    problems = [*problems, *language_problems, *words.load(root / "data" / words.SITE_WORDS), *site.problems, *vk.page_problems(site, docs_dir), *editor_notices(site, build_date)]
    errors = errors_only(problems)
    if errors:
        raise PluginError("The site was not built because the data has problems:\n" + format_report(errors))
    if id(site) not in _reported:  # once per data change, not once per language
        _reported.add(id(site))
        for notice in notices_only(problems):
            log.info(notice.format())
    vk.set_current(vk.Build(root / "data", docs_dir, build_date, site))
    _identity(config, site.one("municipality"))
    return config


def _identity(config, municipality) -> None:
    """The site's names come from data/municipality.yaml (editors' data), not from mkdocs.yml (code).

    Runs before mkdocs-static-i18n's on_config (priority -100), which applies
    each language's `site_name` and `site_description` to its build.
    """
    if municipality is None:
        return
    i18n = config.plugins.get("i18n")
    languages = i18n.config.languages if i18n is not None else []
    for key in ("site_name", "site_description"):
        value = getattr(municipality, key)
        if value is None:
            continue
        # Material prints them without escaping; `Markup` keeps `| e` from escaping them twice.
        # mkdocs-static-i18n puts each language's value in place of a plain `str` only.
        config[key] = plain(value, SOURCE_LANGUAGE) if languages else escape(plain(value, SOURCE_LANGUAGE))
        for language in languages:
            language[key] = escape(plain(value, language.locale))
