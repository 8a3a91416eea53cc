"""What an editor's page may contain, enforced by a well-kept HTML sanitiser.

Pages are Markdown written by editors in git or in the browser editor, so
their HTML (raw HTML, attribute lists, links) is untrusted. After Markdown
has turned a page into HTML, `clean()` keeps only the elements and
attributes below and drops everything else: `<script>`, `<style>`,
`<iframe>`, forms, `on*=` handlers, `style=`, `javascript:` and `data:`
links, and images from other hosts (the site makes no request to another
host). The fragments that data markers add are rendered afterwards by
autoescaped templates (`render.py`), so they are not cleaned here.

The sanitiser is nh3, the Python binding of the Rust crate ammonia, which
parses like a browser (html5ever) instead of matching patterns.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3

# What Markdown and the enabled extensions write, plus the few raw elements
# an editor may use on purpose (see the editors' guide, "HTML in a page").
TAGS = frozenset({
    # text
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite",
    "abbr", "dfn", "kbd", "samp", "var", "time", "span", "div", "a", "img", "figure", "figcaption",
    # lists, tables, disclosure
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "details", "summary",
    # pymdownx.tasklist draws "- [ ]" as a disabled checkbox in a label
    "label", "input",
})

# Removed with everything inside them, not only the tags.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed",
                                  "svg", "math", "textarea", "select", "title"})

ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "data-search-exclude", "aria-hidden", "aria-label"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
}

# Links may leave the site (a click is the reader's choice); images may not.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def same_site(url: str) -> bool:
    """Whether a URL stays on this site: relative, with no scheme and no host."""
    # As a browser reads it: tabs and newlines dropped, "\\" taken for "/" (so "/\\host" is another host).
    url = "".join(ch for ch in url if ch >= " ").strip().replace("\\", "/")
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src" and not same_site(value):
        return None  # an image from another host is a request the reader did not ask for
    if name == "id" and value.startswith(("__", "md-")):
        return None  # ids the theme's script looks up (e.g. #__config): an editor's element must not shadow them
    if tag == "input" and name == "type" and value != "checkbox":
        return None
    return value


def clean(html: str) -> str:
    """The HTML with only the allowed elements, attributes and addresses left."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
