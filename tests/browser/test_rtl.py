"""A site in Danish, English and Arabic (`velkommen new --languages da,en,ar`) at phone width.

Every page of the Arabic build is right to left, passes axe-core's WCAG 2.1
A/AA rules, fits the phone's width without scrolling sideways and asks no
other host for anything. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import pytest

from conftest import run_mkdocs
from velkommen.new_site import new_site

from .browsing import PHONE, SCREENSHOTS, Server, describe_violations, run_axe, site_paths

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def arabic_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rtl") / "site-src"
    new_site(folder, "Prøvekommune", "https://www.example.dk", ["da", "en", "ar"])
    out = folder / "site"
    build = run_mkdocs(folder / "mkdocs.yml", out)
    assert build.returncode == 0, build.stdout + build.stderr
    server = Server(out)
    yield server, out
    server.close()


def test_every_arabic_page_is_right_to_left_accessible_and_fits_a_phone(browser, arabic_server):
    server, out = arabic_server
    paths = [p for p in site_paths(out) if p.startswith("/ar/")]
    assert len(paths) >= 10, paths
    context = browser.new_context(viewport=PHONE)
    foreign: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(server.origin) or r.url.startswith("data:") else foreign.append(r.url))
    failures = []
    try:
        page = context.new_page()
        for path in paths:
            page.goto(server.url(path))
            seen = page.evaluate("""() => ({
                html: document.documentElement.getAttribute('dir'), body: document.body.getAttribute('dir'),
                lang: document.documentElement.lang, direction: getComputedStyle(document.body).direction,
                overflow: document.scrollingElement.scrollWidth - window.innerWidth})""")
            if seen != {"html": "rtl", "body": "rtl", "lang": "ar", "direction": "rtl", "overflow": 0}:
                failures.append(f"{path}: {seen}")
            violations = run_axe(page)
            if violations:
                failures.append(f"{path}:\n{describe_violations(violations)}")
            if path in ("/ar/", "/ar/guide/"):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                name = "home" if path == "/ar/" else "guide"
                page.screenshot(path=str(SCREENSHOTS / f"rtl-ar-{name}-phone.png"))
    finally:
        context.close()
    assert not failures, "\n".join(failures)
    assert not foreign, foreign
