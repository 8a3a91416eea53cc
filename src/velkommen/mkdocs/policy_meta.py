"""MkDocs layer: a Content Security Policy `<meta>` in every page.

The policy is built in `velkommen.outputs.csp` from each page's final HTML: it allows
the inline scripts of the theme and our templates by their hashes, never one
in the page's content. So this hook runs after every other hook and plugin
has changed the page (lowest priority), and for the 404 page, which MkDocs
renders as a static template.
"""

from __future__ import annotations

from velkommen.mkdocs.languages import reader_language
from velkommen.outputs.csp import with_policy
from velkommen.render.words import mark_borrowed_words, with_direction


def on_post_page(output, page, config):
    # Borrowed words get their `lang` first: the policy hashes the final inline scripts.
    output = with_direction(mark_borrowed_words(output), reader_language(config))
    return with_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        return with_policy(mark_borrowed_words(output_content))
    return output_content
