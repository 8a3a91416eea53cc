"""Benchmark-only MkDocs hook: time each language build and the project's own hooks.

Added first to a copy of mkdocs.yml by scripts/bench.py; never part of the site.
Writes a JSON summary to $BENCH_OUT when the whole (all-language) build ends.

Two more modes make the "same pages" baseline:
- $BENCH_FREEZE=<folder> (full build): saves every page's final content HTML and
  every file the hooks generate, so the pages can be built again without them;
- $BENCH_FROZEN=<pages.json> (bare build, no project hooks): puts each page's
  saved HTML in place of its converted Markdown, a dictionary lookup.
"""

from __future__ import annotations

import functools
import json
import os
import time

from mkdocs.plugins import event_priority

_hook_seconds = 0.0
_by_hook: dict[str, float] = {}
_languages: dict[str, float] = {}
_stack: list[tuple[str, float]] = []
_wrapped = False
_frozen_pages: dict[str, str] = {}
_FREEZE = os.environ.get("BENCH_FREEZE")
_FROZEN = os.environ.get("BENCH_FROZEN")
_LANGUAGES = ("da", "de", "en")


def _timed(fn):
    label = f"{fn.__module__.replace(chr(92), '/').rsplit('/', 1)[-1]}.{fn.__name__}"

    @functools.wraps(fn)
    def run(*args, **kwargs):
        global _hook_seconds
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            _hook_seconds += spent
            _by_hook[label] = _by_hook.get(label, 0.0) + spent
    return run


@event_priority(10_000)
def on_config(config):
    # Wrap every event of the generator's MkDocs layer (the velkommen plugin).
    global _wrapped
    if not _wrapped:
        for methods in config.plugins.events.values():
            for i, method in enumerate(methods):
                module = getattr(method, "__module__", "") or ""
                if module.startswith("velkommen."):
                    methods[i] = _timed(method)
        _wrapped = True
    return config


@event_priority(10_000)
def on_pre_build(config):
    _stack.append((str(config.theme["language"]), time.perf_counter()))


@event_priority(-10_000)
def on_post_build(config):
    lang, start = _stack.pop()
    total = time.perf_counter() - start
    nested = sum(_languages.values()) if not _stack else 0.0  # the outer build contains the others
    _languages[lang] = total - nested
    if not _stack and os.environ.get("BENCH_OUT"):
        with open(os.environ["BENCH_OUT"], "w", encoding="utf-8") as fh:
            json.dump({"languages": _languages, "hooks": _hook_seconds, "by_hook": _by_hook}, fh)
    if _FREEZE and not _stack:
        with open(os.path.join(_FREEZE, "pages.json"), "w", encoding="utf-8") as fh:
            json.dump(_frozen_pages, fh)


@event_priority(-10_000)
def on_files(files, config):
    """Freeze mode: save what the hooks added (pages and files) as source files of a hook-free project."""
    if _FREEZE:
        for file in files:
            if file.generated_by is None:
                continue
            first = file.src_uri.split("/", 1)[0]
            target = os.path.join(_FREEZE, "docs", file.src_uri if first in _LANGUAGES[1:] else f"{_LANGUAGES[0]}/{file.src_uri}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write(file.content_bytes)
    return files


@event_priority(-10_000)
def on_page_content(html, page, config, files):
    if _FREEZE:
        _frozen_pages[page.file.dest_uri] = html
    elif _FROZEN:
        if not _frozen_pages:
            with open(_FROZEN, encoding="utf-8") as fh:
                _frozen_pages.update(json.load(fh))
        return _frozen_pages.get(page.file.dest_uri, html)
    return html

