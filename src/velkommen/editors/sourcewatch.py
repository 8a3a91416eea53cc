"""Official sources watched for change: has the page a guide step relies on changed since it was checked?

The weekly editors' workflow runs `python -m velkommen sources --update`. For
each guide step's `source` it fetches the page, extracts the main text with
trafilatura (menus, footers and cookie banners left out), and compares its
fingerprint with the one in `data/guide/sources.lock.json`, taken when the
step was last checked. The report lists:

- steps whose source changed since their check (read the page again, then
  update `verified:`);
- numbers in a step's timing (`when`: "5 dage", "60 dage") that the source's
  text no longer contains;
- sources that could not be fetched.

`--update` writes the new fingerprints; the workflow proposes the lock file
by pull request, so a person sees what changed. It never blocks a deploy.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from velkommen.load.web import FetchError, fetch

LOCK = Path("data") / "guide" / "sources.lock.json"
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")


@dataclass
class SourceReport:
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # (step id, url, fingerprinted on)
    missing_numbers: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (step id, url, numbers)
    unreachable: list[tuple[str, str, str]] = field(default_factory=list)  # (step id, url, why)
    # A deadline whose source no longer contains its number or its quoted words: (step id, url, what is missing).
    deadlines: list[tuple[str, str, str]] = field(default_factory=list)
    new: list[tuple[str, str]] = field(default_factory=list)  # (step id, url): no fingerprint yet

    @property
    def empty(self) -> bool:
        return not (self.changed or self.missing_numbers or self.unreachable or self.deadlines)


def main_text(html: bytes) -> str:
    """The page's main text, whitespace normalised: what a reader reads, not the site's frame."""
    import trafilatura  # only the weekly workflow needs it

    text = trafilatura.extract(html.decode("utf-8", errors="replace"), include_comments=False, include_tables=True,
                               favor_precision=True) or ""
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _contains_number(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", text) is not None


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def deadline_gaps(deadline: Any, text: str) -> list[str]:
    """What of a deadline its source's main text no longer states: its quoted words, or else the number of each limit.

    With a quote, the quote is what is compared: a source may write the number
    in words ("within five days"), which the quote keeps as the source has it.
    """
    if deadline.quote:
        return [] if _normalised(deadline.quote) in _normalised(text) else ["the quoted words"]
    numbers = [(offset, offset.split(" ", 1)[0]) for offset in (deadline.latest, deadline.earliest) if offset]
    return [f"the number {number} ({offset})" for offset, number in numbers if not _contains_number(text, number)]


def timing_numbers(step: Any) -> list[str]:
    """The numbers in a step's timing in Danish (the source language), e.g. ['5'] for 'senest 5 dage efter'."""
    return sorted(set(_NUMBER.findall(step.when.da))) if step.when else []


def read_lock(root: Path) -> dict[str, dict]:
    try:
        value = json.loads((root / LOCK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def watch(steps: list[Any], lock: dict[str, dict], today: date, timeout: float = 15) -> tuple[SourceReport, dict[str, dict]]:
    """Compare every step's source with its fingerprint; return the report and the updated lock."""
    report = SourceReport()
    updated = dict(lock)
    texts: dict[str, str | FetchError] = {}

    def read(url: str) -> str | FetchError:
        if url not in texts:
            try:
                texts[url] = main_text(fetch(url, timeout=timeout, max_bytes=5_000_000, what="the page"))
            except FetchError as exc:
                texts[url] = exc
        return texts[url]

    for step in steps:
        for deadline in getattr(step, "deadlines", []) or []:
            source_text = read(deadline.source)
            if isinstance(source_text, FetchError):
                report.unreachable.append((step.id, deadline.source, str(source_text)))
                continue
            gaps = deadline_gaps(deadline, source_text)
            if gaps:
                report.deadlines.append((step.id, deadline.source, " and ".join(gaps)))
        url = step.source
        text = read(url)
        if isinstance(text, FetchError):
            report.unreachable.append((step.id, url, str(text)))
            continue
        known = lock.get(url)
        digest = fingerprint(text)
        if known is None:
            report.new.append((step.id, url))
        elif known.get("sha256") != digest:
            report.changed.append((step.id, url, known.get("taken", "?")))
        missing = [n for n in timing_numbers(step) if not _contains_number(text, n)]
        if missing:
            report.missing_numbers.append((step.id, url, missing))
        if known is None or known.get("sha256") != digest:
            updated[url] = {"sha256": digest, "taken": today.isoformat(), "characters": len(text)}
    return report, {url: updated[url] for url in sorted(updated)}


def as_text(report: SourceReport) -> str:
    out = []
    if report.changed:
        out.append(f"Sources changed since they were last fingerprinted ({len(report.changed)}): read them again, "
                   "then update the step's `verified:`")
        out += [f"  - {step}: {url} (fingerprint of {taken})" for step, url, taken in report.changed]
    if report.missing_numbers:
        out.append(f"Numbers in a step's timing that its source no longer contains ({len(report.missing_numbers)}):")
        out += [f"  - {step}: {', '.join(numbers)} not in {url}" for step, url, numbers in report.missing_numbers]
    if report.deadlines:
        out.append(f"Deadlines their source no longer states ({len(report.deadlines)}): check the step's `deadlines:`")
        out += [f"  - {step}: {what} not in {url}" for step, url, what in report.deadlines]
    if report.unreachable:
        out.append(f"Sources that could not be read ({len(report.unreachable)}):")
        out += [f"  - {step}: {url} – {why}" for step, url, why in report.unreachable]
    if report.new:
        out.append(f"Sources fingerprinted for the first time: {len(report.new)}")
    out.append("No source has changed." if report.empty else "")
    return "\n".join(out).rstrip() + "\n"


def write_lock(root: Path, lock: dict[str, dict]) -> None:
    (root / LOCK).write_text(json.dumps(lock, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
