"""Every HTML page of the built site, in all three languages, at phone and desktop width.

One visit per page and width (the two widths in parallel, each in its own
Chromium): axe-core's WCAG 2.0/2.1 A and AA rules, every request the page
makes, console errors, uncaught exceptions, Content Security Policy
violations, cookies and storage. The tests below read that one sweep.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from .browsing import (
    LANGS,
    WIDTHS,
    Server,
    Watch,
    describe_violations,
    in_language,
    language_of,
    launch,
    normalise,
    run_axe,
    site_paths,
    url_path,
)

pytestmark = pytest.mark.browser


@dataclass
class Visit:
    path: str
    status: int
    lang: str = ""
    policy: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requests: int = 0
    local_storage: list[str] = field(default_factory=list)
    scroll_width: int = 0
    feedback: bool = False
    small_targets: list[str] = field(default_factory=list)
    small_text: list[str] = field(default_factory=list)


@dataclass
class Sweep:
    visits: dict[str, Visit]
    cookies: list[dict]
    seconds: float


_READ = """() => ({
  lang: document.documentElement.lang,
  policy: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || null,
  alternates: Object.fromEntries([...document.querySelectorAll("a.vk-lang[hreflang]")].map((a) => [a.hreflang, a.href])),
  localStorage: Object.keys(localStorage),
  scrollWidth: document.documentElement.scrollWidth,
  feedback: !!document.querySelector("#vk-feedback h2") && !!document.querySelector("#vk-feedback a[href]"),
  smallTargets: (() => {
    // Controls outside running text (issue 17: at least 44 px to tap); inline links in a sentence are exempt.
    const out = [];
    const controls = "header a, header button, header label.md-header__button, .md-footer a, .md-path a, .vk-feedback a, "
      + ".vk-tasks a, .md-typeset .md-button, .md-top";
    for (const e of document.querySelectorAll(controls)) {
      const r = e.getBoundingClientRect(), s = getComputedStyle(e);
      if (!r.width || !r.height || s.visibility !== "visible" || parseFloat(s.opacity) === 0) continue;
      if (r.width < 43.5 || r.height < 43.5) {
        out.push(`${e.tagName}.${e.className} "${(e.innerText || e.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out.slice(0, 8);
  })(),
  smallText: (() => {
    // No visible text below 14 px (issue 17: meta text included).
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement;
      if (!n.textContent.trim() || !e || e.closest("svg, script, style, noscript, .vk-sr-only")) continue;
      const r = e.getBoundingClientRect(), s = getComputedStyle(e);
      if (!r.width || !r.height || s.visibility !== "visible" || parseFloat(s.opacity) === 0) continue;
      if (parseFloat(s.fontSize) < 13.95) {
        out.add(`${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${s.fontSize} "${n.textContent.trim().slice(0, 25)}"`);
      }
    }
    return [...out].slice(0, 8);
  })(),
})"""


def visit_every_page(server: Server, paths: list[str], viewport: dict) -> Sweep:
    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    visits = {}
    with sync_playwright() as driver:
        browser = launch(driver)
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(30_000)
        watch = Watch(server.origin).attach(context)
        page = context.new_page()
        for path in paths:
            watch.clear()
            response = page.goto(server.url(path), wait_until="load")
            violations = run_axe(page)  # also gives late scripts time to run and fail
            seen = page.evaluate(_READ)
            visits[path] = Visit(
                path, response.status if response else 0, seen["lang"], seen["policy"],
                {lang: url_path(url, server.origin) for lang, url in seen["alternates"].items()},
                violations, list(watch.errors), list(watch.csp), watch.foreign_requests(), len(watch.requests),
                seen["localStorage"], seen["scrollWidth"], seen["feedback"], seen["smallTargets"], seen["smallText"])
        cookies = context.cookies()
        browser.close()
    return Sweep(visits, cookies, time.monotonic() - started)


@pytest.fixture(scope="session")
def sweep(site_server, built_site) -> dict[str, Sweep]:
    paths = site_paths(built_site)
    with ThreadPoolExecutor(len(WIDTHS)) as pool:
        futures = {name: pool.submit(visit_every_page, site_server, paths, viewport) for name, viewport in WIDTHS.items()}
        return {name: future.result() for name, future in futures.items()}


def _report(problems: dict[str, object]) -> str:
    return "\n".join(f"{path}:\n{text}" for path, text in problems.items())


def test_the_sweep_saw_every_page_in_every_language(sweep, built_site):
    for name, result in sweep.items():
        paths = list(result.visits)
        assert paths == site_paths(built_site)
        for lang in LANGS:
            assert sum(language_of(p) == lang for p in paths) >= 10, (name, lang)
        bad = {p: v.status for p, v in result.visits.items() if v.status != 200}
        assert bad == {}, name


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_has_an_accessibility_violation(sweep, width):
    problems = {path: describe_violations(v.violations) for path, v in sweep[width].visits.items() if v.violations}
    assert not problems, f"axe-core ({width}, WCAG 2.1 A/AA):\n" + _report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_request_goes_to_the_sites_own_origin(sweep, width):
    visits = sweep[width].visits.values()
    assert all(v.requests > 0 for v in visits)
    problems = {v.path: "\n".join(v.foreign) for v in visits if v.foreign}
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_logs_an_error_or_breaks_its_security_policy(sweep, width):
    problems = {v.path: "\n".join(v.csp + v.errors) for v in sweep[width].visits.values() if v.csp or v.errors}
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_browsing_sets_no_cookie_and_stores_nothing(sweep, width):
    assert sweep[width].cookies == []
    problems = {v.path: v.local_storage for v in sweep[width].visits.values() if v.local_storage}
    assert problems == {}


def test_no_page_scrolls_sideways_on_a_phone(sweep):
    wide = {v.path: v.scroll_width for v in sweep["phone"].visits.values() if v.scroll_width > WIDTHS["phone"]["width"]}
    assert wide == {}


def test_every_page_carries_a_strict_policy(sweep):
    for visit in sweep["phone"].visits.values():
        assert visit.policy, f"{visit.path}: no Content-Security-Policy meta tag"
        rules = {part.split()[0]: part.split()[1:] for part in visit.policy.split(";") if part.strip()}
        for directive in ("default-src", "style-src", "font-src", "connect-src"):
            assert rules[directive] == ["'self'"], (visit.path, directive)
        assert rules["img-src"] == ["'self'", "data:"], visit.path
        assert rules["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in rules["script-src"][1:]), visit.path
        assert (rules["object-src"], rules["base-uri"], rules["form-action"]) == (["'none'"], ["'self'"], ["'self'"])
        assert "unsafe" not in visit.policy


def test_every_page_is_in_its_language_and_links_to_itself_in_the_others(sweep):
    visits = sweep["desktop"].visits
    for visit in visits.values():
        if visit.path == "/404.html":
            continue  # one page for every language, each part marked with its own lang
        lang = language_of(visit.path)
        assert visit.lang == lang, visit.path
        # A page built in one language only (the editors' status) links to the other languages' home pages.
        expected = {other: in_language(visit.path, other) if in_language(visit.path, other) in visits else LANGS[other]
                    for other in LANGS}
        assert {k: normalise(v) for k, v in visit.alternates.items()} == expected, visit.path


def test_every_page_asks_whether_it_was_useful(sweep):
    missing = [v.path for v in sweep["phone"].visits.values() if not v.feedback and v.path != "/404.html"]
    assert missing == []


def test_controls_are_at_least_44_pixels_on_a_phone(sweep):
    problems = {v.path: "\n".join(v.small_targets) for v in sweep["phone"].visits.values() if v.small_targets}
    assert not problems, _report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_text_is_smaller_than_14_pixels(sweep, width):
    problems = {v.path: "\n".join(v.small_text) for v in sweep[width].visits.values() if v.small_text}
    assert not problems, _report(problems)
