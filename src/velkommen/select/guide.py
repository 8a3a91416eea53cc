"""The steps a newcomer takes, in order, for their situation.

A reader has one base situation (EU citizen, commuter, ...) and any number
of add-ons (children, studying, a partner looking for work). A step applies
to them when it names any of their situations. Steps come in the order of
their prerequisites; among steps that are ready at the same time, the stage
(before moving, on arrival, ...) and then the order in the data decide.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from velkommen.model.guide import STAGES, Situation, Step


def applies(step: Step, situations: Iterable[str]) -> bool:
    return bool(set(step.situations) & set(situations))


def steps_for(steps: list[Step], base: str, addons: Iterable[str] = ()) -> list[Step]:
    """The steps for a reader, in order."""
    wanted = {base, *addons}
    return ordered([s for s in steps if applies(s, wanted)])


def find_cycle(steps: list[Step]) -> list[str] | None:
    """A cycle of prerequisites as a list of ids (first id repeated at the end), or None."""
    by_id = {s.id: s for s in steps}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(step_id: str) -> list[str] | None:
        state[step_id] = 1
        path.append(step_id)
        for before in by_id[step_id].after:
            if before not in by_id:
                continue
            if state.get(before) == 1:
                return path[path.index(before):] + [before]
            if state.get(before) is None:
                found = visit(before)
                if found:
                    return found
        state[step_id] = 2
        path.pop()
        return None

    for step in steps:
        if state.get(step.id) is None:
            found = visit(step.id)
            if found:
                return found
    return None


def ordered(steps: list[Step]) -> list[Step]:
    """Prerequisites first; then by stage; then as written in the data.

    Prerequisites that are not among `steps` (they do not apply to this
    reader) are ignored. Assumes no cycles (the data check rejects them).
    """
    position = {s.id: i for i, s in enumerate(steps)}
    by_id = {s.id: s for s in steps}
    waiting = {s.id: {b for b in s.after if b in by_id} for s in steps}
    done: list[Step] = []
    placed: set[str] = set()
    while len(done) < len(steps):
        ready = [by_id[i] for i, needs in waiting.items() if i not in placed and needs <= placed]
        if not ready:  # a cycle slipped through: keep data order rather than loop forever
            ready = [s for s in steps if s.id not in placed]
        nxt = min(ready, key=lambda s: (STAGES.index(s.stage), position[s.id]))
        done.append(nxt)
        placed.add(nxt.id)
    return done


def followers(steps: list[Step]) -> dict[str, list[Step]]:
    """For each step, the steps among `steps` that come after it (what comes next).

    Pass only the reader's steps: a step that waits for this one but belongs to
    another situation is not the reader's next step.
    """
    out: dict[str, list[Step]] = {s.id: [] for s in steps}
    for s in steps:
        for before in s.after:
            if before in out:
                out[before].append(s)
    return out


def prerequisites(steps: list[Step]) -> dict[str, list[Step]]:
    """For each step, the steps among `steps` to do before it, in the data's order.

    `after` lists the prerequisites of every situation (the CPR number waits for
    an EU residence document or a residence permit); a reader must see only theirs.
    """
    by_id = {s.id: s for s in steps}
    return {s.id: [by_id[b] for b in s.after if b in by_id] for s in steps}


@dataclass(frozen=True)
class SituationPage:
    """A permanent page for one base situation."""

    situation: Situation
    addons: list[Situation]

    @property
    def path(self) -> str:
        return situation_page(self.situation.id)


def situation_page(situation_id: str) -> str:
    """Source path of a situation's page inside a language folder."""
    return f"guide/for/{situation_id}.md"


def bases_and_addons(situations: list[Situation]) -> tuple[list[Situation], list[Situation]]:
    """The reader's main situations (one is chosen) and the add-ons on top, in the data's order."""
    return [s for s in situations if s.kind == "base"], [s for s in situations if s.kind == "addon"]


def situation_pages(situations: list[Situation]) -> list[SituationPage]:
    bases, addons = bases_and_addons(situations)
    return [SituationPage(s, addons) for s in bases]
