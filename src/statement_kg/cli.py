"""The command line: one verb per stage of the pipeline. Each parses its arguments, calls one
function and prints; the work happens in the modules it calls."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import click
from rdflib import Graph
from rich.console import Console
from rich.progress import track as rich_track
from rich.table import Table as RichTable

from statement_kg import __version__
from statement_kg.build import ValidationFailed, build
from statement_kg.project import Project
from statement_kg.query import display, select, serialise_results
from statement_kg.records import InputError
from statement_kg.store import FORMATS, atomic_write, export, load_store
from statement_kg.validate import load_shapes, validate_graph

T = TypeVar("T")
err = Console(stderr=True)


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
@click.pass_context
def build_command(ctx: click.Context, output: Path | None) -> None:
    """Read corpus/, extract, map to RDF, validate with SHACL and, only if the graph
    conforms, write graph/ (Turtle, N-Triples, JSON-LD)."""
    project = _project(ctx)
    try:
        result = build(project, out_dir=output, track=_track)
    except InputError as error:
        raise click.ClickException(f"{error}\nNothing was written.") from error
    except ValidationFailed as failed:
        for violation in failed.violations:
            err.print(f"[red]violation[/red] {violation}", highlight=False, markup=True)
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
        err.print(f"[red]violation[/red] {violation}", highlight=False)
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
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default="table",
    show_default=True,
    help="Output format of the results.",
)
@click.pass_context
def query_command(ctx: click.Context, file: Path | None, text: str | None, fmt: str) -> None:
    """Run a SPARQL SELECT query (FILE.rq or --query TEXT) over the built graph."""
    if (file is None) == (text is None):
        raise click.UsageError("give either FILE or --query TEXT")
    query_text = text if text is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    try:
        store = load_store(_project(ctx).graph)
        if fmt != "table":
            sys.stdout.buffer.write(serialise_results(store, query_text, fmt))
            return
        table = select(store, query_text)
    except (FileNotFoundError, ValueError, SyntaxError, OSError) as error:
        raise click.ClickException(str(error)) from error
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
