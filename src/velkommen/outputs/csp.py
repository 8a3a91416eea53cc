"""The Content Security Policy of every page, as a `<meta http-equiv>` tag.

GitHub Pages sends no headers of our choosing, so each page carries its own
policy: scripts, styles, fonts, images, workers and fetches from the site's
own origin only; no plugins, no `<base>` elsewhere, forms only to the site.
The theme's few inline scripts (Material's `__md_scope` helpers, which differ
by page depth) are allowed one by one by the SHA-256 of their exact text, so
the policy needs no 'unsafe-inline' for scripts. `<style>` elements, if any,
are allowed the same way; `style="…"` attributes cannot be allowed without
'unsafe-inline' (or 'unsafe-hashes'), so `style_attributes` finds them for a
test to forbid. Images may be `data:` URIs: Material draws its icons with
CSS masks of inline SVGs (`url("data:image/svg+xml,…")`).

Plain functions on strings; the MkDocs hook is `velkommen/mkdocs/policy_meta.py`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

# Script types a browser executes (HTML's "JavaScript MIME type essence match", plus module).
_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CHARSET = re.compile(r"<meta\b[^>]*\bcharset\s*=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)\b([^<>]*)>")


def _attributes(text: str) -> dict[str, str]:
    attrs = {}
    for match in _ATTR.finditer(text):
        name = match.group(1).lower()
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        attrs.setdefault(name, value)
    return attrs


def inline_scripts(html: str) -> list[str]:
    """The text of each inline `<script>` the browser would run (not `src=`, not JSON data)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = _attributes(match.group(1))
        if "src" in attrs:
            continue
        if attrs.get("type", "").strip().lower() not in _JS_TYPES:
            continue
        found.append(match.group(2))
    return found


def inline_styles(html: str) -> list[str]:
    """The text of each `<style>` element."""
    return [match.group(2) for match in _STYLE.finditer(html)]


def style_attributes(html: str) -> list[str]:
    """Tags with a `style="…"` attribute, which a policy without 'unsafe-inline' blocks."""
    return [match.group(0) for match in _TAG.finditer(html) if "style" in _attributes(match.group(2))]


def source_hash(text: str) -> str:
    """A CSP source expression for exactly this inline text: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def policy(script_hashes: list[str] = (), style_hashes: list[str] = ()) -> str:
    """The policy text for a page whose inline scripts and styles have these hashes."""
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *_unique(list(script_hashes))]),
        ("style-src", ["'self'", *_unique(list(style_hashes))]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("frame-src", ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def policy_for(html: str, content: str = "") -> str:
    """The policy for this page: the inline scripts and styles of its templates, nothing else inline.

    `content` is the part of the page that came from its Markdown (and the
    data fragments in it). Its scripts are never allowed, even if something
    slipped past the sanitiser: they are left out before hashing.
    """
    templates = _without(html, content)
    return policy([source_hash(s) for s in inline_scripts(templates)],
                  [source_hash(s) for s in inline_styles(templates)])


def _without(html: str, content: str) -> str:
    if not content:
        return html
    if content in html:
        return html.replace(content, "", 1)
    # The theme changed the content on its way into the page: refuse its scripts one by one instead.
    refused = set(inline_scripts(content)) | set(inline_styles(content))
    kept = [m.group(0) for m in _SCRIPT.finditer(html) if m.group(2) not in refused]
    return "".join(kept) + "".join(m.group(0) for m in _STYLE.finditer(html) if m.group(2) not in refused)


def meta_tag(text: str) -> str:
    value = escape(text, quote=False).replace('"', "&quot;")  # single quotes stay readable
    return f'<meta http-equiv="Content-Security-Policy" content="{value}">'


def with_policy(html: str, content: str = "") -> str:
    """The page with its policy as the first thing the browser reads after the charset.

    A `<meta>` policy governs only what comes after it, so it goes before any
    script or stylesheet. Every page gets it, whatever its text says: a second
    policy could only narrow what this one allows. A page with no `<head>` is
    returned unchanged.
    """
    tag = meta_tag(policy_for(html, content))
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + tag + html[anchor.end():]
