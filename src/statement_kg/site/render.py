"""Writes the site: every page from its template, the statement's RDF beside its page, the
stylesheet, the search script and its index. The site is written to a temporary folder
beside the target and swapped in whole, so a reader never sees half a site, and a failed
run leaves the previous one in place. The same graph gives the same bytes."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from statement_kg.site import pages
from statement_kg.site.load import Site, load_site
from statement_kg.store import serialise

STATIC = ("style.css", "search.js")
# Files every generated site has: a folder without them is not replaced.
MARKS = ("index.html", "search-index.js")


class SiteError(Exception):
    """The site cannot be written where asked."""


@dataclass(frozen=True)
class SiteSummary:
    out: Path
    pages: int
    statements: int


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("statement_kg.site", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _Writer:
    def __init__(self, root: Path, env: Environment) -> None:
        self.root = root
        self.env = env
        self.pages = 0

    def page(self, path: str, template: str, context: dict[str, Any]) -> None:
        depth = path.count("/")
        html = self.env.get_template(template).render(root="../" * depth, path=path, **context)
        self.bytes(path, html.encode("utf-8"))
        self.pages += 1

    def bytes(self, path: str, data: bytes) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _statement_rdf(site: Site, writer: _Writer) -> None:
    for item in site.statements:
        triples = sorted(
            site.view.triples_under(item.iri),
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        for fmt in ("ttl", "jsonld"):
            writer.bytes(f"statements/{item.id}.{fmt}", serialise(triples, fmt))


def _write(site: Site, queries: Path, root: Path) -> int:
    writer = _Writer(root, _environment())
    writer.page("index.html", "home.html", pages.home_page(site))
    writer.page("disagreements.html", "disagreements.html", pages.disagreements_page(site, queries))
    for item in site.statements:
        writer.page(item.page, "statement.html", pages.statement_page(site, item))
    for iri, path in sorted(site.entities.items()):
        if path.startswith("events/"):
            writer.page(path, "event.html", pages.event_page(site, iri))
        elif path.startswith("issuers/"):
            writer.page(path, "issuer.html", pages.issuer_page(site, iri))
        else:
            writer.page(path, "entity.html", pages.entity_page(site, iri))
    _statement_rdf(site, writer)
    index = json.dumps(pages.search_index(site), ensure_ascii=False, sort_keys=True, indent=0)
    writer.bytes("search-index.js", f"window.SEARCH_INDEX = {index};\n".encode())
    static = resources.files("statement_kg.site").joinpath("static")
    for name in STATIC:
        writer.bytes(name, static.joinpath(name).read_bytes())
    return writer.pages


def build_site(graph_dir: Path, queries: Path, out: Path) -> SiteSummary:
    """Generates the site for the graph in `graph_dir` into `out`, replacing what was there."""
    out = out.resolve()
    if out.exists() and not (
        out.is_dir() and (not any(out.iterdir()) or all((out / m).exists() for m in MARKS))
    ):
        raise SiteError(f"{out} is not empty and holds no site: it is not replaced")
    site = load_site(graph_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        count = _write(site, queries, staging)
        staging.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old."))
            out.rename(old / "site")
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteSummary(out, count, len(site.statements))
