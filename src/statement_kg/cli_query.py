"""Commands that read the built graph: query it (or a remote endpoint) and list its
entities. Only what a query needs is imported (Oxigraph, rich for tables), never the build
or SHACL validation, so that a query starts at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pyoxigraph as ox

from statement_kg import params
from statement_kg.cli_bounded import Rows, first_rows, within
from statement_kg.cli_common import err, project
from statement_kg.cli_shipped import find_query, queries_folder, read_query
from statement_kg.entities import KINDS, Entity, entities, resolve
from statement_kg.query import OUTPUT_FORMATS, RESULT_FORMATS, Answer, default_format, render
from statement_kg.tables import (
    Display,
    choose_labels,
    labels,
    labels_query,
    print_table,
    visible,
)

if TYPE_CHECKING:
    from statement_kg.endpoint import Endpoint

# A table holds its rows in memory to size its columns: past this many it stops reading.
TABLE_ROWS = 1000


def _parse_params(
    ctx: click.Context, param: click.Parameter, specs: tuple[str, ...]
) -> dict[str, list[params.Term]]:
    bound: dict[str, list[params.Term]] = {}
    for spec in specs:
        try:
            name, term = params.parse_assignment(spec)
        except params.ParameterError as error:
            raise click.BadParameter(str(error), param_hint="--param") from error
        bound.setdefault(name, []).append(term)
    return bound


def _list_queries(folder: Path) -> None:
    """Each shipped query: the name `query` takes, its question, its parameters."""
    from statement_kg.query import question

    for path in sorted(queries_folder(folder).glob("*.rq")):
        click.echo(f"{path.stem}\n    {question(path)}")
        for name, default in params.parameters(read_query(path)).items():
            click.echo(f"    --param {name}=...  (default {default})")


def _plain(answer: Answer | ox.QueryTriples) -> list[dict[str, str | None]]:
    if not isinstance(answer, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    columns = [v.value for v in answer.variables]
    return [{c: (s[c].value if s[c] is not None else None) for c in columns} for s in answer]


@click.command("query")
@click.argument("file", required=False)
@click.option("--query", "text", help="The SPARQL query text, instead of a FILE.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(OUTPUT_FORMATS),
    default=None,
    help="Output format: table, csv, tsv, json or xml for SELECT and ASK (default table); "
    "ttl, nt, jsonld, trig or xml for CONSTRUCT and DESCRIBE (default ttl).",
)
@click.option(
    "--service",
    "services",
    multiple=True,
    metavar="IRI=URL",
    help="Send the query's SERVICE <IRI> to the endpoint URL instead (repeatable).",
)
@click.option(
    "--param",
    "bindings",
    multiple=True,
    metavar="NAME=VALUE",
    callback=_parse_params,
    help="Bind a query parameter (see --list): a literal, an IRI written <...>, or for a "
    "parameter that takes an entity its short id (see 'statement-kg entities'). Repeat a "
    "name for several values.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
@click.option("--ids", is_flag=True, help="In a table, show IRIs instead of labels.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=TABLE_ROWS,
    show_default=True,
    help="Rows a table shows (the other formats stream every row).",
)
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run the query on this remote SPARQL 1.1 endpoint instead of the built graph.",
)
@click.option(
    "--graph",
    "default_graph",
    metavar="IRI",
    default=None,
    help="With --endpoint: the named graph to query as the default graph.",
)
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=60,
    show_default=True,
    help="Seconds to wait for the whole answer (with --endpoint: for the server's answer).",
)
@click.option(
    "--method",
    type=click.Choice(["GET", "POST"]),
    default="GET",
    show_default=True,
    help="With --endpoint: the HTTP method of the request.",
)
@click.pass_context
def query_command(
    ctx: click.Context,
    *,
    file: str | None,
    text: str | None,
    fmt: str | None,
    services: tuple[str, ...],
    bindings: dict[str, list[params.Term]],
    list_queries: bool,
    ids: bool,
    limit: int,
    endpoint: str | None,
    default_graph: str | None,
    timeout: int,
    method: str,
) -> None:
    """Run a SPARQL query over the built graph, or over a remote endpoint with --endpoint.
    FILE is a .rq file or a shipped query by name (cq-01, or a name --list gives). A
    federated query's SERVICE blocks are bound to the graph's links (see queries/cq-13)."""
    here = project(ctx)
    if list_queries:
        _list_queries(here.queries)
        return
    if (file is None) == (text is None):
        raise click.UsageError("give either FILE or --query TEXT")
    if default_graph is not None and endpoint is None:
        raise click.UsageError("--graph needs --endpoint")
    query_text = read_query(find_query(here.queries, file)) if file is not None else text or ""
    endpoints = {iri: url for iri, _, url in (s.partition("=") for s in services)}
    try:
        if endpoint is None:
            _embedded(here.graph, query_text, endpoints, bindings, fmt, ids, limit, timeout)
        else:
            site = _site(endpoint, timeout, method)
            _remote(site, query_text, endpoints, bindings, fmt, ids, default_graph)
    except BrokenPipeError:
        # The reader stopped (`| head`): what it did not read is not wanted, and Python must
        # not complain while flushing the closed pipe at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except (FileNotFoundError, ValueError, SyntaxError, OSError) as error:
        raise click.ClickException(str(error)) from error


def _embedded(
    graph: Path,
    text: str,
    endpoints: dict[str, str],
    bindings: dict[str, list[params.Term]],
    fmt: str | None,
    ids: bool,
    limit: int,
    timeout: int,
) -> None:
    from statement_kg.federation import prepare
    from statement_kg.store import load_store

    store = load_store(graph)
    known: list[Entity] = []

    def find(short_id: str) -> str:
        if not known:
            known.extend(entities(lambda q: _plain(store.query(q))))
        return resolve(short_id, known)

    bound = params.bind(text, params.resolve_ids(text, bindings, find))

    def answer() -> Rows | bool | None:
        result = store.query(prepare(bound, store, endpoints))
        if isinstance(result, ox.QueryTriples):
            sys.stdout.buffer.write(render(list(result), fmt or "ttl"))
            return None
        if fmt is None or fmt == "table":
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            return first_rows(result, limit)
        if fmt not in RESULT_FORMATS or fmt == "xml":
            # XML is checked whole (a character XML 1.0 cannot carry is refused); otherwise
            # the error that says which formats fit.
            sys.stdout.buffer.write(render(result, fmt))
            return None
        # Streamed: a large answer is written as it comes, never held whole.
        result.serialize(sys.stdout.buffer, RESULT_FORMATS[fmt])
        return None

    shown = within(timeout, answer)
    if isinstance(shown, bool):
        click.echo("true" if shown else "false")
    elif isinstance(shown, Rows):
        _show(shown, {} if ids else labels(store, _iris(shown)))


def _iris(rows: Rows) -> set[str]:
    return {t.value for row in rows.rows for t in row if isinstance(t, ox.NamedNode)}


def _show(rows: Rows, names: dict[str, str]) -> None:
    display = Display(names)
    print_table(rows.columns, [[display(t) for t in row] for row in rows.rows])
    if rows.more:
        err.print(
            f"the first {len(rows.rows)} row(s); more follow: raise --limit, or use "
            "--format csv, which streams every row",
            highlight=False,
        )
    else:
        err.print(f"{len(rows.rows)} row(s)", highlight=False)


def _site(url: str, timeout: int, method: str) -> Endpoint:
    from statement_kg import endpoint as remote

    return remote.Endpoint(url, timeout=timeout, method=method)


def _remote(
    site: Endpoint,
    text: str,
    endpoints: dict[str, str],
    bindings: dict[str, list[params.Term]],
    fmt: str | None,
    ids: bool,
    default_graph: str | None,
) -> None:
    from statement_kg import endpoint as remote
    from statement_kg.federation import redirect

    known: list[Entity] = []

    def find(short_id: str) -> str:
        if not known:
            known.extend(entities(lambda q: _plain(site.query(q, default_graph))))
        return resolve(short_id, known)

    try:
        bound = params.bind(text, params.resolve_ids(text, bindings, find))
        answer = site.query(redirect(bound, endpoints), default_graph)
        fmt = fmt or default_format(answer)
        if fmt != "table" or isinstance(answer, list):
            sys.stdout.buffer.write(render(answer, fmt))
            return
        if isinstance(answer, ox.QueryBoolean):
            click.echo("true" if answer else "false")
            return
        rows = first_rows(answer, TABLE_ROWS)
        names = {} if ids or not _iris(rows) else _remote_labels(site, _iris(rows), default_graph)
    except remote.EndpointError as error:
        raise click.ClickException(str(error)) from error
    _show(rows, names)


def _remote_labels(site: Endpoint, iris: set[str], default_graph: str | None) -> dict[str, str]:
    answer = site.query(labels_query(iris), default_graph)
    assert isinstance(answer, ox.QuerySolutions)
    return choose_labels(
        (s["s"].value, s["p"].value, s["label"])
        for s in answer
        if s["s"] is not None and s["p"] is not None and isinstance(s["label"], ox.Literal)
    )


@click.command("entities")
@click.option(
    "--type", "kind", type=click.Choice(KINDS), default=None, help="Only entities of this kind."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "tsv"]),
    default="table",
    show_default=True,
    help="A table, or tab-separated id, kind and label for scripts.",
)
@click.pass_context
def entities_command(ctx: click.Context, kind: str | None, fmt: str) -> None:
    """List the graph's statements, agents, places, events and works: the short id that
    --param takes, the kind and the label."""
    from statement_kg.store import load_store

    try:
        store = load_store(project(ctx).graph)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    found = entities(lambda q: _plain(store.query(q)), kind)
    rows = [[e.id, e.kind, visible(e.label)] for e in found]
    if fmt == "tsv":
        click.echo("id\tkind\tlabel")
        for row in rows:
            click.echo("\t".join(" ".join(cell.split()) for cell in row))
        return
    print_table(["id", "kind", "label"], rows)
    err.print(f"{len(rows)} entities", highlight=False)
