"""Commands that talk to servers: serve the graph, publish it to a store, look up links."""

from __future__ import annotations

import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

import click
import pyoxigraph as ox

from statement_kg import endpoint as remote
from statement_kg import publish, serve
from statement_kg.cli_common import err, project
from statement_kg.federation import check_endpoint
from statement_kg.lexicon import load_lexicon
from statement_kg.linker.endpoint import WIKIDATA, Endpoint, EndpointError
from statement_kg.linker.finder import find, unlinked
from statement_kg.linker.proposals import accept, proposal_rows, render_proposals
from statement_kg.linker.scoring import KINDS
from statement_kg.links import LINKS_FILE, load_links
from statement_kg.records import InputError
from statement_kg.store import atomic_write


def _iri(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not an absolute IRI ({error})") from error


@click.command("serve")
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
@click.option(
    "--site-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port of the site (default: --port + 1).",
)
@click.pass_context
def serve_command(
    ctx: click.Context,
    port: int,
    location: Path | None,
    writable: bool,
    timeout: int,
    site_port: int | None,
) -> None:
    """Serve the built graph as a SPARQL 1.1 endpoint with a query UI on 127.0.0.1 (Oxigraph's
    server), and the site generated from it beside, until Ctrl-C."""
    from statement_kg.site import build_site
    from statement_kg.site.http import serving

    the_project = project(ctx)
    graph = the_project.graph
    # Listening for Ctrl-C from the start: a signal while the site is built stops too.
    with (
        serve.stop_on_signals() as stopping,
        tempfile.TemporaryDirectory(prefix="statement-kg-site-") as folder,
        ExitStack() as stack,
    ):

        def announce(server: serve.Server) -> None:
            # The site starts once the endpoint answers, so a busy SPARQL port is named first.
            site = stack.enter_context(
                serving(pages, site_port or port + 1, or_any=site_port is None)
            )
            click.echo(f"SPARQL endpoint: {server.endpoint}")
            if writable:
                click.echo(f"SPARQL update:   {server.update_endpoint}")
            click.echo(f"Query UI:        {server.ui}")
            click.echo(f"Site:            {site}")
            mode = "read-write" if writable else "read-only"
            click.echo(f"Serving {graph} ({mode}); stop with Ctrl-C.")

        try:
            click.echo(f"Loading {graph} ...", err=True)
            pages = build_site(graph, the_project.queries, Path(folder) / "site").out
            if not stopping.requested:
                serve.run(
                    graph,
                    port,
                    announce,
                    location=location,
                    writable=writable,
                    timeout=timeout,
                    stopping=stopping,
                )
        except (serve.ServeError, FileNotFoundError) as error:
            raise click.ClickException(str(error)) from error
        except OSError as error:
            raise click.ClickException(f"cannot serve the site: {error}") from error
    click.echo("Stopped.")


@click.command("publish")
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
    try:
        check_endpoint(endpoint)
        for url in (update_endpoint, gsp):
            if url is not None:
                check_endpoint(url)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    credentials = remote.Credentials(user, password or "", auth) if user else None
    site = remote.Endpoint(endpoint, update_endpoint, timeout, "POST", credentials)
    dump = project(ctx).graph / "statements.nt"
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


@click.command("link")
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
    here = project(ctx)
    curated = here.mappings / LINKS_FILE
    try:
        lexicon = load_lexicon(here.mappings)
        if accept_file is not None:
            done = accept(accept_file, curated, lexicon)
            err.print(
                f"moved {done.moved} row(s) into {curated}; {done.left} left in {accept_file}",
                highlight=False,
            )
            return
        if out is not None and out.resolve() == curated.resolve():
            raise click.UsageError(f"--out must not be the curated table {curated}")
        links = load_links(here.mappings, lexicon)
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
