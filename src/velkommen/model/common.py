"""Building blocks shared by every kind of data.

Each type carries what an editor needs to know: its JSON Schema (pattern,
format, description) and the wording of its error. References to other
entries are declared with `Ref(namespace)` so that the cross-reference check,
the JSON Schema and the CMS configuration all read them from here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

# The languages of a site unless its mkdocs.yml declares others, and the
# national layer's: Danish (the source) first. A site's own set is declared
# once, in mkdocs.yml (load/languages.py reads it), and is in force while its
# data is validated, its schemas are written or its editor is configured.
LANGUAGES = ("da", "de", "en")
SOURCE_LANGUAGE = "da"

_site_languages: ContextVar[tuple[str, ...]] = ContextVar("site_languages", default=LANGUAGES)


def site_languages() -> tuple[str, ...]:
    """The languages in force: the source language first, then the site's translations."""
    return _site_languages.get()


def use_languages(languages: tuple[str, ...] | list[str]) -> None:
    """Put the site's languages in force for the rest of this build (the MkDocs plugin does, per build)."""
    _site_languages.set(tuple(languages))


@contextmanager
def languages_in_force(languages: tuple[str, ...] | list[str]) -> Iterator[tuple[str, ...]]:
    token = _site_languages.set(tuple(languages))
    try:
        yield tuple(languages)
    finally:
        _site_languages.reset(token)


def known_language(code: str) -> bool:
    """A language the Unicode CLDR (Babel) knows, so its dates, numbers and name can be written."""
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


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


def _unknown_language(key: str) -> PydanticCustomError | str:
    if " " in key:
        return "extra_forbidden"  # a comma inside { } split a text: explained as such (check/explain.py)
    languages = site_languages()
    close = difflib.get_close_matches(key, languages, n=1)
    return PydanticCustomError(
        "unknown_language", "'{key}' is not one of the site's languages ({languages})",
        {"key": key, "languages": ", ".join(languages),
         "fix": (f"did you mean '{close[0]}'? " if close else "")
         + "write the text under a language of the site; a new language is added to the site's mkdocs.yml first"})


def _translation_schema(schema: dict[str, Any], cls: type) -> None:
    # The properties follow the languages in force, so each site's JSON Schema
    # (and its editors' autocompletion) offers exactly its own languages.
    source = schema["properties"][SOURCE_LANGUAGE]
    schema["properties"] = {SOURCE_LANGUAGE: source, **{
        lang: {"type": "string", "minLength": 1, "title": lang.capitalize(),
               "description": f"Translation into {Locale.parse(lang).get_display_name('en')}. "
                              "Missing: the Danish text is shown with a notice."}
        for lang in site_languages() if lang != SOURCE_LANGUAGE}}
    # A name's other forms may be in any language (`Name`), a text's only in the site's.
    schema["additionalProperties"] = {"type": "string", "minLength": 1} if cls.__name__ == "Name" else False


class Text(Strict):
    """A text in Danish (the source) with its translations into the site's other languages.

    The translations are keyed by language code (`de:`, `en:`, `ar:` …); a key
    that is not one of the site's languages is refused, so a typo such as
    `dk:` is caught instead of hiding the translation.
    """

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, json_schema_extra=_translation_schema)
    __pydantic_extra__: dict[str, NonEmptyStr]

    da: NonEmptyStr = Field(description="Danish text (the source language). Required.")

    @model_validator(mode="before")
    @classmethod
    def _site_languages_only(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        allowed = cls._allowed()
        unknown = [key for key in data if key != SOURCE_LANGUAGE and not (isinstance(key, str) and allowed(key))]
        if unknown:
            # One error per key, each at its own line (pydantic nests these under the text's field).
            raise ValidationError.from_exception_data(cls.__name__, [
                InitErrorDetails(type=_unknown_language(str(key)), loc=(str(key),), input=data[key]) for key in unknown])
        return data

    @classmethod
    def _allowed(cls):
        languages = site_languages()
        return lambda key: key in languages

    def get(self, lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (Danish when untranslated)."""
        value = self.own(lang)
        if value:
            return value, lang
        return self.da, SOURCE_LANGUAGE

    def own(self, lang: str) -> str | None:
        """The text written in `lang` itself, or None."""
        if lang == SOURCE_LANGUAGE:
            return self.da
        return (self.__pydantic_extra__ or {}).get(lang)

    def __getattr__(self, name: str) -> Any:
        # `text.de` is None when there is no German text, as it was when the languages were fields.
        if re.fullmatch(r"[a-z]{2,3}", name):
            return self.own(name)
        return super().__getattr__(name)


class Name(Text):
    """A proper name (an organisation, a town), written in its own language under `da`.

    Add another form (`de:` …) only where the name has an established one (a
    border town's German name, say). A missing form is not a missing
    translation, and a form may be in any language, not only the site's.
    """

    @classmethod
    def _allowed(cls):
        return lambda key: bool(re.fullmatch(r"[a-z]{2,3}", key)) and known_language(key)


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
