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
