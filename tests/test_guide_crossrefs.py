"""Cross-references between steps ("After:", "What comes next:") name only the reader's own steps.

Checked over the shipped data for every base situation with every set of
add-ons, on the situation pages and on the guide page with a situation
chosen. The script's rules are simulated: on a situation page an element
with `data-addon` shows only when one of its add-ons is switched on; on the
guide page an element with `data-situations` shows only when it names one of
the chosen situations. Everything else on the page is visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from itertools import combinations

import pytest

from conftest import ROOT
from velkommen.load.loader import load_site_data
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers
from velkommen.select.guide import steps_for

VOID = {"br", "input", "img", "hr", "wbr", "meta", "link", "source"}
STEP_LINK = re.compile(r"#step-([a-z0-9-]+)$")


@pytest.fixture(scope="module")
def site():
    data = load_site_data(ROOT / "data")
    assert [p for p in data.problems if p.severity == "error"] == [], [p.format() for p in data.problems]
    return data


def _readers(site):
    bases = [s.id for s in site.entries("situations") if s.kind == "base"]
    addons = [s.id for s in site.entries("situations") if s.kind == "addon"]
    for base in bases:
        for n in range(len(addons) + 1):
            for chosen in combinations(addons, n):
                yield base, list(chosen)


@dataclass
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # Node or str
    hidden: bool = False

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _seen(html: str, hidden):
    """The visible steps, their step links by section, and the visible text of each section.

    Applies the script's rules: `hidden(attrs)` for the reader's choice, then a
    list of step links (.vk-refs) with no visible link goes, and the first
    visible link of a list loses its separator (.vk-ref__sep).
    """
    parser = _Tree()
    parser.feed(html)
    nodes = list(parser.root.walk())
    for n in nodes:
        n.hidden = hidden(n.attrs)
    for refs in (n for n in nodes if "vk-refs" in n.classes):
        shown = [r for r in refs.walk() if "vk-ref" in r.classes and not r.hidden]
        refs.hidden = refs.hidden or not shown
        for i, ref in enumerate(shown):
            for sep in (x for x in ref.walk() if "vk-ref__sep" in x.classes):
                sep.hidden = i == 0

    steps, links, texts = [], {}, {}

    def visit(node, step, section):
        if node.hidden:
            return
        if node.tag == "li" and "vk-step" in node.classes:
            step = node.attrs["data-step"]
            steps.append(step)
            links[step] = {"after": [], "next": []}
        if step and node.tag == "dd":
            section = "after"
        if step and "vk-step__next" in node.classes:
            section = "next"
        if step and section and node.tag == "a":
            found = STEP_LINK.search(node.attrs.get("href") or "")
            if found:
                links[step][section].append(found.group(1))
        for c in node.children:
            if isinstance(c, Node):
                visit(c, step, section)
            elif step and section:
                texts[(step, section)] = texts.get((step, section), "") + c

    visit(parser.root, None, None)
    return steps, links, texts


def _expected(site, base, addons):
    mine = steps_for(site.entries("steps"), base, addons)
    ids = [s.id for s in mine]
    after = {s.id: [b for b in s.after if b in ids] for s in mine}
    nexts = {s.id: [x.id for x in mine if s.id in x.after] for s in mine}
    return ids, after, nexts


def _assert_reader_sees_only_their_steps(seen, site, base, addons, lang):
    steps, links, texts = seen
    ids, after, nexts = _expected(site, base, addons)
    reader = f"{base} + {addons or 'no add-ons'} ({lang})"
    assert steps == ids, reader
    after_label = {"da": "Efter:", "de": "Nach:", "en": "After:"}[lang]
    for step_id in ids:
        assert links[step_id]["after"] == after[step_id], f"{reader}: 'After' of {step_id}"
        assert links[step_id]["next"] == nexts[step_id], f"{reader}: 'What comes next' of {step_id}"
        for section in ("after", "next"):
            text = " ".join(texts.get((step_id, section), "").split())
            assert not re.search(r":\s*,|,\s*,|,\s*$", text), f"{reader}: separators of {section} of {step_id}: {text!r}"
        assert (after_label in texts.get((step_id, "after"), "")) == bool(after[step_id]), f"{reader}: 'After' label of {step_id}"


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_a_situation_page_shows_only_the_readers_steps_and_links(site, lang):
    pages = {}
    for base, addons in _readers(site):
        if base not in pages:
            pages[base] = replace_markers(f"<!-- guide:situation {base} -->",
                                          RenderContext(lang, f"guide/for/{base}.md", date(2026, 11, 23), site))
        on = set(addons)

        def hidden(attrs, on=on):
            return "data-addon" in attrs and not set(attrs["data-addon"].split()) & on

        _assert_reader_sees_only_their_steps(_seen(pages[base], hidden), site, base, addons, lang)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_guide_page_with_a_situation_chosen_shows_only_the_readers_steps_and_links(site, lang):
    html = replace_markers("<!-- guide:steps -->", RenderContext(lang, "guide/index.md", date(2026, 11, 23), site))
    for base, addons in _readers(site):
        chosen = {base, *addons}

        def hidden(attrs, chosen=chosen):
            return "data-situations" in attrs and not set(attrs["data-situations"].split()) & chosen

        _assert_reader_sees_only_their_steps(_seen(html, hidden), site, base, addons, lang)


def test_a_situation_page_links_to_no_step_off_the_page(site):
    for base in (s.id for s in site.entries("situations") if s.kind == "base"):
        html = replace_markers(f"<!-- guide:situation {base} -->",
                               RenderContext("en", f"guide/for/{base}.md", date(2026, 11, 23), site))
        on_page = set(re.findall(r'<h3[^>]*\bid="step-([a-z0-9-]+)"', html))
        linked = set(re.findall(r'href="[^"]*#step-([a-z0-9-]+)"', html))
        assert linked <= on_page, (base, linked - on_page)
        assert not re.search(r'href="[^"#]+#step-', html), f"{base}: a step link leaves the page"


def test_a_summary_lists_the_readers_steps_and_opens_its_page_with_its_add_ons(site):
    # A target-group page's summary (e.g. EU citizen + student) links into the situation page; the
    # script shows an add-on's steps there only with ?with=<add-on>, so the links must carry it.
    for base, addons in _readers(site):
        if len(addons) > 1:
            continue  # the marker takes one add-on
        marker = " ".join(["guide:summary", base, *addons])
        html = replace_markers(f"<!-- {marker} -->", RenderContext("en", "target-groups/x.md", date(2026, 11, 23), site))
        links = re.findall(r'<a href="([^"]*)">', html)
        steps = [re.search(r"#step-([a-z0-9-]+)$", h).group(1) for h in links if "#step-" in h]
        assert steps == [s.id for s in steps_for(site.entries("steps"), base, addons)], marker
        query = "".join(f"?with={a}" for a in addons)
        for href in links:
            assert href.split("#")[0].endswith(f"/guide/for/{base}/{query}"), (marker, href)
