"""The welcome package: the letter's QR code leads to the site in its language, and the letter prints on one A4 page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from conftest import PUBLISHED_URL as SITE_URL
from velkommen.outputs import qr

LANGS = {"da": "", "de": "de/", "en": "en/"}


def letter(site: Path, lang: str) -> str:
    return (site / LANGS[lang] / "welcome" / "letter" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_qr_code_decodes_to_the_site_in_the_letters_language(lang):
    url = SITE_URL + LANGS[lang]
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.png(url))))
    assert found.text == url


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_page_carries_that_qr_code_and_the_address_written_out(published_site, lang):
    html = letter(published_site, lang)
    url = SITE_URL + LANGS[lang]
    page_svg = re.search(r"<svg[^>]*vk-qr__code.*?</svg>", html, re.S).group(0)
    expected = re.search(r"<svg.*?</svg>", qr.svg(url, "x"), re.S).group(0)
    # The same modules as the code that decodes to the URL (the title differs by language).
    assert re.search(r' d="([^"]+)"', page_svg).group(1) == re.search(r' d="([^"]+)"', expected).group(1)
    assert f'<a href="{url}" class="vk-qr__url">{url}</a>' in html


@pytest.fixture(scope="module")
def served(built_site):
    handler = partial(SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.parametrize("lang", LANGS)
def test_the_letter_prints_on_one_a4_page(served, tmp_path, lang):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is needed (installed by .ci/run)"
    pdf = tmp_path / "letter.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", f"{served}{LANGS[lang]}welcome/letter/"],
                   check=True, capture_output=True, timeout=120)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages == 1, f"the {lang} letter prints on {pages} pages"
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox [0 0 594" in data, "A4 (595 × 842 pt)"
