"""Loads a YAML file and checks it against a JSON Schema, so that every error names the file,
the line and the field.

Dates stay strings (PyYAML would turn 2023-02-30 into an exception and 2023-02-26 into a
date object); the schema's "date" format then checks them with the standard library.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from statement_kg.records import InputError, PartialDate, TimeSpec


class _Loader(yaml.SafeLoader):
    """A safe loader that leaves timestamps as strings and refuses a key given twice in one
    mapping (PyYAML would keep the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: PyYAML reports it itself
                continue
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first on line {first})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("partial-date", raises=ValueError)
def _is_partial_date(value: object) -> bool:
    """A year, a year and month, or a calendar date that exists (no 30 February)."""
    return not isinstance(value, str) or parse_partial_date(value) is not None


@_FORMATS.checks("partial-interval", raises=ValueError)
def _is_partial_interval(value: object) -> bool:
    return not isinstance(value, str) or parse_time(value) is not None


@_FORMATS.checks("regex", raises=re.error)
def _is_regex(value: object) -> bool:
    return not isinstance(value, str) or re.compile(value) is not None


def parse_partial_date(value: str) -> PartialDate:
    """An ISO year, year-month or date; ValueError when it is none of these."""
    if re.fullmatch(r"\d{4}", value):
        return PartialDate(value)
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return PartialDate(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        date.fromisoformat(value)
        return PartialDate(value)
    raise ValueError(f"not a year, year-month or date: {value!r}")


def parse_time(value: str) -> TimeSpec:
    """A partial date or an interval of two ('1992-02-25/1992-02-26')."""
    begin, _, end = value.partition("/")
    return TimeSpec(parse_partial_date(begin), parse_partial_date(end) if end else None)


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    text = resources.files("statement_kg.schemas").joinpath(schema_name).read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text), format_checker=_FORMATS)


def _message(err: jsonschema.ValidationError) -> str:
    if err.validator == "format" and err.validator_value == "partial-date":
        return f"{err.instance!r} is not a valid date (YYYY, YYYY-MM or a YYYY-MM-DD that exists)"
    if err.validator == "format" and err.validator_value == "partial-interval":
        return f"{err.instance!r} is not a valid date or interval (DATE or DATE/DATE)"
    if err.validator == "format" and err.validator_value == "regex":
        return f"{err.instance!r} is not a valid regular expression"
    return err.message


def _line_of(node: yaml.Node | None, path: list[str | int]) -> int | None:
    """The 1-based line of the node at `path` (or of its nearest existing parent)."""
    if node is None:
        return None
    for key in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _yaml_line(err: yaml.MarkedYAMLError) -> int | None:
    """Where the mistake most likely is: an unclosed bracket or quote is found only lines
    later, so the line of the construct it opened (the context) is the one to fix."""
    mark = err.context_mark or err.problem_mark
    return mark.line + 1 if mark is not None else None


def _yaml_problem(err: yaml.MarkedYAMLError) -> str:
    if err.context_mark is not None and err.problem_mark is not None:
        return (
            f"{err.problem} on line {err.problem_mark.line + 1} "
            f"({err.context} that starts on this line)"
        )
    return str(err.problem)


def line_of_field(node: yaml.Node | None, field: str) -> int | None:
    """The line of a dotted field path such as 'issuers.0'."""
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in field.split(".")]
    return _line_of(node, parts)


def compose(path: Path) -> yaml.Node | None:
    """The YAML node tree of a file already loaded, to find the line of a field."""
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)


def read_utf8(path: Path) -> str:
    """The file's text, or an InputError saying it is missing or not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise InputError(path, "file not found") from err
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 ({err.reason} at byte {err.start})") from err


def check(data: Any, path: Path, schema_name: str, node: yaml.Node | None = None) -> None:
    """An InputError naming the file and field (and, given the YAML node tree, the line)
    when data does not match the schema."""
    error = jsonschema.exceptions.best_match(_validator(schema_name).iter_errors(data))
    if error is not None:
        field = ".".join(str(p) for p in error.absolute_path) or None
        line = _line_of(node, list(error.absolute_path))
        raise InputError(path, _message(error), line=line, field=field)


def load(path: Path, schema_name: str) -> Any:
    """The file's data, valid against the schema, or an InputError naming file and line."""
    loader = _Loader(read_utf8(path))
    try:
        # One parse: the node tree gives the lines, the data is built from it.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        raise InputError(path, f"invalid YAML: {_yaml_problem(err)}", line=_yaml_line(err)) from err
    finally:
        loader.dispose()
    check(data, path, schema_name, node)
    return data
