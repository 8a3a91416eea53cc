"""Which German and English texts are missing or older than their Danish source.

"Older" is read from git: a translation is outdated when its lines last
changed before the Danish lines they translate (pages: the whole file; data:
the lines of each text, with `git blame`). Uncommitted edits count as now.
Nothing needs stamping by hand, and edits made through the browser editor
(which commits to git) are covered too. Without history (a shallow clone)
only missing translations can be found, and the report says so.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .explain import entry_and_field
from .model.common import LANGUAGES, SOURCE_LANGUAGE
from .model.walk import iter_texts

TARGETS = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
Status = Literal["missing", "outdated"]


@dataclass(frozen=True)
class Finding:
    lang: str
    status: Status
    file: str  # relative to the project root
    line: int | None = None
    entry: str | None = None
    field: str | None = None


class Git:
    """Last-change times from git, for files and for single lines."""

    def __init__(self, root: Path):
        self.root = root
        self.now = int(time.time())
        self.available = self._run("rev-parse", "--is-inside-work-tree").strip() == "true"
        self.shallow = self.available and self._run("rev-parse", "--is-shallow-repository").strip() == "true"

    def _run(self, *args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return done.stdout if done.returncode == 0 else ""

    @property
    def has_history(self) -> bool:
        return self.available and not self.shallow

    def file_time(self, path: str) -> int:
        if self._run("status", "--porcelain", "--", path).strip():
            return self.now  # changed but not committed yet
        stamp = self._run("log", "-1", "--format=%ct", "--", path).strip()
        return int(stamp) if stamp else self.now

    @lru_cache(maxsize=None)
    def line_times(self, path: str) -> dict[int, int]:
        """Line number -> time of the last change to that line (uncommitted lines: now)."""
        out = self._run("blame", "--line-porcelain", "--", path)
        times: dict[int, int] = {}
        line = None
        for row in out.splitlines():
            parts = row.split(" ")
            if len(parts) >= 3 and len(parts[0]) == 40 and parts[1].isdigit() and parts[2].isdigit():
                line = int(parts[2])
                uncommitted = set(parts[0]) == {"0"}
                times[line] = self.now if uncommitted else 0
            elif row.startswith("committer-time ") and line is not None and times.get(line) == 0:
                times[line] = int(row.split(" ", 1)[1])
        return times

    def span_time(self, path: str, first: int, last: int) -> int:
        times = self.line_times(path)
        found = [times[n] for n in range(first, last + 1) if n in times]
        return max(found) if found else self.now


def page_findings(root: Path, git: Git) -> list[Finding]:
    docs = root / "docs"
    findings = []
    for source in sorted((docs / SOURCE_LANGUAGE).rglob("*.md")):
        relative = source.relative_to(docs / SOURCE_LANGUAGE).as_posix()
        source_time = git.file_time(source.relative_to(root).as_posix()) if git.has_history else 0
        for lang in TARGETS:
            target = docs / lang / relative
            shown = target.relative_to(root).as_posix()
            if not target.is_file():
                findings.append(Finding(lang, "missing", shown))
            elif git.has_history and git.file_time(shown) < source_time:
                findings.append(Finding(lang, "outdated", shown))
    return findings


def text_findings(site: Any, root: Path, git: Git) -> list[Finding]:
    findings = []
    for files in site.files.values():
        for loaded in files:
            doc = loaded.doc
            path_on_disk = os.path.relpath(site.data_dir.parent / doc.file, root)
            for path, text in iter_texts(loaded.value):
                if path + (SOURCE_LANGUAGE,) not in doc.lines:
                    continue  # e.g. a YAML alias: reported where it is defined
                entry, field = entry_and_field(doc.data, path)
                da_span = (doc.lines[path + (SOURCE_LANGUAGE,)], doc.ends[path + (SOURCE_LANGUAGE,)])
                for lang in TARGETS:
                    key = path + (lang,)
                    if getattr(text, lang) is None:
                        findings.append(Finding(lang, "missing", doc.file, doc.lines.get(path), entry, field))
                    elif git.has_history and key in doc.lines:
                        if git.span_time(path_on_disk, doc.lines[key], doc.ends[key]) < git.span_time(path_on_disk, *da_span):
                            findings.append(Finding(lang, "outdated", doc.file, doc.lines[key], entry, field))
    return findings


@dataclass(frozen=True)
class TranslationReport:
    pages: list[Finding]
    texts: list[Finding]
    history: bool

    def count(self, lang: str, status: Status) -> int:
        return sum(1 for f in [*self.pages, *self.texts] if f.lang == lang and f.status == status)

    @property
    def empty(self) -> bool:
        return not self.pages and not self.texts


def translation_report(site: Any, root: Path) -> TranslationReport:
    git = Git(root)
    return TranslationReport(page_findings(root, git), text_findings(site, root, git), git.has_history)
