"""MkDocs hook: give the theme templates the generator's words and links.

Templates in overrides/ call `vk_ui(key)` for labels in the reader's
language and read `vk_footer` for the footer's links on each page.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from jinja2 import BytecodeCache

from _i18n import reader_language, root_language
from velkommen import build as vk
from velkommen import pages
from velkommen.render import path_in_language, relative_link
from velkommen.strings import ui


class _CompiledTemplates(BytecodeCache):
    """Material's templates compiled once per process, not once per language build.

    Each language build makes a new Jinja environment; without this, every one
    recompiles the same templates. Jinja checks the source's checksum, so an
    edited override is compiled again.
    """

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _compiled
    env.globals["vk_ui"] = lambda key, **values: ui(key, reader_language(config), **values)
    env.globals["vk_t"] = lambda key, lang, **values: ui(key, lang, **values)
    return env


def on_pre_build(config):
    # Each language build would write site/404.html and the last would win;
    # only the source-language build writes it (the page speaks all three).
    if reader_language(config) == root_language(config):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def on_page_context(context, page, config, nav):
    lang = reader_language(config)
    here = path_in_language(page.file.src_uri)
    municipality = vk.current().site.one("municipality")
    footer = {
        "accessibility": relative_link(here, pages.ACCESSIBILITY),
        "privacy": relative_link(here, pages.PRIVACY),
        "website": municipality.website if municipality else None,
        # Without a feedback address the accessibility page says how to report a problem.
        "report": relative_link(here, pages.ACCESSIBILITY),
        "report_unverified": False,
    }
    if municipality and municipality.feedback:
        # Without a public address the page's path still tells the team which page.
        subject = ui("footer.report_subject", lang, url=page.canonical_url or "/" + page.url)
        footer["report"] = f"mailto:{municipality.feedback.email}?subject={quote(subject)}"
        footer["report_unverified"] = not municipality.feedback.verified
    context["vk_footer"] = footer
    context["vk_alternates"] = _alternates(page, config)
    return context


def _alternates(page, config) -> list[dict[str, str]]:
    """The same page in every language, as links relative to this page.

    mkdocs-static-i18n leaves home-page links absolute ("/de/"), which break
    when the site lives below a path (a GitHub Pages project site).
    """
    here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
    links = []
    for alt in config.extra.get("alternate", []):
        target = page.file.alternates.get(alt["lang"]) if hasattr(page.file, "alternates") else None
        if target is not None:
            url = target.url
        elif alt["lang"] == reader_language(config):
            url = page.url  # a page built in one language only: its own language is the page itself
        else:
            url = alt["link"].lstrip("/")
        rel = posixpath.relpath(url or ".", here or ".")
        links.append({"name": alt["name"], "lang": alt["lang"], "href": "./" if rel == "." else rel + "/"})
    return links
