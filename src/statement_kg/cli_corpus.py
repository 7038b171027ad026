"""Commands that change the corpus: add texts with draft sidecars."""

from __future__ import annotations

from pathlib import Path

import click

from statement_kg.cli_common import project


@click.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def add_command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Copy texts into corpus/ byte for byte, each as <date>-<issuer>-<type>.txt beside a
    draft sidecar (sha256 filled, issuer, date, type and place proposed from the text).
    A text already in the corpus is refused; so is the whole call if any text is bad. Check
    each sidecar, then remove its 'draft: true' line and build."""
    from statement_kg.adding import add
    from statement_kg.lexicon import load_lexicon
    from statement_kg.records import InputError

    here = project(ctx)
    try:
        added = add(files, here.corpus, load_lexicon(here.mappings))
    except InputError as error:
        raise click.ClickException(f"{error}\nNothing was added.") from error
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        raise click.ClickException(
            f"{where}{error.strerror or error}\nNothing was added."
        ) from error
    for done in added:
        click.echo(f"added {done.source} as {done.text} with the draft {done.sidecar}")
    click.echo(
        f"{len(added)} text(s) added. Check each draft sidecar, replace names by entity ids, "
        "remove 'draft: true', then run 'statement-kg build'."
    )
