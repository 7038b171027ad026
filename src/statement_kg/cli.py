"""The command line: one verb per stage of the pipeline. Each parses its arguments, calls one
function and prints; the work happens in the modules it calls."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import click
import pyoxigraph as ox
from rdflib import Graph
from rich.console import Console
from rich.markup import escape
from rich.progress import track as rich_track
from rich.table import Table as RichTable

from statement_kg import __version__, params, publish, serve
from statement_kg import endpoint as remote
from statement_kg.build import ValidationFailed, build
from statement_kg.cli_claims import COMMANDS
from statement_kg.corpus import MAX_TEXT_BYTES
from statement_kg.federation import check_endpoint, prepare, redirect
from statement_kg.lexicon import load_lexicon
from statement_kg.linker.endpoint import WIKIDATA, Endpoint, EndpointError
from statement_kg.linker.finder import find, unlinked
from statement_kg.linker.proposals import accept, proposal_rows, render_proposals
from statement_kg.linker.scoring import KINDS
from statement_kg.links import LINKS_FILE, load_links
from statement_kg.project import Project
from statement_kg.query import (
    OUTPUT_FORMATS,
    Table,
    default_format,
    display,
    question,
    render,
    run,
    tabulate,
)
from statement_kg.records import InputError
from statement_kg.store import FORMATS, atomic_write, export, load_store
from statement_kg.validate import load_shapes, validate_graph

T = TypeVar("T")
# Messages are not wrapped: a path or an IRI must stay whole to be copied or grepped.
err = Console(stderr=True, soft_wrap=True)


def _track(items: Sequence[T], description: str) -> Iterable[T]:
    """A progress bar on a terminal; nothing in a pipe or a log."""
    if not sys.stderr.isatty() or len(items) < 50:
        return items
    return rich_track(items, description=description, console=err, transient=True)


def _project(ctx: click.Context) -> Project:
    return Project(ctx.obj["root"])


@click.group()
@click.version_option(__version__, prog_name="statement-kg")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder holding corpus/, mappings/, ontology/, graph/ and queries/.",
)
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """statement-kg: a knowledge graph of who claims what in official statements."""
    ctx.ensure_object(dict)
    ctx.obj["root"] = root


@main.command("build")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write the graph here instead of graph/.",
)
@click.option(
    "--sparql-endpoint",
    metavar="URL",
    default=None,
    help="The public SPARQL endpoint serving this graph, named in graph/void.ttl.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Process documents in this many processes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Process documents on this Dask distributed scheduler (needs statement-kg[dask]).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Process every document again instead of reusing unchanged results (and refresh them).",
)
@click.option(
    "--max-text-size",
    type=click.IntRange(min=1),
    default=MAX_TEXT_BYTES,
    show_default=True,
    metavar="BYTES",
    help="Refuse a text larger than this.",
)
@click.pass_context
def build_command(
    ctx: click.Context,
    output: Path | None,
    sparql_endpoint: str | None,
    jobs: int,
    scheduler: str | None,
    no_cache: bool,
    max_text_size: int,
) -> None:
    """Read corpus/, extract, map to RDF, validate with SHACL and, only if the graph
    conforms, write graph/ (Turtle, N-Triples, JSON-LD, and its VoID description).
    Documents whose inputs are unchanged since the last build are reused from .cache/."""
    project = _project(ctx)
    try:
        result = build(
            project,
            out_dir=output,
            track=_track,
            sparql_endpoint=sparql_endpoint,
            jobs=jobs,
            scheduler=scheduler,
            use_cache=not no_cache,
            max_text_bytes=max_text_size,
        )
    except InputError as error:
        raise click.ClickException(f"{error}\nNothing was written.") from error
    except ValidationFailed as failed:
        for violation in failed.violations:
            err.print(f"[red]violation[/red] {escape(str(violation))}", highlight=False)
        raise click.ClickException(
            f"the graph does not conform to {project.shapes} "
            f"({len(failed.violations)} violation(s)); nothing was written."
        ) from failed
    out = Console()
    out.print(
        f"Built {result.documents} documents, {result.triples} triples; "
        "SHACL validation: conforms.",
        highlight=False,
    )
    for kind, count in result.counts.items():
        out.print(f"  {kind:<18} {count:>7}", highlight=False)
    if result.links is not None:
        out.print(f"Links: {result.links}", highlight=False)
    out.print(
        f"Reused {result.reused} of {result.documents} documents unchanged since the last build.",
        highlight=False,
    )
    timings = ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items())
    out.print(f"Time: {sum(result.seconds.values()):.2f} s ({timings})", highlight=False)
    for path in result.written.values():
        out.print(f"  wrote {path}", highlight=False)


@main.command("validate")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.pass_context
def validate_command(ctx: click.Context, file: Path | None) -> None:
    """Validate an RDF file (default: graph/statements.ttl) against ontology/shapes.ttl."""
    project = _project(ctx)
    path = file or project.graph / "statements.ttl"
    if not path.exists():
        raise click.ClickException(f"{path} not found: run 'statement-kg build' first")
    try:
        data = Graph().parse(path)
    except Exception as error:  # rdflib raises many parser-specific types
        raise click.ClickException(f"{path}: cannot parse: {error}") from error
    violations = validate_graph(data, load_shapes(project.shapes), {})
    for violation in violations:
        err.print(f"[red]violation[/red] {escape(str(violation))}", highlight=False)
    if violations:
        raise click.ClickException(f"{path}: {len(violations)} violation(s)")
    click.echo(f"{path}: conforms to {project.shapes} ({len(data)} triples)")


@main.command("query")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
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
    callback=lambda ctx, param, value: _parse_params(value),
    help="Bind a query parameter (see the file's Parameters: line): a literal, or an IRI "
    "written <...>. Repeat a name for several values.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
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
    help="With --endpoint: seconds to wait for the answer.",
)
@click.option(
    "--method",
    type=click.Choice(remote.METHODS),
    default="GET",
    show_default=True,
    help="With --endpoint: the HTTP method of the request.",
)
@click.pass_context
def query_command(
    ctx: click.Context,
    *,
    file: Path | None,
    text: str | None,
    fmt: str | None,
    services: tuple[str, ...],
    bindings: dict[str, list[params.Term]],
    list_queries: bool,
    endpoint: str | None,
    default_graph: str | None,
    timeout: int,
    method: str,
) -> None:
    """Run a SPARQL query (FILE.rq or --query TEXT) over the built graph, or over a remote
    endpoint with --endpoint. A federated query's SERVICE blocks are bound to the graph's
    links (see queries/cq-13-*.rq)."""
    if list_queries:
        _list_queries(_project(ctx).queries)
        return
    if (file is None) == (text is None):
        raise click.UsageError("give either FILE or --query TEXT")
    if default_graph is not None and endpoint is None:
        raise click.UsageError("--graph needs --endpoint")
    query_text = text if text is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    endpoints = {iri: url for iri, _, url in (s.partition("=") for s in services)}
    try:
        query_text = params.bind(query_text, bindings)
        if endpoint is None:
            store = load_store(_project(ctx).graph)
            answer = run(store, prepare(query_text, store, endpoints))
        else:
            site = remote.Endpoint(endpoint, timeout=timeout, method=method)
            answer = site.query(redirect(query_text, endpoints), default_graph)
        fmt = fmt or default_format(answer)
        if fmt != "table" or isinstance(answer, list):
            sys.stdout.buffer.write(render(answer, fmt))  # triples have no table: an error
            return
    except (FileNotFoundError, ValueError, SyntaxError, OSError, remote.EndpointError) as error:
        raise click.ClickException(str(error)) from error
    if isinstance(answer, ox.QueryBoolean):
        click.echo("true" if answer else "false")
        return
    _print_table(tabulate(answer))


def _parse_params(specs: tuple[str, ...]) -> dict[str, list[params.Term]]:
    bound: dict[str, list[params.Term]] = {}
    for spec in specs:
        try:
            name, term = params.parse_assignment(spec)
        except params.ParameterError as error:
            raise click.BadParameter(str(error), param_hint="--param") from error
        bound.setdefault(name, []).append(term)
    return bound


def _list_queries(folder: Path) -> None:
    """Each shipped query: its file, its question and its parameters with their defaults."""
    for path in sorted(folder.glob("*.rq")):
        click.echo(f"{path.name}\n    {question(path)}")
        for name, default in params.parameters(path.read_text(encoding="utf-8")).items():
            click.echo(f"    --param {name}=...  (default {default})")


def _print_table(table: Table) -> None:
    rich_table = RichTable(show_lines=True)
    for column in table.columns:
        rich_table.add_column(column, overflow="fold")
    for row in table.rows:
        rich_table.add_row(*(display(term) for term in row))
    # A pipe has no width: make it as wide as the widest row rather than fold every cell.
    cells = [table.columns, *([display(t) for t in row] for row in table.rows)]
    natural = sum(max(len(str(r[i])) for r in cells) + 3 for i in range(len(table.columns))) + 1
    Console(width=None if sys.stdout.isatty() else natural).print(rich_table)
    err.print(f"{len(table.rows)} row(s)")


def _iri(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not an absolute IRI ({error})") from error


@main.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--location",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the store in this folder (reloaded from graph/ at each start) instead of a "
    "temporary one.",
)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update (default: read-only).")
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=60,
    show_default=True,
    help="Seconds after which the server cancels a query.",
)
@click.pass_context
def serve_command(
    ctx: click.Context, port: int, location: Path | None, writable: bool, timeout: int
) -> None:
    """Serve the built graph as a SPARQL 1.1 endpoint with a query UI on 127.0.0.1 (Oxigraph's
    server), until Ctrl-C."""
    graph = _project(ctx).graph

    def announce(server: serve.Server) -> None:
        click.echo(f"SPARQL endpoint: {server.endpoint}")
        if writable:
            click.echo(f"SPARQL update:   {server.update_endpoint}")
        click.echo(f"Query UI:        {server.ui}")
        mode = "read-write" if writable else "read-only"
        click.echo(f"Serving {graph} ({mode}); stop with Ctrl-C.")

    try:
        serve.run(graph, port, announce, location=location, writable=writable, timeout=timeout)
    except (serve.ServeError, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from error
    click.echo("Stopped.")


@main.command("publish")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The store's SPARQL endpoint, for queries and, unless --update-endpoint, updates.",
)
@click.option("--update-endpoint", metavar="URL", default=None, help="Its SPARQL Update endpoint.")
@click.option(
    "--gsp",
    metavar="URL",
    default=None,
    help="Its Graph Store Protocol endpoint; without it the graph goes by SPARQL Update.",
)
@click.option(
    "--graph", "graph_iri", required=True, metavar="IRI", callback=_iri, help="The named graph."
)
@click.option("--user", default=None, help="User name, if the store asks for one.")
@click.option("--password", envvar="STATEMENT_KG_PASSWORD", default=None, help="Its password.")
@click.option(
    "--auth",
    type=click.Choice(sorted(remote.AUTH_SCHEMES)),
    default="basic",
    show_default=True,
    help="HTTP authentication scheme for --user.",
)
@click.option(
    "--timeout",
    type=click.IntRange(min=1),
    default=60,
    show_default=True,
    help="Seconds to wait for each answer of the store.",
)
@click.pass_context
def publish_command(
    ctx: click.Context,
    *,
    endpoint: str,
    update_endpoint: str | None,
    gsp: str | None,
    graph_iri: str,
    user: str | None,
    password: str | None,
    auth: str,
    timeout: int,
) -> None:
    """Load the built graph into a SPARQL 1.1 store as the named graph IRI, replacing the
    previous version at once: it goes to a staging graph, is counted, then MOVEd over."""
    credentials = remote.Credentials(user, password or "", auth) if user else None
    site = remote.Endpoint(endpoint, update_endpoint, timeout, "POST", credentials)
    dump = _project(ctx).graph / "statements.nt"
    if not dump.exists():
        raise click.ClickException(f"{dump} not found: run 'statement-kg build' first")
    try:
        triples = publish.publish(
            dump, publish.Target(site, graph_iri, gsp), lambda line: click.echo(line, err=True)
        )
    except publish.PublishError as error:
        raise click.ClickException(f"publishing failed: {error}") from error
    except SyntaxError as error:
        raise click.ClickException(f"{dump}: cannot parse: {error}") from error
    click.echo(f"Published {triples} triples as <{graph_iri}> at {endpoint}.")


@main.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="ttl",
    show_default=True,
    help="RDF syntax to write.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export the built graph in another RDF syntax."""
    try:
        data = export(_project(ctx).graph, fmt)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        atomic_write(output, data)
        err.print(f"wrote {output} ({len(data)} bytes)")


@main.command("link")
@click.option(
    "--endpoint",
    default=WIKIDATA,
    show_default=True,
    help="The Wikidata-shaped SPARQL endpoint to look candidates up in.",
)
@click.option(
    "--type",
    "kinds",
    multiple=True,
    type=click.Choice(sorted(KINDS)),
    help="Only entities of this kind (repeatable; default: all kinds).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the proposals (SSSOM TSV) here (default: standard output).",
)
@click.option("--limit", default=3, show_default=True, help="Candidates proposed per entity.")
@click.option("--timeout", default=60, show_default=True, help="Seconds to wait for an answer.")
@click.option(
    "--accept",
    "accept_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Instead: move the reviewed (signed) rows of this proposals file into "
    "mappings/links.sssom.tsv.",
)
@click.pass_context
def link_command(
    ctx: click.Context,
    *,
    endpoint: str,
    kinds: tuple[str, ...],
    out: Path | None,
    limit: int,
    timeout: int,
    accept_file: Path | None,
) -> None:
    """Propose Wikidata items for the entities that have none, scored and explained, as SSSOM
    rows to review; never writes the curated table, which only --accept does."""
    project = _project(ctx)
    curated = project.mappings / LINKS_FILE
    try:
        lexicon = load_lexicon(project.mappings)
        if accept_file is not None:
            done = accept(accept_file, curated, lexicon)
            err.print(
                f"moved {done.moved} row(s) into {curated}; {done.left} left in {accept_file}",
                highlight=False,
            )
            return
        if out is not None and out.resolve() == curated.resolve():
            raise click.UsageError(f"--out must not be the curated table {curated}")
        links = load_links(project.mappings, lexicon)
        entities = unlinked(lexicon, links, kinds or sorted(KINDS))
        ranked = find(Endpoint(check_endpoint(endpoint), timeout=timeout), lexicon, links, entities)
    except (InputError, EndpointError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    text = render_proposals(proposal_rows(ranked, lexicon, endpoint, limit), endpoint)
    if out is None:
        sys.stdout.write(text)
    else:
        atomic_write(out, text.encode("utf-8"))
    err.print(f"{len(ranked)} of {len(entities)} unlinked entities have candidates")


for _command in COMMANDS:
    main.add_command(_command)
