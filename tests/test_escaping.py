"""Nothing an editor writes can inject HTML, script or a javascript: link."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES
from velkommen.load.loader import load_site_data
from velkommen.model.common import Text
from velkommen.render.context import RenderContext, text
from velkommen.render.fragments import REGISTRY
from velkommen.render.markers import replace_markers


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_hostile_texts_render_as_text_never_as_markup(lang):
    site = load_site_data(FIXTURES / "hostile")
    assert site.ok, [p.format() for p in site.problems]
    markers = [m for m in REGISTRY if m.startswith("plan:")]
    html = replace_markers("\n".join(f"<!-- {m} {'commuters' if m == 'plan:target-group' else ''} -->" for m in markers),
                           RenderContext(lang, "plan.md", date(2024, 6, 1), site))
    parsed = _Tags()
    parsed.feed(html)
    assert not {"script", "img", "iframe", "style", "marquee", "em", "b"} & set(parsed.tags)
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    assert not [value for name, value in parsed.attrs if value and value.strip().lower().startswith("javascript:")]
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html, "editor text is not evaluated as a template"
    assert "&amp;lt;already escaped&amp;gt;" in html, "text is escaped exactly once, as written"


def test_a_link_in_data_keeps_its_quotes_escaped():
    site = load_site_data(FIXTURES / "hostile")
    html = replace_markers("<!-- plan:summary -->", RenderContext("da", "plan.md", date(2024, 6, 1), site))
    assert 'href="https://example.dk/?q=&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in html


def test_untranslated_text_is_marked_danish_and_kept_out_of_search():
    html = str(text(Text(da="Borgerservice hjælper dig"), "en"))
    assert html.startswith('<span lang="da" class="vk-untranslated" data-search-exclude>Borgerservice hjælper dig</span>')
    assert "in Danish only" in html


def test_translated_text_is_plain():
    assert str(text(Text(da="Hej", de="Hallo", en="Hello"), "de")) == "Hallo"


def test_paragraphs_in_block_text_are_escaped_one_by_one():
    html = str(text(Text(da="Et <b>afsnit</b>\n\nTo"), "da", block=True))
    assert html == "<p>Et &lt;b&gt;afsnit&lt;/b&gt;</p><p>To</p>"
