"""Calendar arithmetic for plans: quarters, year spans and the bounds of a timing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from velkommen.model.plan import Timing


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        month = 3 * self.number
        return date(self.year, month, 30 if month in (6, 9) else 31)

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}"


def quarters_between(start: date, end: date) -> list[Quarter]:
    out = []
    year, number = start.year, (start.month - 1) // 3 + 1
    while (year, number) <= (end.year, (end.month - 1) // 3 + 1):
        out.append(Quarter(year, number))
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return out


def timing_bounds(timing: Timing) -> tuple[date, date]:
    """First and last day an action's timing covers."""
    starts: list[date] = []
    ends: list[date] = []
    for year in timing.years:
        starts.append(date(year, 1, 1))
        ends.append(date(year, 12, 31))
    for q in timing.quarters:
        year, n = int(q[:4]), int(q[-1])
        starts.append(date(year, 3 * n - 2, 1))
        ends.append(Quarter(year, n).end)
    if timing.start:
        starts.append(timing.start)
        ends.append(timing.end or timing.start)
    if timing.end:
        ends.append(timing.end)
        starts.append(timing.start or timing.end)
    return min(starts), max(ends)



def year_span(years: list[int]) -> str:
    """[2020, 2021, 2022] -> '2020–2022'; [2020, 2022] -> '2020, 2022'."""
    years = sorted(set(years))
    if not years:
        return ""
    runs: list[list[int]] = [[years[0]]]
    for y in years[1:]:
        if y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
