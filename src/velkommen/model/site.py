"""Facts about the municipality and its target groups that many pages share."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Domain, Email, Flag, Id, NonEmptyStr, Strict, Text, Url, _safe_url
from velkommen.outputs.address import is_local


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


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21)."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


HexColour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour as #rrggbb, e.g. #0b4a6f.")]


class Colours(Strict):
    """The municipality's own colours; the build checks them against WCAG 2.1 AA before using them."""

    primary: HexColour = Field(description="Header, buttons and links: white text on it and it as text on white, both ≥ 4.5:1.")
    accent: HexColour | None = Field(default=None, description="Focus rings and highlights: ≥ 4.5:1 on white.")
    source: Url | None = Field(default=None, description="The design guide the colours come from.")

    @model_validator(mode="after")
    def _readable(self) -> Colours:
        for name, value in (("primary", self.primary), ("accent", self.accent)):
            if value is None:
                continue
            ratio = contrast(value, "#ffffff")
            if ratio < 4.5:
                raise PydanticCustomError(
                    "colour_contrast", "the {name} colour {value} has a contrast of {ratio} with white; "
                    "WCAG 2.1 AA needs at least 4.5:1 for text",
                    {"name": name, "value": value, "ratio": f"{ratio:.1f}:1",
                     "fix": "use a darker shade of the colour (the municipality's design guide often has one for text)"})
        return self


class Logo(Strict):
    """The municipality's logo, as the municipality supplied it, with the terms it may be used under."""

    file: NonEmptyStr = Field(pattern=r"^[A-Za-z0-9_./-]+\.(svg|png)$", description=(
        "The logo file inside docs/da/, e.g. assets/images/logo.svg (SVG or PNG; an SVG may not contain scripts)."))
    licence: NonEmptyStr = Field(description="Under what terms the site may show it, e.g. 'Supplied by the municipality for this site on 2027-01-10'.")
    source: Url = Field(description="Where the municipality states those terms, or its design guide.")
    verified: Day = Field(description="The date someone checked the terms.")


class Bounds(Strict):
    """The municipality's extent on the map: every town, entry and venue with coordinates must lie inside."""

    south: float = Field(ge=53.5, le=57.8, description="Southernmost latitude, e.g. 54.80.")
    west: float = Field(ge=8.0, le=15.2, description="Westernmost longitude, e.g. 9.05.")
    north: float = Field(ge=53.5, le=57.8, description="Northernmost latitude, e.g. 55.20.")
    east: float = Field(ge=8.0, le=15.2, description="Easternmost longitude, e.g. 9.65.")
    source: Url = Field(description="Where the extent was read, e.g. the municipality's page on an official map.")

    @model_validator(mode="after")
    def _ordered(self) -> Bounds:
        if self.south >= self.north or self.west >= self.east:
            raise PydanticCustomError("bounds_order", "the bounds are the wrong way round",
                                      {"fix": "write the smaller latitude under `south` and the smaller longitude under `west`"})
        return self

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


class Municipality(Strict):
    """data/municipality.yaml: the municipality the site is for."""

    name: Text
    site_name: Text | None = Field(default=None, description=(
        "The site's name in each language, shown in every page's header and browser tab, "
        "e.g. 'Velkommen til <name> Kommune'. Left out: the name in mkdocs.yml."))
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
    bounds: Bounds | None = Field(default=None, description=(
        "The municipality's extent (south, west, north, east, with its source); coordinates outside it are refused."))
    logo: Logo | None = Field(default=None, description=(
        "The municipality's logo, shown in the header beside its name. Left out: the name alone, as a wordmark."))
    colours: Colours | None = Field(default=None, description=(
        "The municipality's own colours from its design guide (with its source). Left out: the generator's neutral blue."))
    official_domains: list[Domain] = Field(default_factory=list, description=(
        "The domains of the authorities whose pages may be the source of a guide step's deadline, e.g. borger.dk, skat.dk "
        "(subdomains such as lifeindenmark.borger.dk count too). A deadline from any other site is refused."))
    freshness: Freshness = Field(default_factory=Freshness, description="When the build reminds editors to check facts again.")


class TargetGroup(Strict):
    id: Id
    name: Text
    page: NonEmptyStr = Field(description="The group's page, relative to the language folder, e.g. target-groups/commuters.md.")
    summary: Text | None = None


class TargetGroups(Strict):
    """data/target_groups.yaml: the target groups of the settlement work."""

    target_groups: list[TargetGroup] = Field(min_length=1)
