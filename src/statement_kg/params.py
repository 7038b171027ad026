"""Query parameters, bound safely. A shipped query gives each parameter a default in a
one-variable VALUES block (`VALUES ?symbol { "S/RES/884 (1993)" }`); binding a parameter
replaces that block's values with RDF terms written by Oxigraph's own serialiser, so that a
value can never become query text: quotes, braces, `#` and newlines end up escaped inside a
literal, and an IRI that could leave its angle brackets is refused. The same text then runs
unchanged on the embedded store, through `serve` and on any remote endpoint, which
substitution APIs (SEP-0007, rdflib's initBindings) could not offer.

A block that holds only UNDEF is a placeholder filled by other code (see federation.py), not a
parameter."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from statement_kg.sparql_text import tokens

Term = ox.NamedNode | ox.Literal


class ParameterError(ValueError):
    """A parameter that is malformed or that the query does not take."""


@dataclass(frozen=True)
class _Block:
    """A one-variable VALUES block: the variable, where its braces are, and its contents."""

    name: str
    start: int  # index of "{"
    end: int  # index just after "}"
    values: str


def _blocks(text: str) -> list[_Block]:
    found = list(tokens(text))
    blocks = []
    for i, token in enumerate(found[:-2]):
        if token.kind != "word" or token.text.upper() != "VALUES":
            continue
        var, brace = found[i + 1], found[i + 2]
        if var.kind != "var" or brace.kind != "open":
            continue  # VALUES (?a ?b) { ... } binds several variables: not a parameter
        close = next((t for t in found[i + 3 :] if t.kind in ("open", "close")), None)
        if close is None or close.kind != "close":
            raise ParameterError(f"the VALUES block of {var.text} is not closed")
        contents = text[brace.start + 1 : close.start].strip()
        if contents.upper() != "UNDEF":
            blocks.append(_Block(var.text[1:], brace.start, close.start + 1, contents))
    return blocks


def parameters(text: str) -> dict[str, str]:
    """The query's parameters, each with its default values as the query writes them."""
    return {block.name: block.values for block in _blocks(text)}


def parse_value(value: str) -> Term:
    """A parameter value as an RDF term: an IRI when written `<...>`, otherwise a literal."""
    if value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as error:
            raise ParameterError(f"{value} is not a valid IRI ({error})") from error
    return ox.Literal(value)


def parse_assignment(spec: str) -> tuple[str, Term]:
    """`NAME=VALUE` (the name with or without its leading `?`) as a name and a term."""
    name, equals, value = spec.partition("=")
    name = name.strip().removeprefix("?").removeprefix("$")
    if not equals or not re.fullmatch(r"\w+", name):
        raise ParameterError(f"expected NAME=VALUE, got {spec!r}")
    return name, parse_value(value)


def bind(text: str, values: Mapping[str, Sequence[Term]]) -> str:
    """The query with each named parameter's default block holding the given terms instead
    (several terms give several solutions, as VALUES does)."""
    blocks = _blocks(text)
    known = {block.name for block in blocks}
    for name in values:
        if name not in known:
            takes = ", ".join(f"?{n}" for n in sorted(known)) or "none"
            raise ParameterError(f"the query has no parameter ?{name} (its parameters: {takes})")
    out, position = [], 0
    for block in blocks:
        if block.name in values:
            terms = " ".join(str(term) for term in values[block.name])
            out += [text[position : block.start], f"{{ {terms} }}"]
            position = block.end
    out.append(text[position:])
    return "".join(out)


_NAMES_A_RESOURCE = re.compile(r"^(<|[A-Za-z][\w.-]*:)")


def takes_resources(text: str) -> set[str]:
    """The parameters whose defaults are IRIs (`<...>` or `prefix:name`), not literals."""
    return {block.name for block in _blocks(text) if _NAMES_A_RESOURCE.match(block.values)}


def resolve_ids(
    text: str, values: Mapping[str, Sequence[Term]], resolve: Callable[[str], str]
) -> dict[str, list[Term]]:
    """The values with each literal given to a parameter that takes a resource replaced by
    the IRI its short id names (`issuer=mfa-azerbaijan`), so that a short id never silently
    matches nothing. `resolve` maps a short id to an IRI or raises ValueError."""
    wanted = takes_resources(text)
    resolved: dict[str, list[Term]] = {}
    for name, terms in values.items():
        resolved[name] = []
        for given in terms:
            term: Term = given
            if name in wanted and isinstance(given, ox.Literal):
                try:
                    term = ox.NamedNode(resolve(given.value))
                except ValueError as error:
                    raise ParameterError(f"--param {name}: {error}") from error
            resolved[name].append(term)
    return resolved
