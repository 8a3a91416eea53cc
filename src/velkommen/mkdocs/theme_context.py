"""MkDocs layer: give the theme templates the generator's words and links.

Templates in the theme/ call `vk_ui(key)` for labels in the reader's
language and read `vk_footer` for the footer's links on each page.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from jinja2 import BytecodeCache
from markupsafe import Markup, escape

from velkommen import build as vk
from velkommen.mkdocs.languages import prefix, reader_language, root_language
from velkommen.model.common import site_languages
from velkommen.render import paths
from velkommen.render.context import RenderContext, name, path_in_language, relative_link
from velkommen.render.fragments.site import contact_block
from velkommen.render.words import direction, language_name, mark_borrowed_words, marked, ui, word


class _CompiledTemplates(BytecodeCache):
    """Material's templates compiled once per process, not once per language build (README, "Caches").

    Each language build makes a new Jinja environment; without this, every one
    recompiles the same templates. Jinja checks the source's checksum, so an
    edited template is compiled again.
    """

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


def _word(key: str, lang: str, **values) -> Markup:
    """A word for Material's templates, which MkDocs renders without autoescape: a site may change the
    generator's words (data/words.yaml), so each is escaped here, once."""
    return escape(marked(key, lang, **values))


def _languages_with(key: str, config) -> list[tuple[str, str, str]]:
    """(code, home, direction) of each site language that has the word `key` in its own language."""
    return [(code, "/" + prefix(config, code), direction(code)) for code in site_languages() if word(key, code)[1] == code]


def on_env(env, config, files):
    env.bytecode_cache = _compiled
    env.globals["vk_ui"] = lambda key, **values: _word(key, reader_language(config), **values)
    env.globals["vk_t"] = _word
    env.globals["vk_languages_with"] = lambda key: _languages_with(key, config)
    return env


def on_pre_build(config):
    # Each language build would write site/404.html and the last would win;
    # only the source-language build writes it (the page speaks all three).
    if reader_language(config) == root_language(config):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def on_page_content(html, page, config, files):
    # Every page ends with "Was this page useful?" (theme/partials/vk-feedback.html): pages may link to it.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.add("vk-feedback")
    # The content as the search index and the policy see it: borrowed words already carry their `lang`.
    return mark_borrowed_words(html)


def on_page_context(context, page, config, nav):
    lang = reader_language(config)
    here = path_in_language(page.file.src_uri)
    municipality = vk.current().site.one("municipality")
    feedback = _feedback(page, lang, here, municipality)
    footer = {
        "accessibility": relative_link(here, paths.ACCESSIBILITY),
        "privacy": relative_link(here, paths.PRIVACY),
        "website": municipality.website if municipality else None,
        # One mechanism: the same e-mail as "Was this page useful?", or the question itself with its note.
        "report": feedback["mailto"] or "#vk-feedback",
        "report_unverified": feedback["unverified"],
        # The municipality's address, phone, hours and CVR, each with its source (or a neutral line without them).
        "contact": contact_block(RenderContext(lang, here, vk.current().build_date, vk.current().site)),
    }
    context["vk_footer"] = footer
    # A search that finds nothing offers where to start (velkommen.js shows it under the results).
    context["vk_search_topics"] = [{"href": relative_link(here, target), "label": _word(key, lang)} for target, key in (
        (paths.GUIDE, "search.none.guide"), (paths.DIRECTORY, "search.none.directory"), (paths.CONTACT, "search.none.contact"))]
    context["vk_feedback"] = feedback
    context["vk_wordmark"] = {
        # Material renders its templates without autoescape: the name is escaped here, once.
        "name": name(municipality.name, lang) if municipality else "",
        "href": relative_link(here, "index.md"),
        # The logo file lives in docs/<source language>/, written at the site root; page URLs are folders.
        "logo": posixpath.relpath(municipality.logo.file, page.url.rstrip("/") or ".")
        if municipality and municipality.logo else None,
    }
    context["vk_alternates"] = _alternates(page, config)
    # On a page in the source language: the same page offered in the reader's own language (shown by the browser).
    context["vk_offers"] = ([alt for alt in context["vk_alternates"] if alt["lang"] != lang]
                            if lang == root_language(config) else [])
    return context


def _feedback(page, lang: str, here: str, municipality) -> dict:
    """ "Was this page useful?": an e-mail about this page, in its language, to the data's address.

    A `mailto:` link only: nothing is sent or stored unless the reader sends
    the e-mail from their own program (no form, no tracking, no cookies).
    Without an address in the data, the question says so and links to the contact page.
    """
    feedback = {"mailto": None, "unverified": False, "contact": relative_link(here, paths.CONTACT)}
    if municipality and municipality.feedback:
        # Without a public address the page's path still tells the team which page.
        url = page.canonical_url or "/" + page.url
        subject = ui("feedback.subject", lang, url=url)
        body = ui("feedback.body", lang, url=url, language=language_name(lang, lang))
        feedback["mailto"] = f"mailto:{municipality.feedback.email}?subject={quote(subject)}&body={quote(body)}"
        feedback["unverified"] = not municipality.feedback.verified
    return feedback


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
