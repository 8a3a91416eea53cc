"""The Content Security Policy: the pure functions, and the policy each built page carries."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape

from velkommen.outputs import csp

PAGE = """<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <script>__md_scope=new URL("..",location)</script>
    <script id="__config" type="application/json">{"base": ".."}</script>
    <script src="assets/bundle.js"></script>
  </head>
  <body><script type="module">go()</script></body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_inline_scripts_are_those_the_browser_runs():
    assert csp.inline_scripts(PAGE) == ['__md_scope=new URL("..",location)', "go()"]


def test_json_data_and_external_scripts_are_not_inline_scripts():
    assert csp.inline_scripts('<script type="application/json">{}</script><script src="a.js"></script>') == []
    assert csp.inline_scripts("<script type='text/javascript'>a()</script>") == ["a()"]


def test_the_hash_is_sha256_of_the_exact_text_in_base64():
    assert csp.source_hash("alert(1)") == sha("alert(1)")
    assert csp.source_hash("æøå") == sha("æøå")


def test_the_policy_allows_only_the_sites_own_origin_and_the_hashed_scripts():
    rules = directives(csp.policy([sha("a()")]))
    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"] == ["'self'", sha("a()")]
    assert rules["style-src"] == ["'self'"]
    assert rules["font-src"] == ["'self'"]
    assert rules["img-src"] == ["'self'", "data:"]
    assert rules["object-src"] == ["'none'"]
    assert rules["base-uri"] == ["'self'"]
    assert rules["form-action"] == ["'self'"]
    assert not any("unsafe" in source for sources in rules.values() for source in sources)


def test_the_same_inline_script_twice_is_hashed_once():
    rules = directives(csp.policy([sha("a()"), sha("a()")]))
    assert rules["script-src"] == ["'self'", sha("a()")]


def test_style_elements_are_allowed_by_their_hash():
    rules = directives(csp.policy_for("<head><style>p{color:red}</style></head>"))
    assert rules["style-src"] == ["'self'", sha("p{color:red}")]


def test_style_attributes_are_found():
    assert csp.style_attributes('<p style="color:red">a</p><p>b</p>') == ['<p style="color:red">']
    assert csp.style_attributes('<p class="x" data-style="y">') == []


def test_the_policy_comes_right_after_the_charset_before_any_script():
    html = csp.with_policy(PAGE)
    head = html.split("<head>", 1)[1]
    assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="', head)
    content = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert directives(content)["script-src"] == ["'self'", sha('__md_scope=new URL("..",location)'), sha("go()")]


def test_a_policy_look_alike_in_the_text_does_not_switch_the_policy_off():
    fake = '<!-- <meta http-equiv="Content-Security-Policy" content="script-src *"> -->'
    page = PAGE.replace("<body>", "<body>" + fake)
    html = csp.with_policy(page)
    head = html.split("<head>", 1)[1]
    assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="default-src', head)


def test_scripts_in_the_content_are_never_allowed():
    content = "<p>Hi</p><script>steal()</script>"
    page = PAGE.replace("<body>", "<body>" + content)
    rules = directives(unescape(re.search(r'content="([^"]*)"', csp.with_policy(page, content)).group(1)))
    assert sha("steal()") not in rules["script-src"]
    assert rules["script-src"] == ["'self'", sha('__md_scope=new URL("..",location)'), sha("go()")]


def test_content_the_theme_changed_on_its_way_is_still_refused_script_by_script():
    page = PAGE.replace("<body>", "<body><div><p>Hi</p><script>steal()</script></div>")
    rules = directives(csp.policy_for(page, "<p>Hi</p>\n<script>steal()</script>"))
    assert sha("steal()") not in rules["script-src"]
    assert sha("go()") in rules["script-src"]


def test_without_a_head_the_page_is_left_alone():
    assert csp.with_policy("<p>fragment</p>") == "<p>fragment</p>"


def test_the_meta_tag_keeps_single_quotes_and_escapes_double_quotes():
    assert csp.meta_tag("a 'self' \"x\"") == '<meta http-equiv="Content-Security-Policy" content="a \'self\' &quot;x&quot;">'


# The built site ---------------------------------------------------------------------------------


def _policy(html: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert match, "no Content-Security-Policy meta tag"
    return unescape(match.group(1))


def test_every_built_page_carries_a_policy_with_the_hash_of_each_inline_script(built_site):
    # /admin/ is the editors' CMS with its own policy (tests/test_cms.py), not a page of the site.
    pages = sorted(p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("admin/"))
    assert built_site / "404.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        rules = directives(_policy(html))
        hashes = {csp.source_hash(s) for s in csp.inline_scripts(html)}
        assert hashes, path  # Material's own helpers are always there
        assert set(rules["script-src"]) == {"'self'"} | hashes, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        assert html.index("Content-Security-Policy") < html.index("<link"), path


def test_no_page_has_a_style_attribute_that_would_need_unsafe_inline(built_site):
    offenders = {}
    for path in sorted(built_site.rglob("*.html")):
        found = csp.style_attributes(path.read_text(encoding="utf-8"))
        if found:
            offenders[path.relative_to(built_site).as_posix()] = found[:3]
    assert offenders == {}
