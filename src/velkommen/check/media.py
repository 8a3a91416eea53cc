"""Files under docs/ that are published as they are: images an editor adds.

An SVG is a document, not a picture: opened on its own (its address typed,
or linked), it runs its scripts on the site's origin, where no `<meta>`
policy applies and the browser editor keeps its GitHub token. So an SVG that
could run script or fetch from another host is refused, with its line.
Parsed with defusedxml, which also refuses entity expansion (XML bombs).
"""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from velkommen.check.errors import Problem
from velkommen.render.sanitize import same_site

# Elements that run script, embed another document or hand events to script.
_ACTIVE = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
# Animation that can rewrite a link into `javascript:`.
_ANIMATION = {"set", "animate"}
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]*)|(@import)", re.I)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _elsewhere(url: str) -> bool:
    url = url.strip()
    return not url.startswith("#") and not same_site(url)


def _css_elsewhere(css: str) -> bool:
    """Whether CSS fetches anything beyond this file's own fragments and the site's files."""
    return any(m.group(2) or _elsewhere(m.group(1)) for m in _URL_IN_CSS.finditer(css))


def _line(text: str, needle: str) -> int | None:
    at = text.lower().find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def svg_problems(path: Path, display_name: str) -> list[Problem]:
    """What in one SVG file could run script or reach another host."""
    text = path.read_text(encoding="utf-8", errors="replace")
    fix = "export the image again without scripts, links or embedded content (e.g. 'Plain SVG'), or use a PNG"
    try:
        root = ElementTree.fromstring(text)
    except DefusedXmlException:
        return [Problem(display_name, "the SVG declares XML entities or a document type, which can run away",
                        "remove the <!DOCTYPE …> and <!ENTITY …> lines", line=_line(text, "<!"))]
    except ElementTree.ParseError as exc:
        return [Problem(display_name, f"the SVG is not well-formed XML ({exc})", fix, line=exc.position[0])]
    problems = []

    def refuse(what: str, needle: str) -> None:
        problems.append(Problem(display_name, what, fix, line=_line(text, needle)))

    for element in root.iter():
        tag = _local(element.tag)
        if tag in _ACTIVE:
            written = element.tag.rsplit("}", 1)[-1]
            refuse(f"the SVG contains a <{written}> element, which can run script", f"<{written}")
        if tag in _ANIMATION and _local(element.get("attributeName", "")) == "href":
            refuse(f"the SVG animates a link (<{tag} attributeName=\"href\">)", f"<{tag}")
        if tag == "style" and _css_elsewhere(element.text or ""):
            refuse("the SVG's <style> loads a file from another address (url(…) or @import)", "<style")
        for name, value in element.attrib.items():
            attr = _local(name)
            if attr.startswith("on"):
                refuse(f"the SVG has an event handler ({attr}=…), which runs script", attr)
            elif attr in ("href", "src") and _elsewhere(value):
                refuse(f"the SVG links to another address ({value[:60]})", value[:60])
            elif _css_elsewhere(value) and (attr == "style" or "url(" in value.lower()):
                refuse(f"the SVG's {attr}=… loads a file from another address (url(…))", "url(")
    return problems


def media_problems(docs_dir: Path) -> list[Problem]:
    """Every SVG under docs/ (the browser editor's media folder is docs/assets/images)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.svg")):
        problems += svg_problems(path, f"docs/{path.relative_to(docs_dir).as_posix()}")
    return problems


# Where the build keeps the size of each image the data names (SiteData.derived: file -> (width, height)),
# read once by its checks and used for the pages' width and height.
IMAGE_SIZES = "image_sizes"
_SVG_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$")


def image_size(path: Path) -> tuple[int, int] | None:
    """The width and height an image declares (SVG: width/height or its viewBox; PNG; JPEG), or None."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".svg":
            root = ElementTree.fromstring(path.read_text(encoding="utf-8", errors="replace"))
            width, height = (_SVG_LENGTH.match(root.get(k, "")) for k in ("width", "height"))
            if width and height:
                return round(float(width.group(1))), round(float(height.group(1)))
            box = (root.get("viewBox") or "").replace(",", " ").split()
            if len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0:
                return round(float(box[2])), round(float(box[3]))
            return None
        head = path.read_bytes()[:65536]
        if suffix == ".png" and head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
            return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        if suffix in (".jpg", ".jpeg") and head[:2] == b"\xff\xd8":
            at = 2
            while at + 9 < len(head) and head[at] == 0xFF:
                marker, length = head[at + 1], int.from_bytes(head[at + 2:at + 4], "big")
                if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # a start-of-frame segment
                    return int.from_bytes(head[at + 7:at + 9], "big"), int.from_bytes(head[at + 5:at + 7], "big")
                at += 2 + length
    except (OSError, ValueError, ElementTree.ParseError, DefusedXmlException):
        return None
    return None


# The logo sits on the header, whose colour is the municipality's primary
# colour or the generator's neutral one (theme/assets/stylesheets/velkommen.css).
NEUTRAL_HEADER = "#0b4a6f"
# WCAG 2.1 AA, 1.4.11 non-text contrast: a graphic needed to understand the page, 3:1 against what is next to it.
LOGO_CONTRAST = 3.0
_PAINT = re.compile(r"(?:^|[;{\s])(fill|stroke|stop-color)\s*:\s*([^;}]+)", re.I)
_NO_PAINT = {"none", "transparent", "currentcolor", "inherit", "context-fill", "context-stroke"}


def _svg_colours(path: Path) -> list[tuple[int, int, int]]:
    """The colours an SVG paints with: its fill, stroke and gradient stops (black where a shape names none)."""
    from PIL import ImageColor

    root = ElementTree.fromstring(path.read_text(encoding="utf-8", errors="replace"))
    found: list[str] = []
    shapes = False
    for element in root.iter():
        tag = _local(element.tag)
        values = {(_local(k)): v for k, v in element.attrib.items() if _local(k) in ("fill", "stroke", "stop-color")}
        for prop, value in _PAINT.findall(element.get("style", "") + ";" + (element.text or "" if tag == "style" else "")):
            values[prop.lower()] = value
        found += [v.strip() for v in values.values()]
        shapes = shapes or tag in ("path", "rect", "circle", "ellipse", "polygon", "text")
    colours = []
    for value in found:
        if value.lower() in _NO_PAINT or value.lower().startswith("url("):
            continue
        try:
            colours.append(ImageColor.getrgb(value)[:3])
        except ValueError:
            continue
    if shapes and not colours:
        colours.append((0, 0, 0))  # shapes that name no colour are painted black
    return colours


def _png_colours(path: Path, share: float = 0.1) -> list[tuple[int, int, int]]:
    """The colours that cover at least `share` of a PNG's opaque pixels."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGBA").resize((64, 64))
    pixels = small.tobytes()
    # Each colour rounded to a 16-step grid, so anti-aliased edges count with their shape.
    opaque = [(pixels[i] & 0xF0 | 8, pixels[i + 1] & 0xF0 | 8, pixels[i + 2] & 0xF0 | 8) for i in range(0, len(pixels), 4) if pixels[i + 3] >= 128]
    counts: dict[tuple[int, int, int], int] = {}
    for colour in opaque:
        counts[colour] = counts.get(colour, 0) + 1
    return [c for c, n in counts.items() if n >= share * len(opaque)]


def logo_contrast(path: Path, background: str) -> tuple[float, list[str]] | None:
    """The best contrast any of the logo's main colours reaches on `background`, and those colours; None if none found."""
    from PIL.Image import DecompressionBombError

    from velkommen.model.site import contrast

    try:
        colours = _svg_colours(path) if path.suffix.lower() == ".svg" else _png_colours(path)
    except (OSError, ValueError, ElementTree.ParseError, DefusedXmlException, DecompressionBombError):
        return None  # unreadable, or a PNG too large to open safely: not measured (never a traceback)
    hexes = sorted({"#{:02x}{:02x}{:02x}".format(*c) for c in colours})
    if not hexes:
        return None
    return max(contrast(h, background) for h in hexes), hexes
