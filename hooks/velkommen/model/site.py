"""Facts about the municipality and its target groups that many pages share."""

from __future__ import annotations

from pydantic import Field

from .common import Email, Flag, Id, NonEmptyStr, Strict, Text, Url


class Verified(Strict):
    """A contact fact and whether someone has checked it against an official source."""

    verified: Flag = Field(description="true only when checked against an official source; unverified facts are shown with a warning.")
    source: Url | None = Field(default=None, description="Where the fact was checked.")


class EmailFact(Verified):
    email: Email


class LinkFact(Verified):
    url: Url


class Freshness(Strict):
    """How old a checked fact may get before the build reminds editors to check it again."""

    guide_steps_months: int = Field(default=12, ge=1, le=60, description="Guide steps: months since `verified`.")
    directory_months: int = Field(default=12, ge=1, le=60, description="Directory entries: months since `confirmed`.")
    events_months: int = Field(default=6, ge=1, le=60, description="Events: months since `confirmed`.")


class Municipality(Strict):
    """data/municipality.yaml: the municipality the site is for."""

    name: Text
    website: Url = Field(description="The municipality's own website.")
    settlement_team: Text = Field(description="Name of the team that welcomes newcomers.")
    team_languages: list[NonEmptyStr] = Field(min_length=1, description="Language codes the team speaks with newcomers, e.g. [da, de, en].")
    feedback: EmailFact | None = Field(default=None, description="Where readers report a problem with a page.")
    accessibility_statement: LinkFact | None = Field(default=None, description="The municipality's statement in the state's WAS tool.")
    freshness: Freshness = Field(default_factory=Freshness, description="When the build reminds editors to check facts again.")


class TargetGroup(Strict):
    id: Id
    name: Text
    page: NonEmptyStr = Field(description="The group's page, relative to the language folder, e.g. target-groups/commuters.md.")
    summary: Text | None = None


class TargetGroups(Strict):
    """data/target_groups.yaml: the target groups of the settlement work."""

    target_groups: list[TargetGroup] = Field(min_length=1)
