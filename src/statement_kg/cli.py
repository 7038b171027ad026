"""The command line: one verb per stage of the pipeline. Each verb lives in a module of its
own and is imported only when it runs, so that `--help` or a query does not pay for loading
the build (rdflib, pyshacl) it does not use."""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from statement_kg import __version__

# name -> (module, command object, one-line help shown by `statement-kg --help`)
VERBS: dict[str, tuple[str, str, str]] = {
    "build": ("cli_graph", "build_command", "Read corpus/, extract, validate and write graph/."),
    "validate": ("cli_graph", "validate_command", "Validate an RDF file against the shapes."),
    "query": ("cli_query", "query_command", "Run a SPARQL query over the graph or an endpoint."),
    "entities": ("cli_query", "entities_command", "List the graph's entities: ids and labels."),
    "compare": ("cli_claims", "compare_command", "Where statements give different values."),
    "export": ("cli_graph", "export_command", "Export the built graph in another RDF syntax."),
    "add": ("cli_corpus", "add_command", "Copy texts into corpus/ with draft sidecars."),
    "draft-metadata": ("cli_claims", "draft_metadata_command", "Propose a sidecar for a text."),
    "evaluate": ("cli_claims", "evaluate_command", "Score extraction against gold files."),
    "serve": ("cli_remote", "serve_command", "Serve the graph as a SPARQL endpoint."),
    "publish": ("cli_remote", "publish_command", "Replace a named graph in a SPARQL store."),
    "link": ("cli_remote", "link_command", "Propose Wikidata links for unlinked entities."),
    "site": ("cli_site", "site_command", "Generate the static site from the built graph."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; its help lists them from VERBS."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(VERBS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in VERBS:
            return None
        module, name, _ = VERBS[cmd_name]
        command = getattr(importlib.import_module(f"statement_kg.{module}"), name)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, _, short) in VERBS.items()])


@click.group(cls=LazyGroup)
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
