"""The municipality's look from its data: colours as a stylesheet the pages load after the generator's own.

A file, not a `style` attribute or element: the pages' Content Security Policy
allows stylesheets from the site only. Without colours in the data the file
changes nothing (the generator's neutral blue stays).
"""

from __future__ import annotations

from typing import Any

IDENTITY_CSS = "assets/stylesheets/identity.css"


def _darker(hex_colour: str, by: float = 0.3) -> str:
    channels = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - by)):02x}" for c in channels)


def identity_css(municipality: Any) -> str:
    colours = municipality.colours if municipality else None
    if colours is None:
        return "/* No colours of the municipality's own in data/municipality.yaml: the generator's neutral ones apply. */\n"
    lines = [f"  --md-primary-fg-color: {colours.primary};", f"  --md-primary-fg-color--light: {colours.primary};",
             f"  --md-primary-fg-color--dark: {_darker(colours.primary)};", f"  --md-typeset-a-color: {colours.primary};",
             f"  --vk-info-border: {colours.primary};"]
    if colours.accent:
        lines += [f"  --md-accent-fg-color: {colours.accent};", f"  --vk-focus: {colours.accent};"]
    return ("/* The municipality's colours (data/municipality.yaml), checked for WCAG 2.1 AA when the data is read. */\n"
            ":root,\n[data-md-color-scheme=\"default\"] {\n" + "\n".join(lines) + "\n}\n")
