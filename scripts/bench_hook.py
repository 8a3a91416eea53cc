"""Benchmark-only MkDocs hook: time each language build and the project's own hooks.

Added first to a copy of mkdocs.yml by scripts/bench.py; never part of the site.
Writes a JSON summary to $BENCH_OUT when the whole (all-language) build ends.
"""

from __future__ import annotations

import functools
import json
import os
import time

from mkdocs.plugins import event_priority

_hook_seconds = 0.0
_languages: dict[str, float] = {}
_stack: list[tuple[str, float]] = []
_wrapped = False


def _timed(fn):
    @functools.wraps(fn)
    def run(*args, **kwargs):
        global _hook_seconds
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _hook_seconds += time.perf_counter() - start
    return run


@event_priority(10_000)
def on_config(config):
    # Wrap every event of the project's hooks (modules loaded from hooks/*.py).
    global _wrapped
    if not _wrapped:
        for methods in config.plugins.events.values():
            for i, method in enumerate(methods):
                module = getattr(method, "__module__", "") or ""
                if module.startswith(("hooks/", "hooks\\")) or "/hooks/" in module:
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
            json.dump({"languages": _languages, "hooks": _hook_seconds}, fh)
