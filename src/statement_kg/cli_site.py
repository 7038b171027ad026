"""`statement-kg site`: the static site generated from graph/."""

from __future__ import annotations

from pathlib import Path

import click

from statement_kg.project import Project
from statement_kg.site import SiteError, build_site

SITE_FOLDER = "site"


@click.command("site")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder to write the site to (default: {SITE_FOLDER}/ in the project), replaced "
    "whole; a folder that is not empty and holds no site is refused.",
)
@click.pass_context
def site_command(ctx: click.Context, out: Path | None) -> None:
    """Generate the static site (statements with their claims highlighted, issuers, events,
    entities, disagreements) from the built graph."""
    project = Project(ctx.obj["root"])
    target = out or project.root / SITE_FOLDER
    try:
        summary = build_site(project.graph, project.queries, target)
    except (FileNotFoundError, SiteError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {summary.pages} pages for {summary.statements} statements to {summary.out}")
    click.echo(f"Open {summary.out / 'index.html'}")
