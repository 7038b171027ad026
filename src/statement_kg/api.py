"""The graph from Python, for notebooks and scripts: open a built graph, run a shipped or
written query with parameters, and get rows of plain Python values (or a pandas DataFrame).

>>> import statement_kg
>>> kg = statement_kg.open_graph(".")          # the project folder (or its graph/ folder)
>>> rows = kg.query("cq-01", symbol="S/RES/822 (1993)")
>>> rows.columns[:3]
['statement', 'title', 'issued']
>>> sorted(r["issued"].isoformat() for r in rows)
['2020-02-26', '2023-02-26']

Parameters take plain values; one that names an entity takes its short id (see
`entities`) or its IRI, and a list gives several values:

>>> claims = kg.claims("embassy-azerbaijan-brussels")
>>> claims[0]["kind"], claims[0]["about"], claims[0]["words"]
('figure', 'anniversary', '31st Anniversary')
>>> [e["id"] for e in kg.entities("person")][:3]
['ayaz-mutalibov', 'malcolm-shaw', 'paul-quinn-judge']

Any SPARQL text runs too, and `compare` gives the disputed quantities:

>>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"] > 10000
True
>>> sorted({r["value"] for r in kg.compare("population")})
[6000, 7000, 8000]

Values are converted by datatype: integers to `int`, decimals and doubles to `float`,
booleans to `bool`, `xsd:date` to `datetime.date`, other literals (years, language-tagged
text) to `str`; IRIs are `str`, and an unbound variable is `None`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from statement_kg import params
from statement_kg.compare import rows as compare_rows
from statement_kg.entities import Entity, entities, resolve
from statement_kg.federation import prepare
from statement_kg.query import Table, tabulate
from statement_kg.store import load_store

if TYPE_CHECKING:
    import pandas

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    f"{XSD}{name}"
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


def _decimal(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() and "e" not in text.lower() else number


_CONVERTERS: dict[str, Any] = {
    **dict.fromkeys(_INTEGERS, int),
    f"{XSD}decimal": _decimal,
    f"{XSD}double": float,
    f"{XSD}float": float,
    f"{XSD}boolean": lambda text: text in ("true", "1"),
    f"{XSD}date": datetime.date.fromisoformat,
}
Value = str | int | float | bool | datetime.date | None


def value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Value:
    """An RDF term as a plain Python value (see the module's documentation)."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    convert = _CONVERTERS.get(term.datatype.value)
    if convert is None:
        return term.value
    try:
        converted: Value = convert(term.value)
    except ValueError:
        return term.value  # an ill-typed literal stays as written
    return converted


class Rows(list[dict[str, Value]]):
    """A SELECT answer: a list of rows, each a dict of column -> plain value."""

    def __init__(self, columns: Sequence[str], rows: Iterable[dict[str, Value]]) -> None:
        super().__init__(rows)
        self.columns = list(columns)

    @classmethod
    def of(cls, table: Table) -> Rows:
        return cls(
            table.columns,
            (dict(zip(table.columns, map(value, row), strict=True)) for row in table.rows),
        )

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (needs the optional extra: pip install
        'statement-kg[notebook]')."""
        try:
            import pandas
        except ImportError as error:
            raise ImportError(
                "to_dataframe needs pandas: pip install 'statement-kg[notebook]'"
            ) from error
        return pandas.DataFrame(list(self), columns=self.columns)


class KnowledgeGraph:
    """A built graph in an in-memory store, with the project's shipped queries."""

    def __init__(self, graph: Path, queries: Path) -> None:
        self.graph = graph
        self.queries = queries
        self.store = load_store(graph)
        self._entities: list[Entity] = []

    def shipped(self) -> list[str]:
        """The names of the shipped queries (cq-01-..., without .rq)."""
        return sorted(p.stem for p in self.queries.glob("*.rq"))

    def _text(self, query: str | Path) -> str:
        if isinstance(query, Path):
            return query.read_text(encoding="utf-8")
        if "{" in query:  # SPARQL text: every query form has a group pattern
            return query
        for path in sorted(self.queries.glob("*.rq")):
            if query in (path.stem, path.name) or path.stem.startswith(f"{query}-"):
                return path.read_text(encoding="utf-8")
        if Path(query).is_file():
            return Path(query).read_text(encoding="utf-8")
        raise ValueError(f"no shipped query {query!r} in {self.queries}; shipped: {self.shipped()}")

    def _resolve(self, short_id: str) -> str:
        if short_id.startswith(("http://", "https://", "urn:")):
            return short_id
        if not self._entities:
            self._entities = entities(self._lexical)
        return resolve(short_id, self._entities)

    def _lexical(self, text: str) -> list[dict[str, str | None]]:
        table = tabulate(self._solutions(text))
        return [
            {c: None if t is None else t.value for c, t in zip(table.columns, row, strict=True)}
            for row in table.rows
        ]

    def _solutions(self, text: str) -> ox.QuerySolutions:
        result = self.store.query(prepare(text, self.store, {}))
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("not a SELECT query: use the store attribute for ASK, CONSTRUCT")
        return result

    def query(self, query: str | Path, **parameters: Any) -> Rows:
        """Run a SELECT query: a shipped query's name ("cq-01" or its full name), a .rq
        file, or SPARQL text. Keyword arguments bind the query's parameters."""
        text = self._text(query)
        if parameters:
            terms = {name: _terms(given) for name, given in parameters.items()}
            text = params.bind(text, params.resolve_ids(text, terms, self._resolve))
        return Rows.of(tabulate(self._solutions(text)))

    def entities(self, kind: str | None = None) -> Rows:
        """Statements, persons, organisations, groups, places, events and works: id, kind,
        label and IRI (kind: one of statement_kg.entities.KINDS)."""
        found = entities(self._lexical, kind)
        columns = ["id", "kind", "label", "iri"]
        return Rows(columns, ({c: asdict(e)[c] for c in columns} for e in found))

    def claims(self, issuer: str) -> Rows:
        """Every claim of one issuer's statements, with its words and offsets (cq-11)."""
        return self.query("cq-11", issuer=issuer)

    def compare(self, category: str | None = None) -> Rows:
        """The quantities statements give different values for (cq-03), or one category."""
        return Rows.of(compare_rows(self.store, self.queries, category))


def _terms(given: Any) -> list[params.Term]:
    values = given if isinstance(given, list | tuple | set) else [given]
    return [_term(v) for v in values]


def _term(given: Any) -> params.Term:
    if isinstance(given, ox.NamedNode | ox.Literal):
        return given
    if isinstance(given, bool):
        return ox.Literal("true" if given else "false", datatype=ox.NamedNode(f"{XSD}boolean"))
    if isinstance(given, int):
        return ox.Literal(str(given), datatype=ox.NamedNode(f"{XSD}integer"))
    if isinstance(given, float):
        return ox.Literal(repr(given), datatype=ox.NamedNode(f"{XSD}double"))
    if isinstance(given, datetime.date):
        return ox.Literal(given.isoformat(), datatype=ox.NamedNode(f"{XSD}date"))
    if isinstance(given, str):
        return params.parse_value(given)
    raise TypeError(f"cannot bind {given!r}: give str, int, float, bool, date or a list")


def open_graph(root: str | Path = ".", queries: str | Path | None = None) -> KnowledgeGraph:
    """The built graph of a project folder (or of a graph/ folder itself); its shipped
    queries come from the project's queries/ unless `queries` names another folder."""
    folder = Path(root)
    graph = folder if (folder / "statements.nt").exists() else folder / "graph"
    shipped = Path(queries) if queries is not None else graph.parent / "queries"
    return KnowledgeGraph(graph, shipped)
