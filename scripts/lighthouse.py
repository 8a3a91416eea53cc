"""Lighthouse on the built site (a benchmark: prints figures; --strict makes missed targets fail).

    make lighthouse
    python scripts/lighthouse.py --site site --pages guide/ --langs en

Builds the site once (build date fixed, so the figures are comparable) unless
--site names a built one, serves it on 127.0.0.1 with gzip and GitHub Pages'
caching header (GitHub Pages compresses; the transfer sizes are what a reader
downloads), and runs Lighthouse from node_modules (pinned in package.json) in
its default mobile mode with Debian's Chromium on the home, guide, directory
and plan pages of each language. It prints the four category scores, the
bytes each page transfers on a first visit, and the audits that cost points.

Targets: accessibility 100, best practices 100, SEO >= 95, performance >= 95,
and a guide page's first visit <= 200 KB compressed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")
BUILD_DATE = "2026-11-23"
LANGS = {"da": "", "de": "de/", "en": "en/"}
PAGES = {"home": "", "guide": "guide/", "directory": "community/", "plan": "plan/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 95}
GUIDE_BUDGET = 200 * 1024
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".map"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files like GitHub Pages serves them: gzip for text, `Cache-Control: max-age=600`, 404.html."""

    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml"}
    _cache: dict[Path, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        headers = {"Content-Type": self.guess_type(str(path)), "Cache-Control": "max-age=600", "Vary": "Accept-Encoding"}
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            if path not in self._cache:
                self._cache[path] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self._cache[path]
            headers["Content-Encoding"] = "gzip"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VELKOMMEN_BUILD_DATE": BUILD_DATE}
    env.pop("SITE_URL", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


def serve(site: Path) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run (mobile, simulated throttling) in a fresh Chromium profile; its JSON report."""
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    categories = report["categories"]
    scores = {c: round(categories[c]["score"] * 100) for c in CATEGORIES}
    lost = []
    for c in CATEGORIES:
        for ref in categories[c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{c}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
    requests = report["audits"]["network-requests"]["details"]["items"]
    return {
        "scores": scores,
        "bytes": int(report["audits"]["total-byte-weight"]["numericValue"]),
        "requests": len(requests),
        "largest": sorted(((r.get("transferSize", 0), r["url"]) for r in requests), reverse=True)[:3],
        "lcp": report["audits"]["largest-contentful-paint"]["displayValue"],
        "lost": lost,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one with the fixed build date)")
    parser.add_argument("--langs", nargs="*", default=list(LANGS), choices=list(LANGS))
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit("Lighthouse is missing: run `npm ci` (or `make lighthouse`).")

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            print(f"Building the site (build date {BUILD_DATE}) …", flush=True)
            build(site)
        httpd = serve(site)
        origin = f"http://127.0.0.1:{httpd.server_port}/"
        results, missed = {}, []
        print(f"Lighthouse (mobile) with {CHROMIUM}, site served with gzip at {origin}\n", flush=True)
        header = f"{'page':<16}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'transfer':>11}{'requests':>10}   LCP"
        print(header)
        print("-" * len(header))
        for lang in args.langs:
            for name in args.pages:
                path = LANGS[lang] + PAGES[name]
                figures = summary(lighthouse(origin + path, Path(tmp) / "report.json"))
                results[f"/{path}"] = figures
                s = figures["scores"]
                print(f"{'/' + path:<16}{s['performance']:>6}{s['accessibility']:>6}{s['best-practices']:>6}{s['seo']:>6}"
                      f"{figures['bytes'] / 1024:>9.1f}KB{figures['requests']:>10}   {figures['lcp']}", flush=True)
                for category, target in TARGETS.items():
                    if s[category] < target:
                        missed.append(f"/{path}: {category} {s[category]} < {target}")
                if name == "guide" and figures["bytes"] > GUIDE_BUDGET:
                    missed.append(f"/{path}: first visit {figures['bytes'] / 1024:.1f} KB > {GUIDE_BUDGET // 1024} KB")
                for line in figures["lost"]:
                    print(f"{'':<16}- {line}")
        httpd.shutdown()

    guides = {p: f["bytes"] for p, f in results.items() if p.rstrip("/").endswith("guide")}
    if guides:
        print("\nFirst visit of a guide page (compressed, everything the page loads):")
        for path, size in guides.items():
            print(f"  {path:<14} {size / 1024:.1f} KB (budget {GUIDE_BUDGET // 1024} KB)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("\nTargets: performance >= 95, accessibility 100, best practices 100, SEO >= 95, guide page <= 200 KB.")
    print("All met." if not missed else "Missed:\n  " + "\n  ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
