"""Commands about claims: compare (where statements disagree), evaluate (extraction against
gold annotations), draft-metadata (a sidecar proposed from a text)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pyoxigraph as ox
from rich.console import Console

from statement_kg.cli_common import project
from statement_kg.compare import as_answer, disagreements, rows
from statement_kg.corpus import read_text
from statement_kg.draft import draft
from statement_kg.evaluate.report import as_json, print_scores
from statement_kg.evaluate.run import evaluate
from statement_kg.lexicon import load_lexicon
from statement_kg.query import render
from statement_kg.records import InputError
from statement_kg.store import atomic_write, load_store
from statement_kg.tables import labels, print_table, visible


@click.command("compare")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format (csv and json: the SPARQL results of queries/cq-03).",
)
@click.option("--category", help="Only this figure category (e.g. population).")
@click.pass_context
def compare_command(ctx: click.Context, fmt: str, category: str | None) -> None:
    """Show the quantities statements give different values for, each value with its
    statement, issuers, date and words (queries/cq-03). A quantity is a category about one
    event; ranges, vague figures and inferred dates are shown as given."""
    here = project(ctx)
    try:
        store = load_store(here.graph)
        table = rows(store, here.queries, category)
        if category is not None and not table.rows:
            known = {r[0].value for r in rows(store, here.queries).rows if r[0] is not None}
            raise click.ClickException(
                f"no disagreement on {category!r}; categories with one: {', '.join(sorted(known))}"
            )
        if fmt != "table":
            sys.stdout.buffer.write(render(as_answer(table), fmt))
            return
        events = {t.value for r in table.rows for t in r if isinstance(t, ox.NamedNode)}
        found = disagreements(table, labels(store, events))
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    columns = (
        "value",
        "modifier",
        "voice",
        "statement",
        "issuers",
        "issued",
        "in the statement's words",
    )
    for quantity, values in found.items():
        print_table(
            columns,
            [
                [
                    visible(c.value),
                    c.modifier,
                    visible(c.voice),
                    c.statement,
                    c.issuers,
                    c.issued,
                    visible(c.words),
                ]
                for c in values
            ],
            title=f"{quantity.replace('_', ' ')}: {len({v.value for v in values})} values",
        )


@click.command("evaluate")
@click.option(
    "--texts",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    required=True,
    help="Folder of <name>.txt (with <name>.yaml sidecars, if any).",
)
@click.option(
    "--gold",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    required=True,
    help="Folder of <name>.json gold files (see README, Evaluation).",
)
@click.option(
    "--errors/--no-errors",
    default=True,
    show_default=True,
    help="List every miss and false hit with its span.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Tables for reading, or one JSON object (fields, documents with their misses and "
    "false hits, voice table).",
)
@click.pass_context
def evaluate_command(ctx: click.Context, texts: Path, gold: Path, errors: bool, fmt: str) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per field and
    overall, per document, the voice of figures and characterisations (gold against
    extracted), then every miss and false hit."""
    try:
        scores = evaluate(texts, gold, load_lexicon(project(ctx).mappings))
    except InputError as error:
        raise click.ClickException(str(error)) from error
    if fmt == "json":
        click.echo(as_json(scores))
        return
    print_scores(Console(width=None if sys.stdout.isatty() else 160), scores, errors)


@click.command("draft-metadata")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft here (default: FILE with .yaml, never over an existing one).",
)
@click.pass_context
def draft_metadata_command(ctx: click.Context, file: Path, output: Path | None) -> None:
    """Propose a sidecar for a new text: issuer(s), relay, date, type, place and addressee
    found where the genre puts them, each as an entity id (or a new stub id) with the words
    it came from. The build refuses it until a curator has checked it
    and removed 'draft: true'."""
    try:
        lexicon = load_lexicon(project(ctx).mappings)
        text, digest = read_text(file)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    target = output or file.with_suffix(".yaml")
    if target.exists():
        raise click.ClickException(f"{target} exists; choose another --output")
    proposal = draft(text, digest, file.name, file.stem, lexicon)
    atomic_write(target, proposal.yaml.encode("utf-8"))
    click.echo(f"wrote {target} (a draft: check it, then remove 'draft: true')")
