"""The municipality's settlement action plans (one YAML file per plan in data/plans/).

The shape covers the municipalities' own plans (shared/seeds): an action
catalogue with categories, target groups and `*` for extra funding; newcomer
phases; a growth plan's lead and partner units and years; focus areas,
targets and cost estimates (❖); a quarterly timeline.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Flag, Id, NonEmptyStr, Quarter, Ref, Strict, Text, Url, Year

Category = Literal["concrete", "knowledge", "branding"]
Phase = Literal["attraction", "reception", "retention"]
Status = Literal["planned", "ongoing", "done", "dropped"]

CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
PHASES: tuple[str, ...] = Phase.__args__  # type: ignore[attr-defined]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]

TargetGroupId = Annotated[Id, Ref("target_group")]


class Period(Strict):
    start: Day = Field(alias="from", description="First day the plan applies, YYYY-MM-DD.")
    end: Day = Field(alias="to", description="Last day the plan applies, YYYY-MM-DD.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order", "the period ends ({end}) before it starts ({start})",
                {"end": str(self.end), "start": str(self.start), "fix": "swap the dates or correct the year"})
        return self


class Adoption(Strict):
    on: Day | None = Field(default=None, description="Date the plan was adopted. Leave out if the source does not say.")
    by: Text | None = Field(default=None, description="Who adopted it, e.g. the city council.")


class Source(Strict):
    title: Text = Field(description="Title of the source document.")
    url: Url | None = Field(default=None, description="Where the public can read the document.")
    note: Text | None = Field(default=None, description="Anything the reader should know about the source.")


class FocusArea(Strict):
    id: Id
    title: Text
    description: Text | None = None


class Timing(Strict):
    """When an action happens: years, quarters or dates, as the plan states it."""

    years: list[Year] = Field(default_factory=list, description="Whole years, e.g. [2020, 2021].")
    quarters: list[Quarter] = Field(default_factory=list, description="Quarters, e.g. [2020-Q1, 2020-Q3].")
    start: Day | None = Field(default=None, alias="from", description="First day, when the plan gives dates.")
    end: Day | None = Field(default=None, alias="to", description="Last day, when the plan gives dates.")
    note: Text | None = Field(default=None, description="The timing in the plan's own words, e.g. 'primo 2020'.")

    @model_validator(mode="after")
    def _something_given(self) -> Timing:
        if not (self.years or self.quarters or self.start or self.end):
            raise PydanticCustomError(
                "timing_empty", "the timing gives no years, quarters or dates",
                {"fix": "add e.g. `years: [2026]`, `quarters: [2026-Q1]` or `from:`/`to:` dates"})
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError(
                "period_order", "the timing ends ({end}) before it starts ({start})",
                {"end": str(self.end), "start": str(self.start), "fix": "swap the dates or correct the year"})
        return self


class CostEstimate(Strict):
    amount_dkk: int = Field(ge=0, description="Estimated cost in Danish kroner, digits only, e.g. 250000.")
    per: Literal["year", "total"] = Field(description="`year` for a yearly cost, `total` for a one-off cost.")
    note: Text | None = Field(default=None, description="E.g. 'half a full-time position'.")


class Measure(Strict):
    value: float = Field(description="The number, e.g. 63.")
    year: Year | None = Field(default=None, description="Year the number refers to.")
    source: Text | None = Field(default=None, description="Where the number comes from.")


class Target(Strict):
    """A measurable target: from a baseline to a target value by a deadline."""

    description: Text
    unit: Text | None = Field(default=None, description="Unit of the values, e.g. '%' or 'families'.")
    baseline: Measure | None = Field(default=None, description="Where we start. Leave out if the plan does not say yet.")
    target: float | None = Field(default=None, description="The value to reach. Leave out if the plan does not set one yet.")
    deadline: Year | None = Field(default=None, description="Year by which the target should be reached.")
    source: Text | None = Field(default=None, description="How and where progress is measured.")


class Action(Strict):
    id: Id
    title: Text
    description: Text | None = None
    category: Category = Field(description="concrete (a concrete action), knowledge (data and knowledge) or branding.")
    phases: list[Phase] = Field(min_length=1, description="Newcomer phases: attraction, reception, retention.")
    target_groups: list[TargetGroupId] = Field(default_factory=list, description="Ids from data/target_groups.yaml. Leave empty when the action is for everyone.")
    focus_area: Id | None = Field(default=None, description="Id of one of the plan's focus_areas, where the plan has them.")
    timing: Timing
    lead: Text = Field(description="The unit that leads the action.")
    partners: list[Text] = Field(default_factory=list, description="Units or organisations that take part.")
    status: Status = Field(description="planned, ongoing, done or dropped.")
    extra_funding: Flag = Field(default=False, description="true when the action needs money beyond the yearly budget (* or ❖ in the plans).")
    cost_estimate: CostEstimate | None = None
    targets: list[Target] = Field(default_factory=list)


class Plan(Strict):
    """One action plan, e.g. data/plans/<municipality>-2020-2022.yaml."""

    id: Id
    title: Text
    municipality: NonEmptyStr
    period: Period
    adopted: Adoption | None = Field(default=None, description="When and by whom the plan was adopted, if the source says.")
    source: Source
    summary: Text | None = Field(default=None, description="A few sentences for newcomers about the plan.")
    status_as_of: Day | None = Field(default=None, description="Date the actions' status was last checked. Leave out if the status is as written in the plan.")
    targets: list[Target] = Field(default_factory=list, description="The plan's overall measurable goals.")
    focus_areas: list[FocusArea] = Field(default_factory=list)
    actions: list[Action] = Field(min_length=1)
