"""The step-by-step guide to the authorities (data/guide/).

situations.yaml  - who the reader is: EU citizen, commuter, ... (+ add-ons such as "with children")
steps.yaml       - one entry per step: what, who, where, what to bring, when, what next
terms.yaml       - Danish official words (CPR, NemKonto, ...) with their explanations
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Flag, Id, Ref, Strict, Text, Url

SituationId = Annotated[Id, Ref("situation")]
StepId = Annotated[Id, Ref("guide_step")]
TermId = Annotated[Id, Ref("term")]

# When a step happens, in the order a newcomer meets them.
Stage = Literal["before-moving", "on-arrival", "first-weeks", "first-months", "when-needed"]
STAGES: tuple[str, ...] = Stage.__args__  # type: ignore[attr-defined]


class Situation(Strict):
    id: Id
    kind: Literal["base", "addon"] = Field(
        description="base: the reader's main situation (citizenship, commuting); addon: something on top (children, studying, partner).")
    name: Text = Field(description="Short name as the reader would say it, e.g. 'I am an EU citizen'.")
    description: Text | None = None


class Situations(Strict):
    situations: list[Situation] = Field(min_length=1)


class Place(Strict):
    """An authority, office or online service."""

    name: Text
    url: Url | None = Field(default=None, description="The official page of the authority or service.")


class SubStep(Strict):
    """GOV.UK-style sub-step: 'and' (do all) or 'or' (do one of them)."""

    kind: Literal["and", "or"]
    text: Text
    url: Url | None = None


class Link(Strict):
    title: Text
    url: Url


class Step(Strict):
    id: Id
    title: Text = Field(description="What to do, as an instruction: 'Register your address and get a CPR number'.")
    summary: Text = Field(description="What and why, in two or three plain sentences.")
    situations: list[SituationId] = Field(min_length=1, description="The situations this step applies to (ids from situations.yaml).")
    stage: Stage = Field(description="When: before-moving, on-arrival, first-weeks, first-months or when-needed.")
    after: list[StepId] = Field(default_factory=list, description="Steps that must be done first (their ids).")
    optional: Flag = Field(default=False, description="true when the reader may not need this step.")
    when: Text | None = Field(default=None, description="Timing in words, e.g. a deadline. Only with an official source.")
    duration: Text | None = Field(default=None, description="How long it usually takes. Only with an official source.")
    authority: Place = Field(description="Who: the authority responsible.")
    where: Place | None = Field(default=None, description="Where: the office or online service to use.")
    bring: list[Text] = Field(default_factory=list, description="Documents and things to bring.")
    substeps: list[SubStep] = Field(default_factory=list)
    next: Text | None = Field(default=None, description="What happens after this step, beyond the steps that depend on it.")
    links: list[Link] = Field(default_factory=list, description="More official information.")
    terms: list[TermId] = Field(default_factory=list, description="Danish official words used in this step (ids from terms.yaml).")
    source: Url = Field(description="The official page the facts of this step come from.")
    verified: Day = Field(description="The date someone last checked this step against its source.")

    @model_validator(mode="after")
    def _not_after_itself(self) -> Step:
        if self.id in self.after:
            raise PydanticCustomError("self_prerequisite", "the step '{id}' lists itself under `after`",
                                      {"id": self.id, "fix": "remove its own id from `after`"})
        return self


class Steps(Strict):
    steps: list[Step] = Field(min_length=1)


class Term(Strict):
    id: Id
    term: str = Field(description="The Danish word as it appears on letters and websites, e.g. 'NemKonto'.")
    explanation: Text = Field(description="One sentence that explains it, in each language.")
    translation: Text | None = Field(default=None, description="A short translation shown beside the Danish word, e.g. 'health insurance card'.")


class Terms(Strict):
    terms: list[Term] = Field(min_length=1)
