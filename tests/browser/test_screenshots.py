"""Screenshots for review: home, guide, a situation page, directory, a town page, contact and plan at phone
width, in each language.

Saved as artifacts/screenshots/<lang>-<page>.png (ignored by git; CI uploads
the folder as an artifact).
"""

from __future__ import annotations

import pytest

from .browsing import LANGS, PHONE, SCREENSHOTS

pytestmark = pytest.mark.browser

PAGES = {"home": "", "guide": "guide/", "situation": "guide/for/commuter-de-dk/", "directory": "community/",
         "town": "community/towns/padborg/", "contact": "contact/", "plan": "plan/"}


@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_at_phone_width(open_context, site_server, lang):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context, watch = open_context(PHONE, device_scale_factor=1)
    page = context.new_page()
    for name, rest in PAGES.items():
        page.goto(site_server.url(LANGS[lang] + rest))
        page.wait_for_load_state("networkidle")
        target = SCREENSHOTS / f"{lang}-{name}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000, target
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{lang} {name} scrolls sideways"
    assert watch.errors == [] and watch.csp == []
