"""Check the external links of the built site (run on a schedule; never blocks a deploy).

Internal links and anchors are checked by every strict build; this checks the
links that leave the site: official sources, associations' websites.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

USER_AGENT = "Velkommen link check (+https://github.com/)"
SKIP = re.compile(r"^(mailto:|tel:|javascript:|data:|#)")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and re.match(r"^https?://", href):
            self.links.append(href.split("#", 1)[0])


def external_links(site: Path, own_hosts: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every external link of the built site, with the pages it is on (editors' tools under admin/ excluded)."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("admin/", "editors/")):
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.links:
            if not any(host in url for host in own_hosts):
                found.setdefault(url, []).append(relative)
    return found


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # HTTP status, None when the server could not be reached
    problem: str | None  # None: the link works

    @property
    def ok(self) -> bool:
        return self.problem is None


def check(url: str, timeout: float = 15.0) -> Result:
    """HEAD first (cheap), then GET for servers that refuse HEAD. Redirects are followed."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Result(url, response.status, None)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return Result(url, exc.code, f"HTTP {exc.code}")
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return Result(url, None, f"not reachable ({reason})")
    return Result(url, None, "not reachable")


def check_all(urls: list[str], workers: int = 8, timeout: float = 15.0) -> list[Result]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda u: check(u, timeout), urls))


def report(results: list[Result], pages: dict[str, list[str]], markdown: bool = False) -> str:
    broken = [r for r in results if not r.ok]
    lines = [f"{len(results)} external links checked, {len(broken)} broken."]
    for r in broken:
        where = ", ".join(pages.get(r.url, [])[:3]) + (" …" if len(pages.get(r.url, [])) > 3 else "")
        lines.append(f"- {r.url} – {r.problem} – on {where}")
    if markdown:
        return "## External links\n\n" + "\n".join(lines) + "\n"
    return "\n".join(lines) + "\n"
