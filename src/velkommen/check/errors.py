"""Problems found in the data, as values.

Every check appends `Problem`s to a list instead of raising, so an editor sees
all problems of a build at once. Only the outermost layer (the MkDocs hook or
the command line) turns errors into a failed build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "notice"]


@dataclass(frozen=True)
class Problem:
    """One thing an editor must (error) or should (notice) look at."""

    file: str
    problem: str
    fix: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None
    severity: Severity = "error"

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        head = [where]
        if self.entry:
            head.append(f"entry {self.entry}")
        if self.field:
            head.append(f"field '{self.field}'")
        label = "ERROR" if self.severity == "error" else "NOTICE"
        return f"{label} {' · '.join(head)}\n    what is wrong: {self.problem}\n    how to fix it: {self.fix}"


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def notices_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "notice"]


def format_report(problems: list[Problem]) -> str:
    """All problems, errors first, sorted by file and line, one block each."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.file, p.line or 0))
    errors = len(errors_only(problems))
    notices = len(problems) - errors
    summary = f"{errors} error(s), {notices} notice(s) in the data."
    return "\n".join([p.format() for p in ordered] + [summary])

