"""MkDocs layer: add the pages and files made from data to this language's build.

Pages (the guide's situations, the towns) and files (calendars, open data)
come from `velkommen.outputs.generated`. They are added after mkdocs-static-i18n has
sorted the files of this language (priority below its -100); generated pages
are registered for its sitemap with their language alternates.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File, InclusionLevel

from velkommen import build as vk
from velkommen.editors.cms import admin_files, cms_config
from velkommen.editors.status import editors_page_markdown
from velkommen.mkdocs.languages import reader_language, root_language
from velkommen.outputs.generated import files_for, pages_for, prefix
from velkommen.render import paths
from velkommen.render.context import page_url

log = logging.getLogger("mkdocs.plugins.velkommen")


def on_files(files, config):
    lang = reader_language(config)
    root = root_language(config)
    build = vk.current()
    i18n = config.plugins.get("i18n")
    for page in pages_for(build.site, lang):
        file = File.generated(config, prefix(lang, root) + page.path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.locale = file.locale_alternate_of = lang  # what mkdocs-static-i18n reads on its own files
        # The sitemap template reads `.page`; None makes it fall back to site_url + url.
        file.alternates = {other: SimpleNamespace(url=prefix(other, root) + page_url(page.path), page=None) for other in build.site.languages}
        files.append(file)
        if i18n is not None and lang in i18n.i18n_files_per_language:
            i18n.i18n_files_per_language[lang].append(file)
    if lang == root and i18n is not None and not i18n.config.build_only_locale:
        # The editors' status page: full builds only (it asks git), and never in nav, search or sitemap.
        page = File.generated(config, paths.EDITORS_STATUS, content=editors_page_markdown(lang), inclusion=InclusionLevel.NOT_IN_NAV)
        page.locale = page.locale_alternate_of = lang
        page.alternates = {}
        files.append(page)
    if lang == root:
        _add_admin(files, config)
    for generated in files_for(build.site, lang, build.build_date, config.site_url or "", root):
        files.append(File.generated(config, generated.path, content=generated.content))
    return files


def _add_admin(files, config) -> None:
    """The browser editor at /admin/, vendored from node_modules (run `npm ci` first)."""
    site = Path(config.config_file_path).resolve().parent
    # The site's own node_modules, or one of a folder above it (the sites under examples/ share the repository's).
    vendor = next((d / "node_modules" / "@sveltia" / "cms" / "dist" for d in (site, *site.parents)
                   if (d / "node_modules" / "@sveltia" / "cms" / "dist" / "sveltia-cms.js").is_file()), None)
    if vendor is None:
        log.info("The browser editor (/admin/) is left out: run `npm ci` to install Sveltia CMS.")
        return
    repo = os.environ.get("VELKOMMEN_CMS_REPO") or os.environ.get("GITHUB_REPOSITORY", "")
    for path, content in admin_files(cms_config(repo, site_url=config.site_url or ""), vendor).items():
        files.append(File.generated(config, path, content=content))
