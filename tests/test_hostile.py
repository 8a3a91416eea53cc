"""An editor with edit access tries every way in: nothing reaches a page in a live form.

The hostile site (tests/fixtures/hostile_site) is valid data and valid pages
full of attacks; it must build strictly, and every attack must arrive as text
or not at all, in all three languages. Attacks that must be refused (an SVG
with script, an alias bomb, a page path outside docs/) are checked beside it.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_mkdocs
from velkommen.build import page_problems
from velkommen.load.loader import load_site_data
from velkommen.load.yamlsource import parse_yaml

HOSTILE = FIXTURES / "hostile_site"
LANGS = {"da": "", "de": "de/", "en": "en/"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("hostile")
    result = run_mkdocs(HOSTILE / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Live(HTMLParser):
    """What in a page could run script or fetch from another host."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            # Inline scripts a browser runs; JSON data (Material's config, schema.org JSON-LD) is not run.
            self._in_script = "src" not in attrs and attrs.get("type") not in ("application/json", "application/ld+json")
        if tag in ("iframe", "object", "embed", "style", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if name == "style":
                self.found.append(f"{tag} style={value}")
            if name in ("href", "src", "action") and value and re.sub(r"\s", "", value).lower().startswith(("javascript:", "data:text")):
                self.found.append(f"{tag} {name}={value}")
            fetched = tag in ("img", "script") or (tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload"))
            if fetched and name in ("src", "href") and value and re.match(r"^\s*(https?:)?[/\\]{2}", value):
                self.found.append(f"{tag} {name}={value} (another host)")

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("admin/"))


def _live(html: str) -> _Live:
    parser = _Live()
    parser.feed(html)
    return parser


def test_the_hostile_site_builds_and_no_page_has_live_markup_from_content(hostile):
    pages = _pages(hostile)
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        live = _live(html)
        assert live.found == [], (path, live.found)
        article = html.split("<article", 1)[-1].split("</article>", 1)[0]
        assert _live(article).found == [], (path, _live(article).found)
        # Every inline script is one the theme or our templates wrote, never an editor's.
        for script in live.scripts:
            assert "alert" not in script and "__vkRaw" not in script, (path, script)


@pytest.mark.parametrize("lang", LANGS)
def test_titles_from_front_matter_and_headings_are_text_in_title_and_navigation(hostile, lang):
    page = (hostile / LANGS[lang] / "front-matter" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; - " in page
    assert page.count("<title>") == 1 and page.count("</title>") == 1
    heading = (hostile / LANGS[lang] / "heading" / "index.html").read_text(encoding="utf-8")
    assert "<title>Overskrift &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in heading
    # Every page of the language names the other pages in its navigation: still text there.
    home = (hostile / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in home
    assert "<script>alert" not in home


def test_a_harmless_title_with_angle_brackets_keeps_every_page_well_formed(hostile):
    page = (hostile / "harmless" / "index.html").read_text(encoding="utf-8")
    assert "<title>Børn &lt;3 &amp; &lt;unge&gt; - " in page
    home = (hostile / "index.html").read_text(encoding="utf-8")
    assert "Børn &lt;3 &amp; &lt;unge&gt;" in home and "<unge>" not in home


def test_front_matter_cannot_break_out_of_attributes(hostile):
    page = (hostile / "front-matter" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="&#34;&gt;&lt;script&gt;alert(&#39;description&#39;)&lt;/script&gt;">' in page
    assert '<meta name="robots" content="&#34;&gt;&lt;script&gt;alert(&#39;robots&#39;)&lt;/script&gt;">' in page


class _Heading(HTMLParser):
    """The tags inside the page's <h1> and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[tuple[str, dict]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self.depth:
            self.depth = 1
        elif self.depth:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "h1":
            self.depth = 0

    def handle_data(self, data):
        if self.depth and data != "¶":
            self.text += data


def _h1(html: str) -> _Heading:
    parsed = _Heading()
    parsed.feed(html.split("<article", 1)[1])
    return parsed


@pytest.mark.parametrize("lang", LANGS)
def test_data_names_in_generated_pages_are_text_not_markdown(hostile, lang):
    for page in ("guide/for/eu", "community/towns/evil-town"):
        heading = _h1((hostile / LANGS[lang] / page / "index.html").read_text(encoding="utf-8"))
        # Only the permalink MkDocs adds: no link, image or attribute from the name.
        assert [(t, a.get("class")) for t, a in heading.tags] == [("a", "headerlink")], (page, heading.tags)
    town = _h1((hostile / LANGS[lang] / "community" / "towns" / "evil-town" / "index.html").read_text(encoding="utf-8"))
    danish = "By [x](javascript:alert(1)) ![p](https://other.host/p.png) {: onclick=alert(1) }"
    expected = {"da": danish, "de": f"{danish} (<script>alert('town')</script>)",
                "en": f"{danish} (Town <script>alert('newline')</script>)"}
    assert town.text == expected[lang]
    situation = _h1((hostile / LANGS[lang] / "guide" / "for" / "eu" / "index.html").read_text(encoding="utf-8"))
    assert situation.text.endswith({"da": "EU [x](javascript:alert(1)) ![p](https://other.host/p.png) {: onclick=alert(1) }",
                                    "de": "</title><script>alert('situation')</script>",
                                    "en": "EU *citizen* <img src=x onerror=alert(1)>"}[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_raw_html_in_a_page_keeps_only_what_editors_may_write(hostile, lang):
    html = (hostile / LANGS[lang] / "raw-html" / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    for gone in ("__vkRaw", "onerror", "javascript:", "<iframe", "other.host", "style=", "__config", "<form",
                 "<button", "<svg", "display: none", "onclick"):
        assert gone not in article, gone
    assert "<details><summary>Tilladt</summary>" in article
    assert '<abbr title="Det Centrale Personregister">CPR</abbr>' in article and "<kbd>Ctrl</kbd>" in article
    assert '<a href="https://www.borger.dk/">Et link til borger.dk</a>' in article
    assert re.search(r'<img alt="Eget billede" src="(\.\./)+assets/ok\.png">', article)


def test_a_policy_look_alike_in_a_page_does_not_switch_the_policy_off(hostile):
    for lang in LANGS:
        html = (hostile / LANGS[lang] / "index.html").read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="default-src', head)
        assert "unsafe-inline" not in html.split("</head>", 1)[0]


def test_links_to_actions_of_any_plan_keep_working_on_the_day_the_next_plan_starts(tmp_path):
    for day in ("2026-12-31", "2027-01-01", "2029-06-01"):
        result = run_mkdocs(HOSTILE / "mkdocs.yml", tmp_path / day, VELKOMMEN_BUILD_DATE=day)
        assert result.returncode == 0, (day, result.stdout + result.stderr)
        plan = (tmp_path / day / "plan" / "index.html").read_text(encoding="utf-8")
        for action in ("only-now", "only-next", "shared-action"):
            assert f'id="action-{action}"' in plan, (day, action)


def test_a_link_to_an_action_of_no_plan_is_found_by_the_check_with_page_and_line(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(HOSTILE / "docs", docs)
    page = docs / "de" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Alt](plan.md#action-only-nowx)\n", encoding="utf-8")
    site = load_site_data(HOSTILE / "data")
    problems = [p for p in page_problems(site, docs) if "action" in p.problem]
    assert len(problems) == 1, [p.format() for p in problems]
    message = problems[0].format()
    assert "docs/de/index.md:12" in message
    assert "'#action-only-nowx' names an action that is in no plan" in message
    assert "did you mean '#action-only-now'?" in message


@pytest.mark.parametrize("field", ["name_da", "description_da"])
def test_spreadsheet_formulas_in_the_open_data_csv_are_neutralised(hostile, field):
    rows = list(csv.DictReader(io.StringIO((hostile / "data" / "directory.csv").read_text(encoding="utf-8"))))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    by_id = {r["id"]: r for r in rows}
    assert by_id["formula"]["name_da"] == "'=HYPERLINK(\"https://other.host/\",\"Klik\")"
    assert by_id["at-sign"][field].startswith("'")
    assert by_id["formula"]["phone"] == "'+45 12 34 56 78"


def test_the_open_data_json_keeps_the_text_as_written(hostile):
    text = (hostile / "data" / "directory.json").read_text(encoding="utf-8")
    assert '"=HYPERLINK(\\"https://other.host/\\",\\"Klik\\")"' in text


# Refused with a message --------------------------------------------------------------------------

BAD_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<script>alert(document.domain)</script>
<rect onload="alert(1)" width="10" height="10"/>
<image href="https://other.host/p.png"/>
<a xlink:href="javascript:alert(1)"><text>x</text></a>
<style>@import url(https://other.host/x.css);</style>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
</svg>
"""

GOOD_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<defs><linearGradient id="g"/></defs><rect style="fill:url(#g)" width="10" height="10"/><use xlink:href="#g"/>
</svg>
"""

XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>
"""


def test_an_svg_that_could_run_script_or_fetch_elsewhere_is_refused_line_by_line(tmp_path):
    from velkommen.check.media import media_problems

    images = tmp_path / "da" / "assets" / "images"
    images.mkdir(parents=True)
    (images / "bad.svg").write_text(BAD_SVG, encoding="utf-8")
    (images / "good.svg").write_text(GOOD_SVG, encoding="utf-8")
    (images / "bomb.svg").write_text(XML_BOMB, encoding="utf-8")
    problems = media_problems(tmp_path)
    found = {(p.file, p.line): p.problem for p in problems}
    bad = "docs/da/assets/images/bad.svg"
    assert found[(bad, 2)] == "the SVG contains a <script> element, which can run script"
    assert "event handler (onload=…)" in found[(bad, 3)]
    assert "links to another address (https://other.host/p.png)" in found[(bad, 4)]
    assert "links to another address (javascript:alert(1))" in found[(bad, 5)]
    assert "loads a file from another address" in found[(bad, 6)]
    assert "<foreignObject>" in found[(bad, 7)]
    assert "entities" in found[("docs/da/assets/images/bomb.svg", 2)]
    assert not [p for p in problems if p.file.endswith("good.svg")]


def test_a_build_with_a_hostile_svg_stops_with_the_message_and_no_traceback(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(HOSTILE, site)
    (site / "mkdocs.yml").write_text((HOSTILE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../", f"{ROOT}/"),
                                     encoding="utf-8")
    (site / "docs" / "da" / "assets" / "logo.svg").write_text(BAD_SVG, encoding="utf-8")
    result = run_mkdocs(site / "mkdocs.yml", tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/da/assets/logo.svg:2" in output and "<script> element" in output
    assert "Traceback" not in output


def test_an_alias_bomb_stops_reading_at_once_with_the_file_and_line():
    bomb = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n"
    for name, prev in zip("bcdefghi", "abcdefgh"):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    doc, problems = parse_yaml(bomb, "data/plans/bomb.yaml")
    assert doc is None and len(problems) == 1
    message = problems[0].format()
    assert message.startswith("ERROR data/plans/bomb.yaml:")
    assert "aliases (*…) in this file repeat more than 100,000 values" in message


def test_a_single_alias_for_a_repeated_value_still_works():
    doc, problems = parse_yaml("lead: &team {da: Teamet}\nother: *team\n", "data/x.yaml")
    assert problems == [] and doc.data == {"lead": {"da": "Teamet"}, "other": {"da": "Teamet"}}


@pytest.mark.parametrize("path", ["../../mkdocs.yml", "/etc/passwd.md", "../de/index.md", "index.html"])
def test_a_target_group_page_must_stay_inside_the_source_language_folder(tmp_path, path):
    data = tmp_path / "data"
    shutil.copytree(HOSTILE / "data", data)
    (data / "target_groups.yaml").write_text(
        f"target_groups:\n  - id: commuters\n    name: {{da: Pendlere}}\n    page: {path!r}\n", encoding="utf-8")
    problems = [p for p in page_problems(load_site_data(data), HOSTILE / "docs") if p.field]
    assert len(problems) == 1, [p.format() for p in problems]
    assert "is not a page inside docs/da/" in problems[0].problem
    assert problems[0].line == 4


def test_a_refused_id_is_not_offered_as_a_suggestion(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    (data / "directory" / "towns.yaml").write_text(
        "towns:\n  - id: padborg\n    name: {da: Padborg}\n  - id: Rødekro\n    name: {da: Rødekro}\n", encoding="utf-8")
    entries = data / "directory" / "entries" / "padborg.yaml"
    entries.write_text(entries.read_text(encoding="utf-8").replace("town: padborg", "town: rodekro"), encoding="utf-8")
    messages = [p.format() for p in load_site_data(data).problems]
    ref = next(m for m in messages if "'rodekro' is not the id of any town" in m)
    assert "Rødekro" not in ref and "use one of: padborg" in ref


def test_the_site_names_come_from_the_data_per_language_as_text(hostile):
    de = (hostile / "de" / "index.html").read_text(encoding="utf-8")
    assert "<title>Forside - &lt;/title&gt;&lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt;</title>" in de
    assert 'aria-label="&lt;/title&gt;&lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt;"' in de
    da = (hostile / "index.html").read_text(encoding="utf-8")
    assert "Velkommen &lt;til&gt; &amp; &#34;Hostile&#34;" in da
    assert 'title="Velkommen &lt;til&gt; &amp; &#34;Hostile&#34;"' in da  # Material's own `| e`: not escaped twice
    # English has no name of its own: the Danish one, as text.
    assert "<title>Forside - Velkommen &lt;til&gt; &amp; &#34;Hostile&#34;</title>" in (hostile / "en" / "index.html").read_text(encoding="utf-8")
