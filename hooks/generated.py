"""MkDocs hook: pages made from data, one per language (the guide's situation pages).

Each base situation of the guide gets a permanent page, e.g. /de/guide/for/nordic/,
that the settlement team can send by e-mail or print as a QR code. The pages
are added after mkdocs-static-i18n has sorted the files of this language
(priority below its -100), and registered for its sitemap.
"""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from velkommen import build as vk
from velkommen.fragments.guide import situation_page_markdown
from velkommen.guide import situation_pages
from velkommen.model.common import LANGUAGES, SOURCE_LANGUAGE
from velkommen.render import page_url


def _prefix(lang: str) -> str:
    return "" if lang == SOURCE_LANGUAGE else f"{lang}/"


@event_priority(-150)
def on_files(files, config):
    lang = str(config.theme["language"])
    site = vk.current().site
    i18n = config.plugins.get("i18n")
    for page in situation_pages(site.entries("situations")):
        file = File.generated(config, _prefix(lang) + page.path, content=situation_page_markdown(page.situation, lang),
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.locale = lang
        file.alternates = {other: SimpleNamespace(url=_prefix(other) + page_url(page.path)) for other in LANGUAGES}
        files.append(file)
        if i18n is not None and lang in i18n.i18n_files_per_language:
            i18n.i18n_files_per_language[lang].append(file)
    return files
