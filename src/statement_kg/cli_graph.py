"""Commands on the graph as a whole: build it, validate it, export it."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from statement_kg.cli_common import err, project, track
from statement_kg.corpus import MAX_TEXT_BYTES


def os_error(error: OSError) -> click.ClickException:
    """A failed read or write as one line naming the file, not a traceback."""
    where = f"{error.filename}: " if error.filename else ""
    reason = error.strerror or str(error)
    return click.ClickException(f"{where}{reason}")


@click.command("build")
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
    help="Process documents, recognise entities and write the JSON-LD in this many processes.",
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
    from statement_kg.build import ValidationFailed, build
    from statement_kg.records import InputError

    here = project(ctx)
    target = output or here.graph
    if target.exists() and not target.is_dir():
        raise click.ClickException(f"{target} is not a folder; nothing was written.")
    try:
        result = build(
            here,
            out_dir=output,
            track=track,
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
            f"the graph does not conform to {here.shapes} "
            f"({len(failed.violations)} violation(s)); nothing was written."
        ) from failed
    except OSError as error:
        raise os_error(error) from error
    out = Console()
    out.print(
        f"Built {result.documents} documents, {result.triples} triples; "
        "SHACL validation: conforms.",
        highlight=False,
    )
    for kind, count in result.counts.items():
        out.print(f"  {kind:<24} {count:>7}", highlight=False)
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


@click.command("validate")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.pass_context
def validate_command(ctx: click.Context, file: Path | None) -> None:
    """Validate an RDF file (default: graph/statements.ttl) against ontology/shapes.ttl."""
    from rdflib import Graph

    from statement_kg.validate import load_shapes, validate_graph

    here = project(ctx)
    path = file or here.graph / "statements.ttl"
    if not path.exists():
        raise click.ClickException(f"{path} not found: run 'statement-kg build' first")
    try:
        data = Graph().parse(path)
    except OSError as error:
        raise os_error(error) from error
    except Exception as error:  # rdflib raises many parser-specific types
        raise click.ClickException(f"{path}: cannot parse: {error}") from error
    if len(data) == 0:
        # Zero triples conform to any shapes; an empty graph is a broken build or a wrong file.
        raise click.ClickException(f"{path}: holds no triples; nothing to validate")
    violations = validate_graph(data, load_shapes(here.shapes), {})
    for violation in violations:
        err.print(f"[red]violation[/red] {escape(str(violation))}", highlight=False)
    if violations:
        raise click.ClickException(f"{path}: {len(violations)} violation(s)")
    click.echo(f"{path}: conforms to {here.shapes} ({len(data)} triples)")


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonld", "nt", "trig", "ttl", "xml"]),
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
    from statement_kg.store import atomic_write, export

    try:
        data = export(project(ctx).graph, fmt)
        if output is None:
            sys.stdout.buffer.write(data)
            return
        atomic_write(output, data)
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise os_error(error) from error
    err.print(f"wrote {output} ({len(data)} bytes)")
