"""Commands about claims: compare (where statements disagree), evaluate (extraction against
gold annotations), draft-metadata (a sidecar proposed from a text)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml
from rich.console import Console
from rich.table import Table

from statement_kg.compare import disagreements, query_text
from statement_kg.corpus import read_text
from statement_kg.evaluate.report import as_json, print_scores
from statement_kg.evaluate.run import evaluate
from statement_kg.lexicon import load_lexicon
from statement_kg.metadata import (
    Found,
    find_document_type,
    find_issue_date,
    find_issuers,
    find_place,
)
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
        scores = evaluate(texts, gold, load_lexicon(_project(ctx).mappings))
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
    """Propose a sidecar for a new text: issuer, date, type and place found in the text,
    each with the words it came from. The build refuses it until a curator has checked it
    and removed 'draft: true'."""
    lexicon = load_lexicon(_project(ctx).mappings)
    try:
        text, digest = read_text(file)
    except InputError as error:
        raise click.ClickException(str(error)) from error
    target = output or file.with_suffix(".yaml")
    if target.exists():
        raise click.ClickException(f"{target} exists; choose another --output")
    issuers = find_issuers(text, lexicon)
    date = find_issue_date(text)
    doc_type = find_document_type(text, lexicon)
    place = find_place(text, lexicon)
    notes = [
        "# Draft sidecar proposed by statement-kg draft-metadata. Check every field",
        "# against the text, replace names by entity ids of mappings/entities.yaml,",
        "# then delete the line 'draft: true'.",
    ]
    proposed: list[Found | None] = [*issuers] or [None]
    for label, found in (
        *(("issuer", issuer) for issuer in proposed),
        ("date", date),
        ("type", doc_type),
        ("place", place),
    ):
        where = (
            (
                f"found in the text at {found.span.start}-{found.span.end}: "
                f"{' '.join(found.span.exact.split())!r}"
            )
            if found
            else "not found in the text"
        )
        notes.append(f"# {label}: {where}")
    sidecar = {
        "draft": True,
        "title": file.stem,
        "type": doc_type.value if doc_type else "press-release",
        "language": "en",
        "issuers": [i.entity or i.value for i in issuers] or ["UNKNOWN"],
        "issued": {
            "date": date.value if date else None,
            "inferred": False,
            "reason": "proposed from the text; confirm"
            if date
            else "the text gives no date; say how it was dated, or leave null",
        },
        **({"place": place.entity} if place and place.entity else {}),
        "original_file": file.name,
        "sha256": digest,
    }
    atomic_write(
        target,
        (
            "\n".join(notes) + "\n" + yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True)
        ).encode(),
    )
    click.echo(f"wrote {target} (a draft: check it, then remove 'draft: true')")


COMMANDS = (compare_command, evaluate_command, draft_metadata_command)
