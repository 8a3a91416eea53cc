"""Read a YAML file into plain Python data and remember the line of every value.

Editors need line numbers in error messages, so we compose the YAML node tree
ourselves and record `path -> line` while converting it. Three YAML 1.1 traps
are closed on the way:

- dates stay strings, so the model (not PyYAML) reports an impossible date
  such as 2026-02-30 with its line, instead of crashing;
- only `true`/`false` are booleans (`no`, `on`, `off` stay text: the language
  code for Norwegian is `no`);
- a key written twice in one mapping is an error, not a silent overwrite;
- aliases (`&team` ... `*team`) may repeat a value, but what they expand to
  is bounded: a few hundred bytes of nested aliases would otherwise grow to
  gigabytes (a "billion laughs") and hang the build without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from velkommen.check.errors import Problem

Path_ = tuple  # a path into the data: ("actions", 3, "title", "de")
_STR = "tag:yaml.org,2002:str"

# Values an alias may repeat in one file, in all: far above any real use, far below a hang.
ALIAS_BUDGET = 100_000

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without timestamps and with YAML 1.2 booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class YamlDocument:
    """The data of one file and the line where each value starts."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    ends: dict[Path_, int] = field(default_factory=dict)  # last line of each value

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest recorded value on `path` (a missing key points at its parent)."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def load_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file. Returns the document, or None and the problems that stopped it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display_name, f"the file is not UTF-8 text ({exc.reason})",
                              "save the file with UTF-8 encoding (the default in VS Code)")]
    return parse_yaml(text, display_name)


def parse_yaml(text: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    problems: list[Problem] = []
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return None, [Problem(display_name, "the file contains a tab character",
                              "indent with spaces only (two spaces per level)", line=line)]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(display_name, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error is marked
        return None, [Problem(display_name, f"YAML syntax error: {exc}", "check the file's indentation and quoting")]
    finally:
        loader.dispose()
    doc = YamlDocument(display_name, None)
    if node is None:
        return doc, problems
    converter = _Converter(loader, doc, problems)
    try:
        doc.data = converter.convert(node, ())
    except _AliasBomb:
        return None, [Problem(
            display_name, f"the YAML aliases (*…) in this file repeat more than {ALIAS_BUDGET:,} values: "
            "aliases nested inside aliases, which would make the build hang",
            "write the values out in full, or use an alias only for a single value such as a name",
            line=converter.at_line)]
    return doc, problems


class _AliasBomb(Exception):
    pass


def _syntax_problem(display_name: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = (exc.problem or "the YAML cannot be read").rstrip(".")
    if exc.context:
        what = f"{exc.context}, {what}"
    hint = "check the indentation (spaces, the same depth for keys of one entry)"
    if "quoted scalar" in what and "end of stream" in what and exc.context_mark:
        # The reader only notices at the end of the file; the quote that is never closed is where it began.
        mark = exc.context_mark
        hint = "a quote (\" or ') is opened on this line and never closed: add the closing quote"
    elif "mapping values are not allowed" in what:
        hint = 'put text that contains ": " in quotes, e.g. title: "Trin 1: CPR"'
    elif "cannot start any token" in what:
        hint = "put text that starts with @, ` or % in quotes"
    elif "could not find expected ':'" in what:
        hint = "every key needs a colon and a space after it, e.g. `name: Nørreby`"
    elif "expected <block end>" in what:
        hint = "a list item or key is indented differently from its neighbours; line them up"
    return Problem(display_name, f"YAML syntax error: {what}", hint, line=(mark.line + 1) if mark else None)


def field_name(path: Path_) -> str | None:
    """A path as editors read it elsewhere: list items counted from 1."""
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in path) or None


class _Converter:
    def __init__(self, loader: Any, doc: YamlDocument, problems: list[Problem]):
        self.loader = loader
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()  # nodes read once; an alias is the same node met again
        self.repeated = 0
        self.at_line = 1  # the last line read in the file's own text

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > ALIAS_BUDGET:
                raise _AliasBomb
        else:
            self.seen.add(id(node))
            self.at_line = node.start_mark.line + 1  # inside an alias: the line that holds it
        self.doc.lines[path] = node.start_mark.line + 1
        end = node.end_mark
        # A block scalar ends at the start of the next line; count the line it really ends on.
        self.doc.ends[path] = max(self.doc.lines[path], end.line + (0 if end.column == 0 else 1))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            reported_key = False
            for key_node, value_node in node.value:
                key = self.scalar(key_node, path)
                if not isinstance(key, str) and not reported_key:
                    reported_key = True
                    # `{lat: 55,033}` splits at the comma: `033` becomes a key of its own.
                    self.problems.append(Problem(
                        self.doc.file, f"'{key_node.value}' stands where a field name should be",
                        "write decimals with a dot (55.033, not 55,033), and put text with a comma inside { } in quotes",
                        line=key_node.start_mark.line + 1, field=field_name(path)))
                if not isinstance(key, str):
                    key = str(key_node.value)
                if key in result:
                    self.problems.append(Problem(
                        self.doc.file, f"the key '{key}' appears twice here; the second one would silently win",
                        "delete one of them or merge them", line=key_node.start_mark.line + 1,
                        field=field_name((*path, key))))
                result[key] = self.convert(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: Path_) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append(Problem(self.doc.file, "a list or mapping cannot be used as a key",
                                         "use plain text as key", line=node.start_mark.line + 1))
            return str(node.start_mark)
        if node.tag == _STR:  # most values: skip the constructor's dispatch
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(Problem(self.doc.file, f"unsupported YAML value ({exc.problem})",
                                         "write plain text, numbers, true/false, lists and mappings only",
                                         line=node.start_mark.line + 1))
            return None
