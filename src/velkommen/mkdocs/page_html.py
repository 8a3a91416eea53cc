"""MkDocs layer: put data into pages at their markers, and mark untranslated pages.

A page missing in German or English is built from the Danish file by
mkdocs-static-i18n; here it gets a notice in the reader's language, its text
is marked `lang="da"`, and it is kept out of that language's search.
"""

from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from velkommen import build as vk
from velkommen.check.errors import format_report
from velkommen.mkdocs.languages import prefix, reader_language
from velkommen.model.common import SOURCE_LANGUAGE
from velkommen.render.a11y import quiet_permalinks, quiet_task_boxes
from velkommen.render.context import RenderContext, path_in_language, render
from velkommen.render.markers import check_markers, replace_markers

_ID = re.compile(r'\sid="([^"]+)"')


def page_path(page) -> str:
    return path_in_language(page.file.src_uri)


def is_fallback(page, config) -> bool:
    return getattr(page.file, "locale", reader_language(config)) != reader_language(config)


def _context(page, config) -> RenderContext:
    # An untranslated page is Danish throughout, data included.
    build = vk.current()
    reader = reader_language(config)
    lang = SOURCE_LANGUAGE if is_fallback(page, config) else reader
    return RenderContext(lang, page_path(page), build.build_date, build.site, prefix(config), config.site_url or "")


def on_page_markdown(markdown, page, config, files):
    problems = check_markers(markdown, _context(page, config), f"docs/{page.file.src_uri}")
    if problems:
        raise PluginError("A page asks for data in a way the build does not understand:\n" + format_report(problems))
    if is_fallback(page, config):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


def escape_theme_text(page) -> None:
    """Escape, once, the page's text that the theme prints as it is.

    MkDocs renders Material's templates without autoescape, and they print the
    title into <title>, the header and every page's navigation, and front
    matter such as `description` into attributes. Front matter is plain text;
    `Markup` makes escaping it again a no-op.
    """
    for key, value in page.meta.items():
        if isinstance(value, str):
            page.meta[key] = escape(value)
    if "title" not in page.meta and page.title is not None:
        # From the first heading: HTML text, tags stripped but entities kept, which the
        # theme's `striptags` turns back into markup. Made plain, then escaped.
        page.title = escape(unescape(page.title))


def on_page_content(html, page, config, files):
    escape_theme_text(page)
    ctx = _context(page, config)
    html = quiet_permalinks(quiet_task_boxes(replace_markers(html, ctx)))
    if page.present_anchor_ids is not None:  # let MkDocs validate links to injected anchors
        page.present_anchor_ids.update(_ID.findall(html))
    if is_fallback(page, config):
        notice_ctx = RenderContext(reader_language(config), ctx.page, ctx.build_date, ctx.site, ctx.prefix, ctx.site_url)
        # The page's HTML, already rendered from Markdown and cleaned, is inserted as it is.
        html = render("fallback.html", notice_ctx, content=Markup(html), source_lang=SOURCE_LANGUAGE)
    return html

