"""What the browser tests share: Debian's Chromium driven by Playwright, a local
HTTP server for a built site, and a watch on everything a page does.

Chromium is Debian's (`/usr/bin/chromium`), never one a test tool downloads.
Playwright's `launch()` gives every browser a fresh, temporary user-data-dir
and every context a fresh, empty profile (no cookies, no storage).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("VELKOMMEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
LANGS = {"da": "/", "de": "/de/", "en": "/en/"}
GUIDE_KEY_PREFIX = "velkommen.guide."


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (make test installs requirements.txt)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    if not AXE_JS.is_file():
        missing.append(f"{AXE_JS.relative_to(ROOT)} (npm ci)")
    return missing


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


# The site over HTTP --------------------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    """Static files; a missing page gets /404.html with status 404, as on GitHub Pages."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".ics": "text/calendar", ".csv": "text/csv"}

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    """A built site served on 127.0.0.1 at a free port, in a thread of this process."""

    def __init__(self, root: Path):
        self.root = root
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name=f"http {root}", daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def site_paths(site: Path) -> list[str]:
    """Every HTML page of a built site as the path a reader's browser asks for."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        if rel.startswith("admin/"):
            continue  # the editors' CMS (vendored Sveltia, its own policy, talks to GitHub): not a page of the site
        paths.append("/" + rel)
    return paths


def language_of(path: str) -> str:
    for lang, prefix in LANGS.items():
        if lang != "da" and path.startswith(prefix):
            return lang
    return "da"


def in_language(path: str, lang: str) -> str:
    """The same page in another language: /de/guide/ -> /en/guide/."""
    rest = path[len(LANGS[language_of(path)]):]
    return LANGS[lang] + rest


# Watching a browser context ------------------------------------------------------------------------

_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__vkCspViolation([e.violatedDirective, e.blockedURI, e.sourceFile + ":" + e.lineNumber, location.href].join(" "));
});
"""


@dataclass
class Watch:
    """Every request, console error, uncaught exception and CSP violation in a browser context."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    def attach(self, context) -> Watch:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.failed.__setitem__(request.url, request.failure or ""))
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught: {error.error}"))
        context.expose_function("__vkCspViolation", lambda text: self.csp.append(text))
        context.add_init_script(_CSP_LISTENER)
        return self

    def _console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            where = message.location.get("url", "") if message.location else ""
            self.errors.append(f"{message.type}: {message.text} ({where})")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not _same_origin(url, self.origin)]

    def clear(self) -> None:
        self.requests.clear()
        self.errors.clear()
        self.csp.clear()
        self.failed.clear()


def _same_origin(url: str, origin: str) -> bool:
    if url.startswith(("data:", "blob:" + origin)):
        return True  # inline data (Material's icons in CSS) and the page's own blobs: no request leaves the browser
    return url == origin or url.startswith(origin + "/")


# Accessibility ---------------------------------------------------------------------------------------

_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + n.html.slice(0, 160)),
  }));
}"""


@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now.

    axe is evaluated through Playwright (the DevTools protocol), which the
    page's Content Security Policy does not govern, so the page keeps its
    policy while axe runs.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"      {node}" for node in v["nodes"]]
    return "\n".join(lines)


# Small helpers -----------------------------------------------------------------------------------------


def wait_until(predicate, timeout: float = 3.0, step: float = 0.05, page=None):
    """Poll until predicate() is truthy; return its last value.

    Give `page` when the predicate reads only what Playwright's events collect:
    the sync API delivers events while it waits, not during time.sleep().
    """
    end = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < end:
        if page is not None:
            page.wait_for_timeout(step * 1000)
        else:
            time.sleep(step)
        value = predicate()
    return value


def active(page) -> dict:
    """The focused element: tag, classes, attributes that identify it, where it is and whether it shows focus."""
    return page.evaluate("""() => {
      const e = document.activeElement;
      if (!e || e === document.body) return {tag: "BODY"};
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      const line = e.getClientRects()[0] || r;  // a link that wraps: the middle of its first line
      const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(line.top + line.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      return {
        tag: e.tagName, cls: e.className && e.className.baseVal === undefined ? e.className : "",
        id: e.id, href: e.getAttribute("href"), for: e.getAttribute("for"), name: e.getAttribute("name"),
        type: e.getAttribute("type"), role: e.getAttribute("role"), hreflang: e.getAttribute("hreflang"),
        text: (e.getAttribute("aria-label") || e.innerText || e.value || "").trim().slice(0, 60),
        rect: [r.left, r.top, r.width, r.height], viewport: [innerWidth, innerHeight],
        inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
        onTop: !!top && (top === e || e.contains(top) || (e.control && e.control === top) || (top.control === e)),
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 ? s.outlineStyle + " " + s.outlineWidth : "",
        shadow: s.boxShadow !== "none" ? s.boxShadow : "",
        visibility: s.visibility, opacity: parseFloat(s.opacity),
      };
    }""")


def url_path(url: str, origin: str) -> str:
    path = url[len(origin):] if url.startswith(origin) else url
    return re.split(r"[?#]", path, maxsplit=1)[0] or "/"


def normalise(path: str) -> str:
    """'/de/guide/index.html' and '/de/guide/' are the same page."""
    return path[: -len("index.html")] if path.endswith("/index.html") else path
