"""Which German and English texts are missing or older than their Danish source.

"Older" is read from git: a translation is outdated when it last changed
before the Danish it translates. Pages compare the files' last commits; data
texts compare values through the file's history (so `{da: …, de: …}` on one
line works, and moving entries around changes nothing). Uncommitted edits
count as now. Nothing needs stamping by hand, and edits made through the
browser editor (which commits to git) are covered too. Without history (a
shallow clone) only missing translations can be found, and the report says so.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from velkommen.check.explain import entry_and_field
from velkommen.load.yamlsource import parse_yaml
from velkommen.model.common import SOURCE_LANGUAGE
from velkommen.model.walk import iter_texts

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
    """Last-change times and old versions of files, read with a handful of git calls per report."""

    def __init__(self, root: Path):
        self.root = root
        self.now = int(time.time())
        self.available = self._run("rev-parse", "--is-inside-work-tree").strip() == "true"
        self.shallow = self.available and self._run("rev-parse", "--is-shallow-repository").strip() == "true"
        self._changed: set[str] | None = None
        self._history: dict[str, list[tuple[str, int]]] | None = None

    def _run(self, *args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return done.stdout if done.returncode == 0 else ""

    @property
    def has_history(self) -> bool:
        return self.available and not self.shallow

    def changed(self) -> set[str]:
        """Files changed but not committed (or not tracked yet), from one `git status`."""
        if self._changed is None:
            out = self._run("status", "--porcelain", "-uall", "-z")
            entries = [e for e in out.split("\0") if e]
            self._changed = {e[3:] for e in entries if len(e) > 3}
        return self._changed

    def history(self) -> dict[str, list[tuple[str, int]]]:
        """For every file: the commits that changed it, newest first, from one `git log`."""
        if self._history is None:
            self._history = {}
            sha, when = "", 0
            for line in self._run("log", "--format=%x00%H %ct", "--name-only").splitlines():
                if line.startswith("\0"):
                    sha, stamp = line[1:].split()
                    when = int(stamp)
                elif line.strip():
                    self._history.setdefault(line.strip(), []).append((sha, when))
        return self._history

    def file_time(self, path: str) -> int:
        if path in self.changed():
            return self.now  # changed but not committed yet
        commits = self.history().get(path)
        return commits[0][1] if commits else self.now

    def revisions(self, path: str) -> list[tuple[int, str | None]]:
        """(time, content) of a file, newest first: the working copy if changed, then each commit."""
        return self.revisions_of([path])[path]

    def revisions_of(self, paths: list[str]) -> dict[str, list[tuple[int, str | None]]]:
        """`revisions` for many files, with every old version read in one `git cat-file --batch`."""
        wanted = [(path, sha, when) for path in paths for sha, when in self.history().get(path, [])]
        blobs = self._blobs([f"{sha}:{path}" for path, sha, _ in wanted])
        out: dict[str, list[tuple[int, str | None]]] = {}
        for path in paths:
            out[path] = []
            if path in self.changed():
                disk = self.root / path
                out[path].append((self.now, disk.read_text(encoding="utf-8") if disk.exists() else None))
        for (path, _, when), content in zip(wanted, blobs):
            out[path].append((when, content))
        return out

    def _blobs(self, names: list[str]) -> list[str | None]:
        if not names:
            return []
        done = subprocess.run(["git", "cat-file", "--batch"], cwd=self.root, input=("\n".join(names) + "\n").encode("utf-8"),
                              capture_output=True, check=False)
        data, out, pos = done.stdout, [], 0
        for _ in names:
            header_end = data.index(b"\n", pos)
            header = data[pos:header_end].split()
            if len(header) < 3 or header[1] == b"missing":
                out.append(None)
                pos = header_end + 1
                continue
            size = int(header[2])
            out.append(data[header_end + 1: header_end + 1 + size].decode("utf-8", "replace"))
            pos = header_end + 1 + size + 1
        return out


_LANGUAGE_KEY = re.compile(r"[a-z]{2,3}")

def _texts_by_key(data: Any, key: tuple = ()) -> dict[tuple, dict]:
    """Every text mapping ({da: ..., de: ..., en: ...}) in raw YAML data, by a key that survives reordering."""
    found: dict[tuple, dict] = {}
    if isinstance(data, dict):
        if isinstance(data.get(SOURCE_LANGUAGE), str) and all(isinstance(k, str) and _LANGUAGE_KEY.fullmatch(k) for k in data):
            found[key] = data
            return found
        for k, v in data.items():
            found.update(_texts_by_key(v, (*key, k)))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            ident = item.get("id") if isinstance(item, dict) else None
            found.update(_texts_by_key(item, (*key, f"#{ident}" if isinstance(ident, str) else i)))
    return found


def last_changes(history: list[tuple[int, dict[tuple, dict]]], key: tuple, lang: str) -> int | None:
    """When the value of `lang` at `key` last changed (history newest first); None if it has no value now."""
    values = [(when, (texts.get(key) or {}).get(lang)) for when, texts in history]
    if not values or values[0][1] is None:
        return None
    changed = values[0][0]
    for when, value in values[1:]:
        if value != values[0][1]:
            break
        changed = when
    return changed


def page_findings(root: Path, git: Git, targets: tuple[str, ...]) -> list[Finding]:
    docs = root / "docs"
    findings = []
    for source in sorted((docs / SOURCE_LANGUAGE).rglob("*.md")):
        relative = source.relative_to(docs / SOURCE_LANGUAGE).as_posix()
        source_time = git.file_time(source.relative_to(root).as_posix()) if git.has_history else 0
        for lang in targets:
            target = docs / lang / relative
            shown = target.relative_to(root).as_posix()
            if not target.is_file():
                findings.append(Finding(lang, "missing", shown))
            elif git.has_history and git.file_time(shown) < source_time:
                findings.append(Finding(lang, "outdated", shown))
    return findings


def text_findings(site: Any, root: Path, git: Git) -> list[Finding]:
    findings = []
    loaded_files = [loaded for files in site.files.values() for loaded in files]
    on_disk = {id(f): os.path.relpath(site.data_dir.parent / f.doc.file, root) for f in loaded_files}
    versions = git.revisions_of(list(on_disk.values())) if git.has_history else {}
    for files in site.files.values():
        for loaded in files:
            doc = loaded.doc
            history = []
            if git.has_history:
                for when, content in versions[on_disk[id(loaded)]]:
                    parsed = parse_yaml(content, doc.file)[0] if content is not None else None
                    history.append((when, _texts_by_key(parsed.data if parsed else None)))
            stable = _texts_by_key(doc.data)
            for path, text in iter_texts(loaded.value):
                if path + (SOURCE_LANGUAGE,) not in doc.lines:
                    continue  # e.g. a YAML alias: reported where it is defined
                entry, field = entry_and_field(doc.data, path)
                key = _stable_key(doc.data, path)
                for lang in site.languages[1:]:
                    if text.own(lang) is None:
                        findings.append(Finding(lang, "missing", doc.file, doc.lines.get(path), entry, field))
                    elif history and key in stable:
                        translated = last_changes(history, key, lang)
                        source = last_changes(history, key, SOURCE_LANGUAGE)
                        if translated is not None and source is not None and translated < source:
                            findings.append(Finding(lang, "outdated", doc.file, doc.lines.get(path + (lang,)), entry, field))
    return findings


def _stable_key(data: Any, path: tuple) -> tuple:
    """The key of `_texts_by_key` for a path of indices: list items named by their id."""
    key, current = [], data
    for part in path:
        if isinstance(current, list) and isinstance(part, int):
            item = current[part] if part < len(current) else None
            ident = item.get("id") if isinstance(item, dict) else None
            key.append(f"#{ident}" if isinstance(ident, str) else part)
            current = item
        else:
            key.append(part)
            current = current.get(part) if isinstance(current, dict) else None
    return tuple(key)


@dataclass(frozen=True)
class TranslationReport:
    targets: tuple[str, ...]  # the site's languages other than the source
    pages: list[Finding]
    texts: list[Finding]
    history: bool

    @property
    def empty(self) -> bool:
        return not self.pages and not self.texts


def translation_report(site: Any, root: Path) -> TranslationReport:
    git = Git(root)
    targets = tuple(lang for lang in site.languages if lang != SOURCE_LANGUAGE)
    return TranslationReport(targets, page_findings(root, git, targets), text_findings(site, root, git), git.has_history)
