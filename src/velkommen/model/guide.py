"""The step-by-step guide to the authorities (data/guide/).

situations.yaml  - who the reader is: EU citizen, commuter, ... (+ add-ons such as "with children")
steps.yaml       - one entry per step: what, who, where, what to bring, when, what next
terms.yaml       - Danish official words (CPR, NemKonto, ...) with their explanations
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Flag, Id, NonEmptyStr, Offset, Ref, Strict, Text, Url

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


# The moments in a newcomer's life a deadline counts from; the reader enters the dates they know.
Event = Literal["move-in", "work-start", "arrival", "permit-granted", "application-submitted", "school-start"]
EVENTS: tuple[str, ...] = Event.__args__  # type: ignore[attr-defined]

def offset_parts(offset: str) -> tuple[int, str]:
    """'21 working days before' -> (-21, 'working-days'); weeks are counted as days, units are days, working-days or months."""
    number, rest = offset.split(" ", 1)
    unit, direction = rest.rsplit(" ", 1)
    unit = unit.removesuffix("s")
    amount = int(number) * (-1 if direction == "before" else 1)
    if unit == "week":
        return amount * 7, "days"
    return amount, {"day": "days", "working day": "working-days", "month": "months"}[unit]


def _rough_days(offset: str) -> int:
    amount, unit = offset_parts(offset)
    return amount * (31 if unit == "months" else 1)


class Deadline(Strict):
    """A time limit an official source states, counted from an event the reader knows the date of."""

    event: Event = Field(alias="from", description=(
        "What the time counts from: move-in, work-start (first working day), arrival (entering Denmark), "
        "permit-granted, application-submitted or school-start."))
    latest: Offset | None = Field(default=None, description="The last day to do it, e.g. `5 days after` or `3 months after`.")
    earliest: Offset | None = Field(default=None, description="The first day it can be done, e.g. `60 days before`.")
    condition: Text | None = Field(default=None, description="Who it applies to, when not everyone on the step, e.g. 'If you do not have a personal tax number yet'.")
    source: Url = Field(description="The official page that states this time limit (its domain must be under `official_domains` in municipality.yaml).")
    verified: Day = Field(description="The date someone last checked the time limit against its source.")
    quote: NonEmptyStr | None = Field(default=None, description="The source's own words that state the number, copied exactly.")

    @model_validator(mode="before")
    @classmethod
    def _sourced(cls, data: object) -> object:
        if isinstance(data, dict) and not data.get("source"):
            raise PydanticCustomError(
                "deadline_source", "this time limit has no `source:`: a deadline is shown only with the official page that states it",
                {"fix": "add `source:` with the address of the authority's page that states the number, or remove the deadline"})
        return data

    @model_validator(mode="after")
    def _a_window(self) -> Deadline:
        if self.latest is None and self.earliest is None:
            raise PydanticCustomError(
                "deadline_window", "this time limit says neither `latest:` nor `earliest:`",
                {"fix": "add e.g. `latest: 5 days after` (the last day) or `earliest: 60 days before` (the first day)"})
        if self.latest is not None and self.earliest is not None and _rough_days(self.earliest) > _rough_days(self.latest):
            raise PydanticCustomError(
                "deadline_order", "the time limit's `earliest: {earliest}` comes after its `latest: {latest}`",
                {"earliest": self.earliest, "latest": self.latest, "fix": "swap the two, or correct the numbers"})
        return self


class Step(Strict):
    id: Id
    title: Text = Field(description="What to do, as an instruction: 'Register your address and get a CPR number'.")
    summary: Text = Field(description="What and why, in two or three plain sentences.")
    situations: list[SituationId] = Field(min_length=1, description="The situations this step applies to (ids from situations.yaml).")
    stage: Stage = Field(description="When: before-moving, on-arrival, first-weeks, first-months or when-needed.")
    after: list[StepId] = Field(default_factory=list, description="Steps that must be done first (their ids).")
    optional: Flag = Field(default=False, description="true when the reader may not need this step.")
    when: Text | None = Field(default=None, description="Timing in words, e.g. a deadline. Only with an official source.")
    deadlines: list[Deadline] = Field(default_factory=list, description=(
        "The time limits of `when` as data, so a reader who enters their dates sees their own: each counted `from` an event, "
        "with its official `source`. Only what the source states."))
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
    replaces: Literal["national"] | None = Field(default=None, description=(
        "national: this step is the site's own version of the national step with the same id "
        "(its local office, booking page, documents); the national one is not shown."))

    @model_validator(mode="after")
    def _not_after_itself(self) -> Step:
        if self.id in self.after:
            raise PydanticCustomError("self_prerequisite", "the step '{id}' lists itself under `after`",
                                      {"id": self.id, "fix": "remove its own id from `after`"})
        return self


class Steps(Strict):
    steps: list[Step] = Field(min_length=1)


class SwitchedOff(Strict):
    id: StepId = Field(description="The id of a national step this site does not show.")
    reason: Text = Field(description="Why it does not apply here, for the editors who come after you.")


class NationalLayer(Strict):
    """data/guide/national.yaml: whether the site uses the generator's national steps, and which it leaves out.

    The national layer (velkommen/national/guide/) holds the situations, terms
    and steps that are the same in every municipality, each with its official
    source. A site adds its own steps in data/guide/steps/, replaces a national
    step with `replaces: national`, or switches one off here.
    """

    use: bool = Field(default=True, description="true: the site's guide starts from the national steps, situations and terms.")
    off: list[SwitchedOff] = Field(default_factory=list, description="National steps this site does not show.")


class Term(Strict):
    id: Id
    term: str = Field(description="The Danish word as it appears on letters and websites, e.g. 'NemKonto'.")
    explanation: Text = Field(description="One sentence that explains it, in each language.")
    translation: Text | None = Field(default=None, description="A short translation shown beside the Danish word, e.g. 'health insurance card'.")


class Terms(Strict):
    terms: list[Term] = Field(min_length=1)
