"""The printed checklist ends with the page's public address and a QR code to it (issue 18)."""

from __future__ import annotations

from conftest import PUBLISHED_URL


def test_a_situation_page_prints_its_own_address_and_qr_code(published_site):
    html = (published_site / "de" / "guide" / "for" / "non-eu" / "index.html").read_text(encoding="utf-8")
    block = html.split('class="vk-qr vk-guide__qr"', 1)[1].split("</figure>", 1)[0]
    assert "<svg" in block
    assert f"{PUBLISHED_URL}de/guide/for/non-eu/" in block


def test_without_a_public_address_the_checklist_prints_no_qr_code(built_site):
    html = (built_site / "en" / "guide" / "for" / "non-eu" / "index.html").read_text(encoding="utf-8")
    assert "vk-guide__qr" not in html
