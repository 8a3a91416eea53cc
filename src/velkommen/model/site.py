"""Facts about the municipality and its target groups that many pages share."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from velkommen.model.common import Day, Domain, Email, Flag, Id, NonEmptyStr, Phone, Strict, Text, Url, _safe_url
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


IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg")


def _local_image(value: str) -> str:
    folder = "docs/<source language>/ (docs/da/), e.g. assets/images/fjord.svg"
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I) or value.startswith("//"):
        raise PydanticCustomError(
            "image_elsewhere", "'{value}' is an address on another host; the site shows only its own files",
            {"value": value, "fix": "put the file (only if its licence allows it) in docs/da/assets/images/ and write its path "
                                    "from docs/da/, e.g. assets/images/fjord.svg"})
    if value.startswith("/") or "\\" in value or ".." in value.split("/"):
        raise PydanticCustomError("image_outside", "'{value}' leads outside the pages' folder",
                                  {"value": value, "fix": f"write the path from {folder}"})
    if not value.lower().endswith(IMAGE_TYPES):
        raise PydanticCustomError("image_type", "'{value}' is not an SVG, PNG or JPEG file",
                                  {"value": value, "fix": "use a file ending in .svg, .png, .jpg or .jpeg"})
    if not re.fullmatch(r"[A-Za-z0-9_./-]+", value):
        raise PydanticCustomError("image_name", "'{value}' has spaces or special letters in its name",
                                  {"value": value, "fix": "rename the file with a-z, digits, hyphens and dots only, e.g. town-harbour.svg"})
    return value


ImageFile = Annotated[str, AfterValidator(_local_image),
                      WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(svg|png|jpe?g|SVG|PNG|JPE?G)$",
                                      "description": "The image file inside docs/da/, e.g. assets/images/fjord.svg."})]


class Image(Strict):
    """A picture where people would rather look than read: a file of the site's own, with its alt text, credit and licence."""

    file: ImageFile = Field(description=(
        "The image inside docs/da/, e.g. assets/images/fjord.svg (SVG, PNG or JPEG; never an address on another host; "
        "an SVG may not contain scripts or links)."))
    alt: Text = Field(description="What the image shows, for readers who cannot see it, in each language (one sentence).")
    credit: NonEmptyStr | None = Field(default=None, description=(
        "Who made it, e.g. the photographer's name as the source asks to credit it. Required unless `made_for_site: true`."))
    licence: NonEmptyStr | None = Field(default=None, description=(
        "The terms it may be shown under, as its source states them, e.g. 'CC BY 4.0'. Required unless `made_for_site: true` "
        "(then it is shown under the same terms as the rest of the site, unless you name other terms here)."))
    source: Url | None = Field(default=None, description=(
        "The page the image and its licence come from (a photographer's or archive's page). "
        "Leave out only for an image made for this site, with `made_for_site: true`."))
    made_for_site: Flag = Field(default=False, description="true for an illustration drawn for this site (no other source).")

    @model_validator(mode="after")
    def _known_origin(self) -> Image:
        if self.made_for_site:
            if self.source is not None:
                raise PydanticCustomError("image_origin_twice", "the image has a `source` and `made_for_site: true`",
                                          {"fix": "keep `source:` for an image from elsewhere, or `made_for_site: true` for one "
                                                  "made for this site, not both"})
            return self
        missing = [key for key in ("source", "licence", "credit") if getattr(self, key) is None]
        if missing:
            raise PydanticCustomError("image_origin", "the image has no `{missing}`, so nobody can check that it may be shown",
                                      {"missing": "`, `".join(missing),
                                       "fix": "add `source:` (the page that states the image's licence), `licence:` and `credit:` "
                                              "as that page gives them, or `made_for_site: true` for an illustration made for this site"})
        return self


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


def _digits(what: str, count: int, example: str):
    """A number an editor writes as digits (a postcode, a CVR number): text, exactly `count` digits."""
    def check(value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads 6400 as a number; the digits are what counts
        if not isinstance(value, str) or not re.fullmatch(rf"\d{{{count}}}", value.strip()):
            raise PydanticCustomError(
                f"{what.replace(' ', '_')}_format", "'{value}' is not a " + what + f" ({count} digits)",
                {"value": value, "fix": f"write the {count} digits without spaces or letters, in quotes, e.g. '{example}'"})
        return value.strip()
    return check


Postcode = Annotated[str, BeforeValidator(_digits("postcode", 4, "6200")),
                     WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\d{4}$",
                                     "description": "A Danish postcode: four digits, e.g. 6200."})]
CvrNumber = Annotated[str, BeforeValidator(_digits("CVR number", 8, "12345678")),
                      WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\d{8}$",
                                      "description": "The municipality's CVR number: eight digits, as the CVR register writes it."})]


class Sourced(Strict):
    """A fact a reader acts on: where it is stated and when someone read it there."""

    source: Url = Field(description="The official page that states it (the municipality's own site, cvr.dk, borger.dk).")
    verified: Day = Field(description="The date someone read it on that page, e.g. 2026-12-02.")


class PostalAddress(Sourced):
    lines: list[NonEmptyStr] = Field(min_length=1, max_length=4, description=(
        "The address above the postcode, one line each, as the source writes it, e.g. [Rådhustorvet 10]."))
    postcode: Postcode
    town: NonEmptyStr = Field(description="The postal town, as it follows the postcode.")


class PhoneFact(Sourced):
    number: Phone


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]


def _clock(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value.strip()):
        # YAML reads an unquoted 10:00 as the number 600 (minutes in base 60), so quotes are the usual fix.
        raise PydanticCustomError("clock_format", "'{value}' is not a time of day written as HH:MM",
                                  {"value": value, "fix": "write the time in quotes with a colon, e.g. '08:30' or '17:00'"})
    return value.strip()


Clock = Annotated[str, BeforeValidator(_clock),
                  WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$",
                                  "description": "A time of day as HH:MM in quotes, e.g. '08:30'."})]


class OpeningTime(Strict):
    days: list[Weekday] = Field(min_length=1, description="The days these hours apply to, e.g. [monday, tuesday, wednesday].")
    opens: Clock
    closes: Clock

    @model_validator(mode="after")
    def _ordered(self) -> OpeningTime:
        if self.closes <= self.opens:
            raise PydanticCustomError("hours_order", "it closes ({closes}) before it opens ({opens})",
                                      {"opens": self.opens, "closes": self.closes,
                                       "fix": "write the opening time under `opens` and the closing time under `closes`"})
        return self


class OpeningHours(Sourced):
    place: Text | None = Field(default=None, description="What these hours are for, e.g. 'Borgerservice'.")
    times: list[OpeningTime] = Field(min_length=1, description="The weekdays and hours, as the source states them.")
    note: Text | None = Field(default=None, description="What the source adds, e.g. 'Book a time before you come'.")

    @model_validator(mode="after")
    def _each_day_once(self) -> OpeningHours:
        seen: set[str] = set()
        for times in self.times:
            twice = seen.intersection(times.days)
            if twice:
                day = sorted(twice, key=WEEKDAYS.index)[0]
                raise PydanticCustomError("day_twice", "'{day}' has opening hours twice",
                                          {"day": day, "fix": "give each weekday its hours once (leave closed days out)"})
            seen.update(times.days)
        return self


class CvrFact(Sourced):
    number: CvrNumber


class MunicipalityContact(Strict):
    """The municipality's own contact facts for the footer: each one only with the official page that states it."""

    address: PostalAddress | None = Field(default=None, description="The municipality's postal address.")
    phone: PhoneFact | None = Field(default=None, description="The municipality's main phone number.")
    hours: OpeningHours | None = Field(default=None, description="Opening hours, e.g. of Borgerservice, per weekday.")
    cvr: CvrFact | None = Field(default=None, description="The municipality's CVR number (as cvr.dk or its own site states it).")

    @model_validator(mode="after")
    def _something(self) -> MunicipalityContact:
        if not (self.address or self.phone or self.hours or self.cvr):
            raise PydanticCustomError("contact_empty", "the contact block holds no fact",
                                      {"fix": "add `address`, `phone`, `hours` or `cvr` with its source, or remove `contact:`"})
        return self


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
    contact: MunicipalityContact | None = Field(default=None, description=(
        "The municipality's address, phone, opening hours and CVR number, shown in every page's footer; "
        "each with the official page that states it. Left out: the footer links to `website` only."))
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
