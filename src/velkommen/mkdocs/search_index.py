"""MkDocs layer: one search index per language, each with its own stemmer.

mkdocs-static-i18n merges every language into one index at the site root, so
a reader would download all three languages and Danish stemming would not
apply to German. After it has finished (priority below its -100), we write
`search/search_index.json` under each language root with that language's
pages only, and point Material's `__config.base` at the language root so the
browser fetches that file and resolves result links against it.

Each step of the guide is its own entry (its heading's anchor on the guide
page), with a one-line description and the step's Danish words and their
translations in every language (velkommen.render.fragments.guide.guide_search_entries).
"""

from __future__ import annotations

import json
import os
import posixpath
import re

from velkommen import build as vk
from velkommen.mkdocs.languages import prefix, reader_language, search_language
from velkommen.model.common import site_languages
from velkommen.render.context import script_json
from velkommen.render.fragments.guide import guide_search_entries

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)

# mkdocs-static-i18n builds the other languages inside the source language's
# post_build and leaves `theme.language` at the last one, so each build's
# language is remembered when it starts.
_building: list[str] = []


def on_pre_build(config):
    _building.append(reader_language(config))


def on_build_error(error):
    _building.clear()


def _belongs(location: str, lang_prefix: str) -> bool:
    if not lang_prefix:  # the root language: everything not under another language's folder
        return not any(location.startswith(f"{other}/") for other in site_languages())
    return location.startswith(lang_prefix)


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def on_post_build(config):
    lang = _building.pop() if _building else reader_language(config)
    plugin = _search_plugin(config)
    if plugin is None or not hasattr(plugin, "search_index"):
        return
    lang_prefix = prefix(config, lang)
    steps = guide_search_entries(vk.current().site, lang)
    docs = []
    for entry in plugin.search_index.entries:
        if _belongs(entry["location"], lang_prefix):
            doc = {**entry, "location": entry["location"][len(lang_prefix):]}
            page, _, anchor = doc["location"].partition("#")
            if page == "guide/" and anchor in steps:
                doc["title"], doc["text"] = steps[anchor]
            docs.append(doc)
    settings = {key: plugin.config[key] for key in ("separator", "pipeline", "fields")}
    index = {"config": {"lang": [search_language(lang)], **settings}, "docs": docs}
    path = os.path.join(config.site_dir, lang_prefix, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(index, fh, ensure_ascii=False, separators=(",", ":"))


def on_post_page(output, page, config):
    """Make `base` the language root, e.g. '..' on /de/plan/ instead of '../..'."""
    match = _CONFIG.search(output)
    if not match:
        return output
    settings = json.loads(match.group(2))
    page_dir = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url) + "/"
    root = prefix(config)
    settings["base"] = posixpath.relpath(root or ".", page_dir or ".") if page_dir else (root.rstrip("/") or ".")
    return output[: match.start(2)] + script_json(settings) + output[match.end(2):]
