"""Commands about claims: compare (where statements disagree), evaluate (extraction against
gold annotations), draft-metadata (a sidecar proposed from a text)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from statement_kg.compare import disagreements, query_text
from statement_kg.corpus import read_text
from statement_kg.draft import draft_sidecar
from statement_kg.evaluate.run import evaluate
from statement_kg.evaluate.score import DocumentScore, totals
from statement_kg.lexicon import load_lexicon
from statement_kg.project import Project
from statement_kg.query import render, run
from statement_kg.records import InputError
from statement_kg.store import atomic_write, load_store


def _project(ctx: click.Context) -> Project:
    return Project(ctx.obj["root"])


@click.command("compare")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--category", help="Only this figure category (e.g. population).")
@click.pass_context
def compare_command(ctx: click.Context, fmt: str, category: str | None) -> None:
    """Show the quantities statements give different values for, each value with its
    statement, date and words (queries/cq-03)."""
    project = _project(ctx)
    try:
        store = load_store(project.graph)
        if fmt != "table":
            text = query_text(project.queries)
            sys.stdout.buffer.write(render(run(store, text), fmt))
            return
        found = disagreements(store, project.queries)
    except (FileNotFoundError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    if category is not None:
        if category not in found:
            raise click.ClickException(
                f"no disagreement on {category!r}; categories with one: {', '.join(found)}"
            )
        found = {category: found[category]}
    console = Console(width=None if sys.stdout.isatty() else 160)
    for name, values in found.items():
        table = Table(
            title=f"{name.replace('_', ' ')}: {len({v.value for v in values})} values",
            title_justify="left",
            show_lines=False,
        )
        for column in ("value", "modifier", "statement", "issued", "in the statement's words"):
            table.add_column(column, overflow="fold")
        for claimed in values:
            table.add_row(
                claimed.value, claimed.modifier, claimed.statement, claimed.issued, claimed.words
            )
        console.print(table)


def _print_scores(scores: list[DocumentScore], show_errors: bool) -> None:
    console = Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title="Extraction against gold", title_justify="left")
    for column in ("field", "gold", "extracted", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "field" else "left")
    for field, counts in totals(scores).items():
        table.add_row(
            field,
            str(counts.gold),
            str(counts.extracted),
            str(counts.matched),
            f"{counts.precision:.2f}",
            f"{counts.recall:.2f}",
            f"{counts.f1:.2f}",
        )
    console.print(table)
    if not show_errors:
        return
    for score in scores:
        for item in score.misses:
            console.print(
                f"miss       {score.name}: {item.describe()}", highlight=False, markup=False
            )
        for item in score.false_hits:
            console.print(
                f"false hit  {score.name}: {item.describe()}", highlight=False, markup=False
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
@click.pass_context
def evaluate_command(ctx: click.Context, texts: Path, gold: Path, errors: bool) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per field and
    overall, then every miss and false hit."""
    try:
        scores = evaluate(texts, gold, load_lexicon(_project(ctx).mappings))
    except InputError as error:
        raise click.ClickException(str(error)) from error
    _print_scores(scores, errors)


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
    lexicon = load_lexicon(_project(ctx).mappings)
    try:
        text, digest = read_text(file)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    target = output or file.with_suffix(".yaml")
    if target.exists():
        raise click.ClickException(f"{target} exists; choose another --output")
    draft = draft_sidecar(text, digest, file.name, file.stem, lexicon)
    atomic_write(target, draft.encode("utf-8"))
    click.echo(f"wrote {target} (a draft: check it, then remove 'draft: true')")


COMMANDS = (compare_command, evaluate_command, draft_metadata_command)
