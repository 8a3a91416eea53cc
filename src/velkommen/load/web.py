"""Fetching a file from another host, for the tools that run beside the build (never the build itself).

The organisers' calendars (feeds.py) and the guide's official sources
(sourcewatch.py) are fetched with the same limits: only http(s), a time limit
for the whole download, a size limit, and one plain sentence when it fails.
"""

from __future__ import annotations

import time as clock
import urllib.request

USER_AGENT = "velkommen/1 (+newcomer site of a municipality)"


class FetchError(Exception):
    """Why a file could not be fetched (or read), in words for the editors' report."""


def fetch(url: str, timeout: float, max_bytes: int, what: str = "the file") -> bytes:
    """The file's bytes, or FetchError: only http(s), within the time and size limits (`what` names it in messages)."""
    if not url.lower().startswith(("https://", "http://")):
        raise FetchError("the address is not a web address (http:// or https://)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = clock.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            chunks, size = [], 0
            while True:
                if clock.monotonic() > deadline:
                    raise FetchError(f"{what} took longer than {timeout:g} s to load")
                chunk = response.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{what} is larger than {max_bytes / 1_000_000:g} MB")
                chunks.append(chunk)
    except FetchError:
        raise
    except TimeoutError as exc:
        raise FetchError(f"{what} took longer than {timeout:g} s to load") from exc
    except OSError as exc:  # URLError, HTTPError, connection refused, DNS
        raise FetchError(f"{what} could not be fetched ({getattr(exc, 'reason', exc)})") from exc
    return b"".join(chunks)
