"""MkDocs hook: load and validate data/ before every build; stop the build on errors.

Errors become one failed build with one message per problem (no traceback);
notices such as "no plan in force" are logged at INFO so `--strict` passes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from velkommen import build as vk
from velkommen.errors import errors_only, format_report, notices_only

log = logging.getLogger("mkdocs.hooks.velkommen")
_reported: set[int] = set()


def on_config(config):
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    build_date, problems = vk.resolve_build_date()
    site = vk.load_cached(root / "data")
    problems = [*problems, *site.problems, *vk.page_problems(site, docs_dir), *vk.editor_notices(site, build_date)]
    errors = errors_only(problems)
    if errors:
        raise PluginError("The site was not built because the data has problems:\n" + format_report(errors))
    if id(site) not in _reported:  # once per data change, not once per language
        _reported.add(id(site))
        for notice in notices_only(problems):
            log.info(notice.format())
    vk.set_current(vk.Build(root / "data", docs_dir, build_date, site))
    return config
