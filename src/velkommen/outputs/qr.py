"""QR codes for print: the welcome letter links to the site in its own language.

Generated at build time by segno (no request to another host); the SVG is
inlined in the page, so it prints sharply at any size.
"""

from __future__ import annotations

import io

import segno


def make(url: str) -> segno.QRCode:
    # Error correction M survives a crease or a coffee ring on a printed letter.
    return segno.make(url, error="m", micro=False)


def svg(url: str, title: str) -> str:
    """An inline SVG of the QR code with an accessible title."""
    return make(url).svg_inline(scale=4, border=4, dark="#000", light="#fff", title=title, svgclass="vk-qr__code",
                                omitsize=True)


def png(url: str, scale: int = 6) -> bytes:
    out = io.BytesIO()
    make(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
