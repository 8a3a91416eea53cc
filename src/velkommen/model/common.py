"""Building blocks shared by every kind of data.

Each type carries what an editor needs to know: its JSON Schema (pattern,
format, description) and the wording of its error. References to other
entries are declared with `Ref(namespace)` so that the cross-reference check,
the JSON Schema and the CMS configuration all read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

LANGUAGES = ("da", "de", "en")
SOURCE_LANGUAGE = "da"


class Strict(BaseModel):
    """Base of every data model: unknown keys are an error, not ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False, str_strip_whitespace=True)


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value must be the id of an entry in `namespace`."""

    namespace: str


ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80),
    Field(description="Short name used in links and references: lower-case letters a-z, digits and hyphens, e.g. `welcome-letter`."),
]

NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _iso_date_only(value: Any) -> Any:
    # YAML dates reach us as text (see yamlsource). Refuse numbers, which
    # pydantic would otherwise read as Unix timestamps.
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise PydanticCustomError(
            "date_format", "'{value}' is not a date in the form YYYY-MM-DD",
            {"value": value, "fix": "write the date as year-month-day, e.g. 2026-03-01"})
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise PydanticCustomError(
            "impossible_date", "'{value}' is not a real date ({reason})",
            {"value": value, "reason": str(exc), "fix": "check the day and month; e.g. February has 28 or 29 days"}) from None


Day = Annotated[date, BeforeValidator(_iso_date_only)]

_URL_SCHEMES = ("https", "http", "mailto", "tel")


def _safe_url(value: str) -> str:
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in _URL_SCHEMES or re.search(r"\s", value):
        raise PydanticCustomError(
            "unsafe_url", "'{value}' is not a web address, e-mail link or phone link that can be shown safely",
            {"value": value, "fix": "write a full address starting with https:// (or mailto: / tel:), without spaces"})
    if scheme in ("http", "https") and not re.match(r"^https?://[^/\s]+\.[^/\s]+", value, re.I):
        raise PydanticCustomError(
            "unsafe_url", "'{value}' is missing the site's domain name",
            {"value": value, "fix": "write the whole address, e.g. https://www.kommune.dk/..."})
    return value


Url = Annotated[
    str,
    AfterValidator(_safe_url),
    WithJsonSchema({"type": "string", "pattern": r"^(https?://[^/\s]+\.[^\s]+|mailto:[^\s]+|tel:[+0-9 ]+)$",
                    "description": "A link starting with https://, http://, mailto: or tel:."}),
]

EMAIL_PATTERN = r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$"
Email = Annotated[
    str,
    StringConstraints(pattern=EMAIL_PATTERN),
    Field(description="An e-mail address, e.g. name@example.dk."),
]

PHONE_PATTERN = r"^\+?[0-9][0-9 ]{5,18}[0-9]$"
Phone = Annotated[
    str,
    StringConstraints(pattern=PHONE_PATTERN),
    Field(description="A phone number with digits and spaces, optionally starting with +, e.g. +45 73 76 76 76."),
]

Quarter = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-Q[1-4]$"),
    Field(description="A quarter of a year, e.g. 2020-Q1."),
]

Year = Annotated[int, Field(ge=1900, le=2200, description="A year, e.g. 2026.")]

# Only true or false: `yes`, `no`, `on` and `off` are rejected rather than guessed.
Flag = Annotated[bool, Field(strict=True)]

LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
    Field(description="A language code from ISO 639-1, e.g. da, de, en, pl, uk, ar."),
]


class Text(Strict):
    """A text in Danish with its German and English translations."""

    da: NonEmptyStr = Field(description="Danish text (the source language). Required.")
    de: NonEmptyStr | None = Field(default=None, description="German translation. Missing: the Danish text is shown with a notice.")
    en: NonEmptyStr | None = Field(default=None, description="English translation. Missing: the Danish text is shown with a notice.")

    def get(self, lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (Danish when untranslated)."""
        value = getattr(self, lang, None)
        if value:
            return value, lang
        return self.da, SOURCE_LANGUAGE


class Name(Text):
    """A proper name (an organisation, a town), written in its own language under `da`.

    Add `de`/`en` only where the name has an established form (a border town's German name, say).
    A missing form is not a missing translation.
    """


# A span of time before or after an event, as an editor would say it: "5 days after", "60 days before".
OFFSET_PATTERN = r"^(0|[1-9][0-9]{0,3}) (days?|working days?|weeks?|months?) (before|after)$"
Offset = Annotated[
    str,
    StringConstraints(pattern=OFFSET_PATTERN),
    Field(description="A number, a unit (days, working days, weeks, months) and before or after, e.g. `5 days after`."),
]

DOMAIN_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
Domain = Annotated[
    str,
    StringConstraints(pattern=DOMAIN_PATTERN, to_lower=True),
    Field(description="A domain name without https:// or a path, e.g. borger.dk (its subdomains count too)."),
]

ERROR_PATTERNS = {
    # Friendlier wording for pattern mismatches, keyed by the pattern.
    ID_PATTERN: ("'{input}' is not a valid id", "use lower-case letters a-z, digits and hyphens only, e.g. `language-cafe-harbour`"),
    r"^\d{4}-Q[1-4]$": ("'{input}' is not a quarter", "write a quarter as year-Q1 to year-Q4, e.g. 2026-Q3"),
    r"^[a-z]{2,3}$": ("'{input}' is not a language code", "use a two-letter code such as da, de, en, pl or uk"),
    EMAIL_PATTERN: ("'{input}' is not an e-mail address", "write it as name@example.dk, without spaces or 'mailto:'"),
    OFFSET_PATTERN: ("'{input}' is not a time before or after an event",
                     "write a number, a unit and before or after, e.g. `5 days after`, `3 months after`, `21 working days before`"),
    DOMAIN_PATTERN: ("'{input}' is not a domain name", "write only the domain, e.g. borger.dk, without https:// or a path"),
    PHONE_PATTERN: ("'{input}' is not a phone number", "write digits and spaces only, optionally starting with +, e.g. +45 12 34 56 78"),
}
