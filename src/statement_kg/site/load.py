"""Reads everything the site shows from the built graph, once, in a fixed order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from statement_kg.site.graphview import GraphView
from statement_kg.site.model import (
    CLAIM_KINDS,
    DCT,
    ID,
    NIF,
    OA,
    PROV,
    RDFS,
    SCHEMA,
    SEM,
    SKG,
    Claim,
    Correction,
    Mark,
    RefMaker,
    Statement,
    local_key,
    read_claim,
    span_of,
)


@dataclass
class Site:
    view: GraphView
    ref: RefMaker
    statements: list[Statement]
    entities: dict[str, str]  # IRI -> page
    issuers: list[str]
    events: list[str]
    mentioned_by: dict[str, list[tuple[Statement, Mark]]] = field(default_factory=dict)

    def statement(self, iri: str) -> Statement:
        return next(s for s in self.statements if s.iri == iri)


def slug(iri: str) -> str:
    """A file name from an entity IRI's path below id/<group>/ (an anniversary's key has
    slashes: they become double hyphens, which entity ids never contain)."""
    tail = iri[len(ID) :].split("/", 1)[-1]
    return unquote(tail).replace("/", "--")


def _pages(view: GraphView) -> tuple[dict[str, str], list[str], list[str]]:
    issuers = sorted(
        {v for s in view.typed(SKG + "Statement") for v in view.values(s, DCT + "creator")}
    )
    events = view.typed(SEM + "Event")
    bodies = {b for m in view.typed(SKG + "Mention") for b in view.values(m, OA + "hasBody")}
    related = {
        v
        for c in view.typed(SKG + "Claim")
        for p in (SKG + "agent", SKG + "speaker", SKG + "attributedTo", SKG + "concerns")
        for v in view.values(c, p)
    }
    pages: dict[str, str] = {}
    for iri in sorted(bodies | related | set(issuers) | set(events)):
        if not iri.startswith(ID):
            continue
        if iri in events:
            pages[iri] = f"events/{slug(iri)}.html"
        elif iri in issuers:
            pages[iri] = f"issuers/{slug(iri)}.html"
        else:
            pages[iri] = f"entities/{slug(iri)}.html"
    return pages, issuers, events


def _corrections(view: GraphView, statement: str) -> list[Correction]:
    found = []
    for node in view.typed(PROV + "Activity"):
        if not node.startswith(statement + "/correction/"):
            continue
        anchored = span_of(view, node)
        start, end, exact = anchored if anchored else (0, 0, "")
        curator = view.value(node, PROV + "wasAssociatedWith")
        found.append(
            Correction(
                iri=node,
                action=view.value(node, RDFS + "label") or "change",
                who=(view.value(curator, RDFS + "label") or "") if curator else "",
                when=view.value(node, DCT + "created") or "",
                why=view.value(node, RDFS + "comment") or "",
                what=view.value(node, OA + "bodyValue") or "",
                start=start,
                end=end,
                exact=exact,
            )
        )
    return sorted(found, key=lambda c: (c.start, c.end, c.iri))


def _statement(view: GraphView, ref: RefMaker, iri: str) -> Statement:
    issued = view.value(iri, DCT + "issued")
    addressee = view.value(iri, SCHEMA + "recipient")
    container = view.value(iri, DCT + "isPartOf")
    doc_type = view.value(iri, DCT + "type")
    statement = Statement(
        id=view.value(iri, DCT + "identifier") or unquote(iri.rsplit("/", 1)[-1]),
        iri=iri,
        title=view.value(iri, DCT + "title") or "",
        issuers=[ref(i) for i in view.values(iri, DCT + "creator")],
        relays=[ref(r) for r in view.values(iri, SCHEMA + "publisher")],
        issued=issued,
        inferred=view.value(iri, SKG + "issuedInferred") == "true",
        date_note=view.value(iri, SKG + "dateNote"),
        issuer_note=view.value(iri, SKG + "issuerNote"),
        doc_type=ref.label(doc_type) if doc_type else "",
        addressee=ref(addressee) if addressee else None,
        container=view.value(container, DCT + "title") if container else None,
        source=view.value(iri, DCT + "source"),
        original_file=view.value(iri, SKG + "originalFileName"),
        text=view.value(iri, NIF + "isString") or "",
    )
    statement.corrections = _corrections(view, iri)
    by_claim = {c.iri: c for c in statement.corrections}
    generated = {
        claim: by_claim[node]
        for node in by_claim
        for claim in view.subjects(PROV + "wasGeneratedBy", node)
    }
    claims: list[Claim] = []
    for cls, kind in CLAIM_KINDS.items():
        for node in view.typed(cls):
            if not node.startswith(iri + "/"):
                continue
            claim = read_claim(view, node, kind, iri, ref)
            if claim is not None:
                claim.correction = generated.get(node)
                claims.append(claim)
    statement.claims = sorted(claims, key=lambda c: (c.start, c.end, c.key))
    statement.marks = _marks(view, ref, statement)
    return statement


def _marks(view: GraphView, ref: RefMaker, statement: Statement) -> list[Mark]:
    marks = [
        Mark(c.key, c.kind, c.start, c.end, c.exact, f"{c.kind}: {c.label}")
        for c in statement.claims
    ]
    for cls, kind in ((SKG + "Mention", "mention"), (SKG + "DateMention", "date")):
        for node in view.typed(cls):
            if not node.startswith(statement.iri + "/"):
                continue
            anchored = span_of(view, node)
            if anchored is None:
                continue
            body = view.value(node, OA + "hasBody")
            target = view.value(node, SKG + "dates") if kind == "date" else body
            title = f"{kind}{_group(body)}: {ref.label(body)}" if body else kind
            page = ref.pages.get(target) if target else None
            key = local_key(node, statement.iri)
            marks.append(Mark(key, kind, *anchored, title, page, body))
    for correction in statement.corrections:
        if correction.action == "reject":
            key = local_key(correction.iri, statement.iri)
            marks.append(
                Mark(
                    key,
                    "rejected",
                    correction.start,
                    correction.end,
                    correction.exact,
                    f"rejected: {correction.why}",
                )
            )
    return sorted(marks, key=lambda m: (m.start, -m.end, m.key))


def _group(iri: str) -> str:
    """What a mention names, from its IRI's path: ' (agent)', ' (place)', ' (event)'..."""
    group = iri[len(ID) :].split("/", 1)[0] if iri.startswith(ID) else ""
    return f" ({group})" if group in ("agent", "place", "event", "works") else ""


def load_site(graph_dir: Path) -> Site:
    view = GraphView(graph_dir)
    pages, issuers, events = _pages(view)
    ref = RefMaker(view, pages)
    statements = sorted(
        (_statement(view, ref, s) for s in view.typed(SKG + "Statement")),
        key=lambda s: s.sort_key,
    )
    site = Site(view, ref, statements, pages, issuers, [e for e in events if e in pages])
    for statement in statements:
        for mark in statement.marks:
            if mark.kind != "mention" or mark.body is None:
                continue
            if mark.body in pages:
                site.mentioned_by.setdefault(mark.body, []).append((statement, mark))
    return site
