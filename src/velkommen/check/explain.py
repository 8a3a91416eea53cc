"""Turn pydantic's validation errors into problems an editor can act on.

Pydantic reports a `loc` path and an error type. We map the path back to the
YAML line, name the entry by its id, and word the problem and the fix in
plain language.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from velkommen.check.errors import Problem
from velkommen.load.yamlsource import YamlDocument, field_name
from velkommen.model.common import ERROR_PATTERNS
from velkommen.model.walk import field_keys, model_at


def suggest(value: str, known: list[str]) -> str | None:
    """The known name an editor most likely meant: a close spelling, or one that is part of what they wrote."""
    close = difflib.get_close_matches(value, known, n=1)
    if close:
        return close[0]
    inside = sorted((k for k in known if k and (k in value or value in k)), key=len, reverse=True)
    return inside[0] if inside else None


def problems_from_validation(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        path = data_path(doc.data, err["loc"], missing=err["type"] == "missing")
        entry, field = entry_and_field(doc.data, path)
        problem, fix = explain(err, model, path)
        problems.append(Problem(doc.file, problem, fix, line=doc.line_of(path), entry=entry, field=field))
    return problems


def data_path(data: Any, loc: tuple, missing: bool = False) -> tuple:
    """Follow pydantic's `loc` through the raw data, dropping validator tags that are not keys."""
    path: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif missing and i == len(loc) - 1 and isinstance(part, str):
            path.append(part)
    return tuple(path)


def entry_and_field(data: Any, path: tuple) -> tuple[str | None, str | None]:
    """The id of the innermost entry on `path` and the field inside it."""
    entry = None
    start = 0
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        entry = f"'{data['id']}'"
    current = data
    for i, part in enumerate(path):
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(current, dict):
            list_name = path[i - 1] if i else "list"
            ident = current.get("id") if isinstance(current, dict) else None
            entry = f"'{ident}' ({list_name}, item {part + 1})" if isinstance(ident, str) else f"{list_name}, item {part + 1}"
            start = i + 1
    rest = path[start:]
    return entry, field_name(rest)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (dict,)):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def explain(err: dict[str, Any], model: type[BaseModel], path: tuple) -> tuple[str, str]:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    key = str(path[-1]) if path else "(file)"
    if "fix" in ctx:
        return err["msg"], str(ctx["fix"])
    if kind == "missing":
        holder = model_at(model, path[:-1])
        help_text = _description(holder, key)
        return f"the required field '{key}' is missing", f"add `{key}:` to this entry" + (f" ({help_text})" if help_text else "")
    if kind == "extra_forbidden":
        holder = model_at(model, path[:-1])
        allowed = field_keys(holder) if holder else []
        if " " in key:
            # `{da: Ships, boats and cars}` splits at the commas: the rest turns into keys.
            return (f"'{key}' is not a field this entry knows: a comma inside {{ }} has split a text",
                    'put the whole text in quotes, e.g. {da: "Skibe, både og biler"}, or write it on its own line')
        guess = suggest(key, allowed)
        hint = f"did you mean '{guess}'? " if guess else ""
        return f"'{key}' is not a field this entry knows", f"{hint}allowed fields here: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern in ERROR_PATTERNS:
            problem, fix = ERROR_PATTERNS[pattern]
            return problem.format(input=value), fix
        return f"{_describe(value)} does not have the expected form", f"match the pattern {pattern}"
    simple = {
        "string_type": ("expected text here, found {v}", "write text; put numbers that are really text (postal codes, years in titles) in quotes"),
        "int_type": ("expected a whole number, found {v}", "write digits only, e.g. 2026"),
        "int_parsing": ("expected a whole number, found {v}", "write digits only, e.g. 2026"),
        "int_from_float": ("expected a whole number, found {v}", "leave out the decimals"),
        "float_type": ("expected a number, found {v}", "write a number such as 63 or 2.5 (with a dot)"),
        "float_parsing": ("expected a number, found {v}", "write a number such as 63 or 2.5 (with a dot)"),
        "bool_type": ("expected true or false, found {v}", "write true or false"),
        "bool_parsing": ("expected true or false, found {v}", "write true or false"),
        "list_type": ("expected a list, found {v}", "write each item on its own line starting with '- ', or as [a, b]"),
        "model_type": ("expected a group of fields, found {v}", "write the fields under this key, indented by two spaces"),
        "dict_type": ("expected a group of fields, found {v}", "write the fields under this key, indented by two spaces"),
        "model_attributes_type": ("expected a group of fields, found {v}", "write the fields under this key, indented by two spaces"),
        "string_too_short": ("this text is empty", "write the text, or delete the line if the field is optional"),
        "literal_error": ("{v} is not one of the allowed values", "use one of: {expected}"),
        "enum": ("{v} is not one of the allowed values", "use one of: {expected}"),
        "too_short": ("needs at least {min_length} item(s)", "add the missing item(s)"),
        "too_long": ("has more than {max_length} item(s)", "remove items"),
        "string_too_long": ("this text is longer than {max_length} characters", "shorten it"),
        "greater_than_equal": ("{v} is too small", "use a value of at least {ge}"),
        "less_than_equal": ("{v} is too large", "use a value of at most {le}"),
        "date_type": ("{v} is not a date", "write the date as YYYY-MM-DD, e.g. 2026-03-01"),
    }
    if kind in simple:
        problem, fix = simple[kind]
        fields = {"v": _describe(value), **{k: v for k, v in ctx.items()}}
        return problem.format(**fields), fix.format(**fields)
    return err["msg"], "compare the value with the examples in the editors' guide (EDITORS.md)"


def _description(model: type[BaseModel] | None, key: str) -> str:
    if model is None:
        return ""
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return (info.description or "").rstrip(".")
    return ""
