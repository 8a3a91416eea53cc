"""The site's public address: what the welcome letter prints, its QR code opens,
and canonical links and the sitemap name.

It is a fact of the municipality (`site_url` in data/municipality.yaml); the
deploy workflow may override it with SITE_URL. An address on this computer or
a local network is never a public one: a site built without a public address
prints none, and `python -m velkommen address` stops a deploy of a site that
names a local one.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from urllib.parse import urlsplit

_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
# A link to a local host anywhere in a built page, sitemap, calendar or data file.
_LOCAL_LINK = re.compile(
    r"https?://(?:localhost|[a-z0-9.-]+(?:\.localhost|\.local)|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]"
    r"|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2})(?::\d+)?(?=[/\"'<>\s?#]|$)",
    re.I)
# What a published site is made of that carries addresses (the vendored editor's code is not).
_CHECKED_FILES = ("*.html", "*.xml", "*.ics", "*.json", "*.csv", "*.yml", "*.txt")


def is_local(url: str) -> bool:
    """True when `url` points to this computer or a private network (not where readers are)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name, e.g. http://devbox:8000/
    return ip.is_loopback or ip.is_private or ip.is_unspecified or ip.is_link_local


def public_address(*candidates: str | None) -> str | None:
    """The first candidate that is a public address, with a trailing slash; None if there is none."""
    for url in candidates:
        if url and not is_local(url):
            return url if url.endswith("/") else url + "/"
    return None


def local_links(site_dir: Path) -> dict[str, list[str]]:
    """For each file of a built site that names a local address: the addresses it names."""
    site_dir = Path(site_dir)
    found: dict[str, list[str]] = {}
    for pattern in _CHECKED_FILES:
        for path in sorted(site_dir.rglob(pattern)):
            text = path.read_text(encoding="utf-8", errors="replace")
            links = list(dict.fromkeys(m.group(0) for m in _LOCAL_LINK.finditer(text)))
            if links:
                found[path.relative_to(site_dir).as_posix()] = links
    return dict(sorted(found.items()))
