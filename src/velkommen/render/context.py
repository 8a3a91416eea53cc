"""Render data into HTML fragments with autoescaped Jinja templates.

Everything an editor writes passes through `text()` or Jinja's autoescape,
so no data value can add markup, script or a `javascript:` link (URLs are
checked by the model before they get here).
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from velkommen.model.common import Text, site_languages
from velkommen.render import fmt
from velkommen.render.words import direction, language_name, marked, ui

TEMPLATES = Path(__file__).parent / "templates"
SERVE_ENV = "VELKOMMEN_SERVE"  # set by `make serve`


def path_in_language(src_uri: str) -> str:
    """A page's path inside its language folder: 'de/plan.md' -> 'plan.md'."""
    first, _, rest = src_uri.partition("/")
    return rest if first in site_languages() else src_uri


def page_url(src_path: str) -> str:
    """The directory-style URL of a page, relative to its language root: 'a/b.md' -> 'a/b/'."""
    src_path = src_path.replace("\\", "/")
    stem = src_path[: -len(".md")] if src_path.endswith(".md") else src_path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    elif stem:
        stem += "/"
    return stem


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Link from one page to another inside the same language, e.g. for the plan page."""
    return _relative(from_page, to_page) + (f"#{anchor}" if anchor else "")


def _relative(from_page: str, to_page: str) -> str:
    rel = posixpath.relpath(page_url(to_page) or ".", page_url(from_page) or ".")
    return "./" if rel == "." else rel + "/"


@dataclass
class RenderContext:
    """What a fragment needs to know about the page it lands on."""

    lang: str
    page: str  # source path inside the language folder, e.g. "target-groups/commuters.md"
    build_date: date
    site: Any  # loader.SiteData
    prefix: str = ""  # where the page is written: "" for the source language, "de/" for German
    site_url: str = ""  # the published address, for links that leave the site (QR codes, feeds)
    extra: dict[str, Any] = field(default_factory=dict)

    def link(self, to_page: str, anchor: str | None = None) -> str:
        return relative_link(self.page, to_page, anchor)

    def file_link(self, path: str, shared: bool = False) -> str:
        """Link to a generated file: in this language's folder, or (shared) at the site root."""
        target = path if shared else self.prefix + path
        return posixpath.relpath(target, (self.prefix + page_url(self.page)) or ".")


def text(value: Text | None, lang: str, block: bool = False) -> Markup:
    """An editor's text in `lang`, escaped; untranslated text is marked as Danish.

    Danish stand-ins carry `lang="da"` for screen readers, a visible badge in the
    reader's language, and `data-search-exclude` so they stay out of this
    language's search.
    """
    if value is None:
        return Markup("")
    content, actual = value.get(lang)
    if block:
        body = Markup("").join(Markup("<p>{}</p>").format(p.strip()) for p in content.split("\n\n") if p.strip())
    else:
        body = escape(content)
    if actual == lang:
        return body
    badge = Markup('<span class="vk-badge vk-badge--fallback">{}</span>').format(ui("fallback.badge", lang))
    tag = "div" if block else "span"
    # On a page written right to left, the Danish text keeps its own direction.
    own_dir = Markup(f' dir="{direction(actual)}"') if direction(actual) != direction(lang) else Markup("")
    return Markup('<{tag} lang="{src}"{own_dir} class="vk-untranslated" data-search-exclude>{body}</{tag}> {badge}').format(
        tag=Markup(tag), src=actual, own_dir=own_dir, body=body, badge=badge)


def name(value: Text | None, lang: str) -> Markup:
    """A proper name (an organisation, a town): the reader's form if it has one, never marked as untranslated."""
    return escape(plain(value, lang))


# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_text(value: str) -> str:
    """Plain text for a page generated as Markdown: shown as written, never read as Markdown, HTML or attributes."""
    one_line = " ".join(value.split())  # a line break would start a new block
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def generated_page(title: str, heading: str, body: str, *, searchable: bool = True, robots: str | None = None) -> str:
    """The Markdown of a page made from data (never a file in docs/): front matter, heading, body.

    `title` and `heading` are plain text: the title goes into the front matter
    as a JSON string (the MkDocs layer escapes front matter for the theme), the
    heading is written so Markdown reads nothing in it. `body` is Markdown.
    """
    meta = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if not searchable:
        meta.append("search:\n  exclude: true")
    if robots:
        meta.append(f"robots: {robots}")
    return "---\n" + "\n".join(meta) + f"\n---\n\n# {markdown_text(heading)}\n\n{body}\n"


def script_json(value: Any) -> str:
    """JSON to write inside a `<script>` element: `<`, `>` and `&` as JSON escapes, so no text can close it."""
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return payload.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def plain(value: Text | None, lang: str) -> str:
    """An editor's text in `lang` (or Danish) as plain, unescaped text: for attributes and feeds."""
    return value.get(lang)[0] if value else ""


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        # A build renders with the templates it started with; under `make serve` an edited template is read again.
        auto_reload=bool(os.environ.get(SERVE_ENV)),
        autoescape=select_autoescape(["html"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(fmt=fmt)
    return env


def render(template: str, ctx: RenderContext, **values: Any) -> str:
    lang = ctx.lang
    helpers = {
        "lang": lang,
        "ctx": ctx,
        "t": lambda v, block=False: text(v, lang, block),
        "n": lambda v: name(v, lang),
        "ui": lambda key, **kw: marked(key, lang, **kw),
        # Languages by name: in the reader's language in a sentence, or each in itself in a list to choose from.
        "languages": lambda codes: ", ".join(language_name(code, lang) for code in codes),
        "language_name": language_name,
        "direction": direction,
        "date": lambda d: fmt.long_date(d, lang),
        "number": lambda n: fmt.number(n, lang),
        "link": ctx.link,
        "file_link": ctx.file_link,
    }
    return environment().get_template(template).render(**helpers, **values)
