"""Words the generator itself puts on pages: a catalogue per language, which a site may override key by key.

The catalogue is `velkommen/words/<lang>.yaml` (a flat `key: text` file per
language); editors' texts live in data/ and docs/, these are the labels
around them. A site changes a label in its own `data/words.yaml`:

    guide.title:
      da: Trin for trin
      en: Step by step

Every build calls `load()`, which reads the files again only when one has
changed (so `make serve` shows an edited word at the next rebuild) and
returns one problem per unknown key or placeholder that does not match.
Tests check that every key has every language and the same {placeholders}.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from velkommen.check.errors import Problem
from velkommen.check.explain import suggest
from velkommen.model.common import SOURCE_LANGUAGE, site_languages

CATALOGUE = Path(__file__).resolve().parent.parent / "words"
SITE_WORDS = "words.yaml"  # in a site's data/


class MissingString(KeyError):
    pass


class _Words:
    signature: tuple = ()
    strings: dict[str, dict[str, str]] = {}  # key -> language -> text
    problems: list[Problem] = []


_words = _Words()


def _signature(paths: list[Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns) for p in paths if p.is_file())


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _catalogue() -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    for path in sorted(CATALOGUE.glob("*.yaml")):
        for key, text in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            strings.setdefault(key, {})[path.stem] = text
    return strings


def _site_overrides(path: Path, strings: dict[str, dict[str, str]]) -> list[Problem]:
    """Apply the site's data/words.yaml to `strings`; what cannot be applied becomes a problem."""
    shown = f"data/{path.name}"
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return [Problem(shown, "the file is not valid YAML", "check the indentation and quotes near this line",
                        line=line + 1 if line is not None else None)]
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return [Problem(shown, "the file must map labels to their texts", "write `label.key:` followed by `da:`, `de:`, `en:` lines")]
    problems = []
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in strings:
            guess = suggest(key, sorted(strings))
            problems.append(Problem(shown, f"'{key}' is not one of the generator's words",
                                    (f"did you mean '{guess}'? " if guess else "") + "use a key from velkommen/words/da.yaml",
                                    line=line, entry=key))
            continue
        if not isinstance(value_node, yaml.MappingNode):
            problems.append(Problem(shown, f"'{key}' needs a text per language", "write `da:`, `de:`, `en:` lines under it",
                                    line=line, entry=key))
            continue
        wanted = placeholders(strings[key].get("da", ""))
        for lang_node, text_node in value_node.value:
            text = text_node.value if isinstance(text_node, yaml.ScalarNode) else None
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(shown, f"'{key}' has no text for '{lang_node.value}'", "write the text, or remove the line",
                                        line=lang_node.start_mark.line + 1, entry=key, field=lang_node.value))
            elif lang_node.value not in site_languages():
                problems.append(Problem(shown, f"'{lang_node.value}' is not one of the site's languages ({', '.join(site_languages())})",
                                        "write the text under a language of the site, or remove the line",
                                        line=lang_node.start_mark.line + 1, entry=key, field=lang_node.value))
            elif placeholders(text) != wanted:
                names = ", ".join("{" + n + "}" for n in sorted(wanted)) or "none"
                problems.append(Problem(shown, f"'{key}' in '{lang_node.value}' has other {{placeholders}} than the generator's",
                                        f"use exactly these: {names}", line=lang_node.start_mark.line + 1, entry=key,
                                        field=lang_node.value))
            else:
                strings[key][lang_node.value] = text
    return problems


def load(site_words: Path | None = None) -> list[Problem]:
    """The catalogue with the site's overrides, read again only when a file changed."""
    paths = sorted(CATALOGUE.glob("*.yaml")) + ([site_words] if site_words else [])
    signature = (site_languages(), *_signature(paths))
    if signature == _words.signature and _words.strings:
        return _words.problems
    strings = _catalogue()
    problems = _site_overrides(site_words, strings) if site_words and site_words.is_file() else []
    _words.signature, _words.strings, _words.problems = signature, strings, problems
    return problems


def strings() -> dict[str, dict[str, str]]:
    if not _words.strings:
        load()
    return _words.strings



def catalogued(lang: str) -> bool:
    """Whether the generator has its words in `lang` (a file in velkommen/words/)."""
    return (CATALOGUE / f"{lang}.yaml").is_file()


def fallback_language(languages: tuple[str, ...] | list[str] | None = None) -> str:
    """Where a site language without the generator's words borrows them: English if the site has it, else Danish."""
    languages = languages or site_languages()
    return "en" if "en" in languages else SOURCE_LANGUAGE


def word(key: str, lang: str, **values: object) -> tuple[str, str]:
    """The label `key` with {placeholders} filled in, and the language it is really in.

    A language the generator has no words for (a site may add any) gets the
    fallback language's word, never an invented one; `marked()` shows it.
    """
    try:
        texts = strings()[key]
    except KeyError:
        raise MissingString(f"UI string '{key}' does not exist") from None
    actual = lang if lang in texts else fallback_language()
    try:
        text = texts[actual]
    except KeyError:
        raise MissingString(f"UI string '{key}' has no '{lang}' text") from None
    return (text.format(**values) if values else text), actual


def ui(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang` (or its fallback), with {placeholders} filled in."""
    return word(key, lang, **values)[0]


# A borrowed word is wrapped in these (private-use characters, inert in HTML and
# untouched by escaping) until the finished page is known; then it gets its
# `lang` where it stands as text, and loses the wrapping inside an attribute.
BORROWED_OPEN, BORROWED_SEP, BORROWED_CLOSE = "\ue000", "\ue001", "\ue002"
_WRAPPED = re.compile(f"{BORROWED_OPEN}([a-z]{{2,3}}){BORROWED_SEP}(.*?){BORROWED_CLOSE}", re.S)
_RAW_TEXT = re.compile(r"<(title|script|style|textarea|option)\b[^>]*>.*?</\1\s*>", re.S | re.I)


@cache
def direction(lang: str) -> str:
    """'rtl' for a language written right to left (Arabic, Persian, Hebrew, Urdu …), else 'ltr' (CLDR)."""
    try:
        return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"
    except (ValueError, UnknownLocaleError):
        return "ltr"


_HTML_TAG = re.compile(r"<html\b(?![^>]*\sdir=)", re.I)


def with_direction(page: str, lang: str) -> str:
    """The page's `<html>` says its direction too (Material sets it on `<body>` only)."""
    return _HTML_TAG.sub(f'<html dir="{direction(lang)}"', page, count=1) if direction(lang) == "rtl" else page


def marked(key: str, lang: str, **values: object) -> str:
    """`ui()` for templates: a borrowed word is marked so that `mark_borrowed_words` can give it its language."""
    text, actual = word(key, lang, **values)
    return text if actual == lang else f"{BORROWED_OPEN}{actual}{BORROWED_SEP}{text}{BORROWED_CLOSE}"


def mark_borrowed_words(html: str) -> str:
    """Give every borrowed word of a finished page (or its content) its `lang`, where HTML allows an element."""
    if BORROWED_OPEN not in html:
        return html
    raw = [m.span() for m in _RAW_TEXT.finditer(html)]

    def replace(match: re.Match) -> str:
        start = match.start()
        inside_tag = html.rfind("<", 0, start) > html.rfind(">", 0, start)
        if inside_tag or any(a < start < b for a, b in raw):
            return match.group(2)
        actual = match.group(1)
        return f'<span lang="{actual}" dir="{direction(actual)}">{match.group(2)}</span>'

    return _WRAPPED.sub(replace, html)


def unmark(text: str) -> str:
    """A text without the marks (for outputs that are not HTML)."""
    return _WRAPPED.sub(lambda m: m.group(2), text) if BORROWED_OPEN in text else text


# Languages are named from the Unicode CLDR (Babel), the one source of language names.

@cache
def language_name(code: str, lang: str | None = None) -> str:
    """A language's name in the reader's language, as a sentence needs it ("Danish, German"),
    or without `lang` in itself, as a list to choose from shows it ("Dansk", "Українська")."""
    try:
        name = Locale.parse(code).get_display_name(lang or code)
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if lang in (None, "de", "en") else name
