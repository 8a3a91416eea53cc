"""Facts about the municipality and its target groups that many pages share."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..address import is_local
from .common import Email, Flag, Id, NonEmptyStr, Strict, Text, Url, _safe_url


class Verified(Strict):
    """A contact fact and whether someone has checked it against an official source."""

    verified: Flag = Field(description="true only when checked against an official source; unverified facts are shown with a warning.")
    source: Url | None = Field(default=None, description="Where the fact was checked.")


class EmailFact(Verified):
    email: Email


class LinkFact(Verified):
    url: Url


def _public_site(value: str) -> str:
    fix = "write the address readers open, e.g. https://www.example.dk/velkommen/, or leave `site_url` out until it is known"
    # A preview address is the likely slip: say so before anything else.
    if re.match(r"^https?://", value, re.I) and is_local(value):
        raise PydanticCustomError("site_url_local", "'{value}' is an address on this computer or a local network, "
                                  "not where readers find the site", {"value": value, "fix": fix})
    _safe_url(value)
    if not value.lower().startswith("https://"):
        raise PydanticCustomError("site_url_scheme", "the site's public address must start with https://: '{value}'",
                                  {"value": value, "fix": fix})
    parts = urlsplit(value)
    if parts.query or parts.fragment:
        raise PydanticCustomError("site_url_parts", "the site's public address '{value}' has a ?query or #part",
                                  {"value": value, "fix": "write only the address of the site's home page, ending in /"})
    return value if value.endswith("/") else value + "/"


# The site's own address: printed on the welcome letter, so only the real public one.
SiteUrl = Annotated[
    str,
    AfterValidator(_public_site),
    WithJsonSchema({"type": "string", "pattern": r"^https://[^/\s]+\.[^\s?#]+$",
                    "description": "The site's public address, starting with https://."}),
]


class Freshness(Strict):
    """How old a checked fact may get before the build reminds editors to check it again."""

    guide_steps_months: int = Field(default=12, ge=1, le=60, description="Guide steps: months since `verified`.")
    directory_months: int = Field(default=12, ge=1, le=60, description="Directory entries: months since `confirmed`.")
    events_months: int = Field(default=6, ge=1, le=60, description="Events: months since `confirmed`.")


class Municipality(Strict):
    """data/municipality.yaml: the municipality the site is for."""

    name: Text
    site_name: Text | None = Field(default=None, description=(
        "The site's name in each language, shown in every page's header and browser tab, "
        "e.g. 'Velkommen til Aabenraa Kommune'. Left out: the name in mkdocs.yml."))
    site_description: Text | None = Field(default=None, description=(
        "One sentence about the site in each language, for search engines and link previews."))
    website: Url = Field(description="The municipality's own website.")
    site_url: SiteUrl | None = Field(default=None, description=(
        "This site's public address, e.g. https://www.example.dk/velkommen/: printed on the welcome letter with a QR code, "
        "and used for canonical links and the sitemap. Only an address the municipality has confirmed; leave it out "
        "until then (the letter then says the address is not yet known). The deploy workflow's SITE_URL overrides it."))
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
