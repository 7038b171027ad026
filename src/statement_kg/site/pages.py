"""What each page shows, gathered from the loaded site into template contexts."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from statement_kg.compare import disagreements, rows
from statement_kg.site import jsonld
from statement_kg.site.graphview import RDF_TYPE
from statement_kg.site.highlight import anchor_id, highlight
from statement_kg.site.load import Site
from statement_kg.site.model import (
    ID,
    KIND_ORDER,
    OWL,
    RDFS,
    SCHEMA,
    SKOS,
    Claim,
    Statement,
)
from statement_kg.site.timeline import Point, timeline

LINK_PREDICATES = {
    OWL + "sameAs": "same as",
    SKOS + "exactMatch": "exact match",
    SKOS + "closeMatch": "close match",
    RDFS + "seeAlso": "see also",
    SCHEMA + "url": "web address",
}


def claim_href(statement: Statement, claim: Claim) -> str:
    return f"{statement.page}#{claim.anchor}"


def span_href(statement: Statement, key: str) -> str:
    return f"{statement.page}#{anchor_id(key)}"


def statement_page(site: Site, item: Statement) -> dict[str, Any]:
    grouped = {kind: [c for c in item.claims if c.kind == kind] for kind in KIND_ORDER}
    events = sorted({c.event for c in item.claims if c.event}, key=lambda r: r.label)
    mentioned = sorted(
        {site.ref(m.body) for m in item.marks if m.kind == "mention" and m.body in site.entities},
        key=lambda r: r.label,
    )
    return {
        "title": item.title,
        "item": item,
        "text": highlight(item.text, item.marks),
        "groups": [(kind, claims) for kind, claims in grouped.items() if claims],
        "events": events,
        "mentioned": mentioned,
        "span_href": anchor_id,
        "jsonld": jsonld.script(jsonld.statement(item, events, mentioned)),
    }


def _by_statement(site: Site, claims: list[tuple[Statement, Claim]]) -> list[dict[str, Any]]:
    return [
        {"statement": s, "claim": c, "href": claim_href(s, c)}
        for s, c in sorted(claims, key=lambda sc: (sc[0].sort_key, sc[1].start))
    ]


def _claims_about(site: Site, iri: str, kind: str) -> list[tuple[Statement, Claim]]:
    return [
        (s, c)
        for s in site.statements
        for c in s.claims
        if c.kind == kind and c.event is not None and c.event.iri == iri
    ]


def _figure_table(
    site: Site, claims: list[tuple[Statement, Claim]]
) -> tuple[list[Statement], list[tuple[str, list[list[dict[str, Any]]]]]]:
    """Figures side by side: a row per category, a column per statement."""
    columns = sorted({s.iri: s for s, _ in claims}.values(), key=lambda s: s.sort_key)
    cells: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for statement, claim in claims:
        cells[claim.label][statement.iri].append(
            {"claim": claim, "href": claim_href(statement, claim)}
        )
    rows = [(label, [cells[label][s.iri] for s in columns]) for label in sorted(cells)]
    return columns, rows


def event_page(site: Site, iri: str) -> dict[str, Any]:
    ref = site.ref(iri)
    page = site.entities[iri]
    dates: list[dict[str, Any]] = [
        {
            "statement": s,
            "mark": m,
            "when": site.ref.label(m.body or ""),
            "href": span_href(s, m.key),
        }
        for s in site.statements
        for m in s.marks
        if m.kind == "date" and m.target == page
    ]
    terms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _by_statement(site, _claims_about(site, iri, "characterisation")):
        names = ", ".join(i.label for i in row["statement"].issuers)
        terms[f"{names} ({row['claim'].voice.text})"].append(row)
    columns, rows = _figure_table(site, _claims_about(site, iri, "figure"))
    speaking = {s.iri: s for s, _ in site.mentioned_by.get(iri, [])}
    speaking.update({d["statement"].iri: d["statement"] for d in dates})
    issuers = {i.iri: i for s in speaking.values() for i in s.issuers}
    return {
        "title": ref.label,
        "subject": ref,
        "issuers": [issuers[k] for k in sorted(issuers)],
        "dates": dates,
        "terms": sorted(terms.items()),
        "columns": columns,
        "rows": rows,
        "responsibility": _by_statement(site, _claims_about(site, iri, "responsibility")),
        "entity": entity_facts(site, iri),
        "jsonld": jsonld.script(
            {
                "@type": "Event",
                "@id": iri,
                "name": ref.label,
                "subjectOf": [{"@id": d["statement"].iri} for d in dates],
            }
        ),
    }


def issuer_page(site: Site, iri: str) -> dict[str, Any]:
    ref = site.ref(iri)
    statements = [s for s in site.statements if any(i.iri == iri for i in s.issuers)]
    own = [(s, c) for s in statements for c in s.claims]
    terms: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _by_statement(site, [(s, c) for s, c in own if c.kind == "characterisation"]):
        terms[row["claim"].event.label if row["claim"].event else "no event named"].append(row)
    figures = _by_statement(site, [(s, c) for s, c in own if c.kind == "figure"])
    return {
        "title": ref.label,
        "subject": ref,
        "statements": statements,
        "terms": sorted(terms.items()),
        "figures": figures,
        "entity": entity_facts(site, iri),
        "jsonld": jsonld.script(
            {
                "@type": "Organization",
                "@id": iri,
                "name": ref.label,
                "subjectOf": [{"@id": s.iri, "name": s.title} for s in statements],
            }
        ),
    }


def entity_facts(site: Site, iri: str) -> dict[str, Any]:
    view = site.view
    links = [
        {"relation": name, "href": target}
        for predicate, name in LINK_PREDICATES.items()
        for target in view.values(iri, predicate)
    ]
    mentions = [
        {"statement": s, "mark": m, "href": span_href(s, m.key)}
        for s, m in site.mentioned_by.get(iri, [])
    ]
    return {
        "alt": view.values(iri, SKOS + "altLabel"),
        "types": sorted(
            {t.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in view.values(iri, RDF_TYPE)}
        ),
        "links": links,
        "mentions": mentions,
    }


def entity_page(site: Site, iri: str) -> dict[str, Any]:
    ref = site.ref(iri)
    facts = entity_facts(site, iri)
    claims = [
        (s, c)
        for s in site.statements
        for c in s.claims
        if (c.agent and c.agent.iri == iri) or (c.voice.party and c.voice.party.iri == iri)
    ]
    return {
        "title": ref.label,
        "subject": ref,
        "entity": facts,
        "claims": _by_statement(site, claims),
        "jsonld": jsonld.script(
            {
                "@type": "Thing",
                "@id": iri,
                "name": ref.label,
                "alternateName": facts["alt"],
                "sameAs": [link["href"] for link in facts["links"]],
            }
        ),
    }


def _amount(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None  # a range ("160-1000") or a vague figure


def disagreements_page(site: Site, queries: Path) -> dict[str, Any]:
    by_id = {s.id: s for s in site.statements}
    table = []
    answer = disagreements(rows(site.view.store, queries))
    for quantity, values in sorted(answer.items()):
        category, _, event = quantity.partition(" (")
        rows_ = []
        for value in values:
            statement = by_id[value.statement]
            words = " ".join(value.words.split())
            amount = _amount(value.value)
            claim = next(
                (
                    c
                    for c in statement.claims
                    if c.kind == "figure"
                    and (amount is None or c.amount == amount)
                    and " ".join(c.exact.split()) in words
                ),
                None,
            )
            href = claim_href(statement, claim) if claim else statement.page
            rows_.append({"value": value, "statement": statement, "href": href, "claim": claim})
        label = site.ref.label(f"{ID}figure-category/{category}")
        if event:
            label += f" ({event.removesuffix(')')})"
        table.append((label, rows_))
    return {
        "title": "Where statements disagree",
        "table": table,
        "jsonld": jsonld.script(
            jsonld.collection(
                "Quantities statements give different values for",
                [(label, f"{ID}figure-category/{label}") for label, _ in table],
            )
        ),
    }


def home_page(site: Site) -> dict[str, Any]:
    statement_points = [Point(s.issued, s.title, s.page) for s in site.statements if s.issued]
    event_rows: dict[str, list[Point]] = defaultdict(list)
    for s in site.statements:
        for m in s.marks:
            if m.kind == "date" and m.target and m.body:
                when = site.ref.label(m.body).split("/")[0]
                event_rows[m.target].append(Point(when, s.title, m.target))
    labels = {page: site.ref(iri).label for iri, page in site.entities.items()}
    rows = [("Statements", statement_points)] + [
        (labels[page], points) for page, points in sorted(event_rows.items())
    ]
    counts = [
        ("statements", len(site.statements)),
        ("issuers", len(site.issuers)),
        ("events", len(site.events)),
        *(
            (f"{kind} claims", sum(1 for s in site.statements for c in s.claims if c.kind == kind))
            for kind in KIND_ORDER
        ),
        ("entities with a page", len(site.entities)),
        ("corrections", sum(len(s.corrections) for s in site.statements)),
    ]
    return {
        "title": "Statements",
        "counts": counts,
        "timeline": timeline(rows),
        "undated": [s for s in site.statements if not s.issued],
        "statements": site.statements,
        "issuers": [site.ref(i) for i in site.issuers],
        "events": sorted((site.ref(e) for e in site.events), key=lambda r: r.label),
        "jsonld": jsonld.script(
            {
                "@type": "Dataset",
                "name": "statement-kg",
                "description": "Official statements, who claims what, in which words.",
                "hasPart": [{"@id": s.iri, "name": s.title} for s in site.statements],
            }
        ),
    }


def search_index(site: Site) -> list[dict[str, str]]:
    """Titles and entity names with their pages, for the home page's search."""
    entries = [{"t": s.title, "k": "statement", "u": s.page} for s in site.statements]
    entries += [
        {"t": ref.label, "k": page.split("/")[0].rstrip("s"), "u": page}
        for iri, page in sorted(site.entities.items())
        for ref in [site.ref(iri)]
    ]
    return entries
