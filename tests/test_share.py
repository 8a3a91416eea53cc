"""The guide's "move to another device": its pieces are in every guide page, and the QR script is npm's own copy."""

from __future__ import annotations

import pytest

from conftest import ROOT

VENDORED = ROOT / "src" / "velkommen" / "theme" / "assets" / "javascripts" / "vendor" / "qrcode-generator-2.0.4.js"
NPM = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js"


def test_the_vendored_qr_script_is_the_pinned_npm_release_with_its_licence():
    import json

    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["qrcode-generator"] == "2.0.4"
    text = VENDORED.read_text(encoding="utf-8")
    assert "Licensed under the MIT license" in text
    if not NPM.is_file():
        pytest.skip("npm ci has not run")
    assert text == NPM.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["guide/index.html", "en/guide/for/non-eu/index.html", "de/guide/for/eu-eea-swiss/index.html"])
def test_every_guide_page_offers_to_carry_the_progress_and_asks_before_replacing(built_site, path):
    html = (built_site / path).read_text(encoding="utf-8")
    assert 'class="vk-share"' in html and 'class="vk-share__ask"' in html and "vk-share__replace" in html
    script = html.split('data-qr-script="', 1)[1].split('"', 1)[0]
    assert (built_site / path).parent.joinpath(script).resolve() == (built_site / "assets/javascripts/vendor/qrcode-generator-2.0.4.js").resolve()
    assert (built_site / "assets/javascripts/vendor/qrcode-generator-2.0.4.js").is_file()
