"""Markers in Markdown say where data goes: `<!-- plan:timeline -->`.

A marker is an HTML comment `<!-- family:name arg1 arg2 -->`. It is found in
the Markdown (so an unknown marker is reported with its line) and replaced
in the HTML that Markdown produced (so the fragment is never re-parsed as
Markdown).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from velkommen.check.errors import Problem
from velkommen.render.context import RenderContext
from velkommen.render.sanitize import clean

MARKER = re.compile(r"<!--\s*([a-z]+):([a-z][a-z0-9-]*)((?:\s+[^\s>]+)*)\s*-->")

Fragment = Callable[[RenderContext, list[str]], str]


@dataclass(frozen=True)
class MarkerSpec:
    name: str  # "plan:timeline"
    render: Fragment
    args: str  # how the arguments look, for error messages: "" or "<target-group id>"
    check_args: Callable[[RenderContext, list[str]], str | None] | None = None
    about: str = ""


def marker(name: str, args: str = "", check_args: Callable[[RenderContext, list[str]], str | None] | None = None,
           about: str = "") -> Callable[[Fragment], Fragment]:
    """Declare a fragment function's marker; `velkommen.render.fragments.REGISTRY` collects them, module by module."""

    def declare(fn: Fragment) -> Fragment:
        fn.marker_spec = MarkerSpec(name, fn, args, check_args, about)  # type: ignore[attr-defined]
        return fn

    return declare


def registry_of(*modules) -> dict[str, MarkerSpec]:
    """Every marker the fragment modules declare, by name; a name declared twice is a programming error."""
    registry: dict[str, MarkerSpec] = {}
    for module in modules:
        for value in vars(module).values():
            spec = getattr(value, "marker_spec", None)
            if isinstance(spec, MarkerSpec) and spec.render is value:
                if spec.name in registry:
                    raise ValueError(f"the marker {spec.name} is declared twice")
                registry[spec.name] = spec
    return registry


def _registry() -> dict[str, MarkerSpec]:
    from velkommen.render.fragments import REGISTRY  # the fragment modules import this one

    return REGISTRY


def one_id(what: str, source: str, ids: Callable[[RenderContext], list[str]],
           second: tuple[str, Callable[[RenderContext], list[str]]] | None = None
           ) -> Callable[[RenderContext, list[str]], str | None]:
    """An argument check: one id from `ids`, and optionally a second one (e.g. an add-on)."""

    def check(ctx: RenderContext, args: list[str]) -> str | None:
        known = ids(ctx)
        if not args or args[0] not in known or len(args) > (2 if second else 1):
            return f"it needs one {what} from {source} (known: {', '.join(known)})"
        if second and len(args) == 2:
            label, second_ids = second
            extra = second_ids(ctx)
            if args[1] not in extra:
                return f"'{args[1]}' is not {label} (known: {', '.join(extra)})"
        return None

    return check


@dataclass(frozen=True)
class Found:
    name: str
    args: list[str]
    line: int
    text: str


def find_markers(markdown: str) -> list[Found]:
    found = []
    for m in MARKER.finditer(markdown):
        line = markdown.count("\n", 0, m.start()) + 1
        found.append(Found(f"{m.group(1)}:{m.group(2)}", m.group(3).split(), line, m.group(0)))
    return found


def check_markers(markdown: str, ctx: RenderContext, file: str) -> list[Problem]:
    """One problem per unknown marker or bad argument, with the page's file and line."""
    problems = []
    registry = _registry()
    for f in find_markers(markdown):
        spec = registry.get(f.name)
        if spec is None:
            close = sorted(n for n in registry if n.split(":")[0] == f.name.split(":")[0]) or sorted(registry)
            problems.append(Problem(file, f"unknown marker '{f.text}'", f"use one of: {', '.join(close)}", line=f.line))
            continue
        if spec.check_args:
            wrong = spec.check_args(ctx, f.args)
            if wrong:
                problems.append(Problem(file, f"marker '{f.text}': {wrong}",
                                        f"write it as <!-- {spec.name} {spec.args} -->".replace("  ", " "), line=f.line))
    return problems


def replace_markers(html: str, ctx: RenderContext) -> str:
    """The page's HTML, sanitised, with every known marker replaced by its fragment.

    The page's own HTML (an editor's) is cleaned first and the fragments
    (autoescaped templates) are put in afterwards, so cleaning never touches
    them, and nothing an editor writes can pass for a fragment: each marker is
    held by a placeholder that contains a secret of this call.
    """
    # Markdown wraps a marker on its own line in nothing, or in <p> when inline.
    html = re.sub(r"<p>\s*(" + MARKER.pattern + r")\s*</p>", lambda m: m.group(1), html)
    nonce = secrets.token_hex(8)
    held: list[str] = []
    registry = _registry()

    def hold(m: re.Match[str]) -> str:
        spec = registry.get(f"{m.group(1)}:{m.group(2)}")
        if spec is None:
            return m.group(0)
        held.append(spec.render(ctx, m.group(3).split()))
        return f"vk-fragment-{nonce}-{len(held) - 1}."

    html = clean(MARKER.sub(hold, html))
    return re.sub(rf"vk-fragment-{nonce}-(\d+)\.", lambda m: held[int(m.group(1))], html)
