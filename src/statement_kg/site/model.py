"""What the pages show, read from the built graph into plain records: statements with their
anchored claims and mentions, entities, and the corrections curators made."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from statement_kg.site.graphview import GraphView

ID = "https://w3id.org/statement-kg/id/"
SKG = "https://w3id.org/statement-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
OWL = "http://www.w3.org/2002/07/owl#"

CLAIM_KINDS = {
    SKG + "FigureClaim": "figure",
    SKG + "CharacterisationClaim": "characterisation",
    SKG + "ResponsibilityClaim": "responsibility",
    SKG + "QuotationClaim": "quotation",
}
KIND_ORDER = ("figure", "characterisation", "responsibility", "quotation")


def fragment(key: str) -> str:
    """A key as a URL fragment that needs no escaping: slashes become hyphens, anything else
    but letters, digits and hyphens an underscore."""
    return "".join(c if c.isalnum() or c == "-" else "-" if c == "/" else "_" for c in key)


@dataclass(frozen=True)
class Ref:
    """A link target: an entity's IRI, its label, and its page (None when it has none)."""

    iri: str
    label: str
    page: str | None = None


@dataclass(frozen=True)
class Voice:
    """Whose words a claim is: the issuer's own, reported from a party, or denied."""

    kind: str
    party: Ref | None = None

    @property
    def text(self) -> str:
        if self.kind == "reported":
            return f"reported from {self.party.label}" if self.party else "reported"
        if self.kind == "denied":
            return f"denied ({self.party.label}'s claim)" if self.party else "denied"
        return self.kind


@dataclass(frozen=True)
class Correction:
    """A curator's change, as the graph records it."""

    iri: str
    action: str
    who: str
    when: str
    why: str
    what: str
    start: int
    end: int
    exact: str


@dataclass
class Claim:
    iri: str
    key: str
    kind: str
    statement: str
    start: int
    end: int
    exact: str
    voice: Voice
    label: str
    value: str | None = None
    amount: float | None = None
    event: Ref | None = None
    agent: Ref | None = None
    correction: Correction | None = None

    @property
    def anchor(self) -> str:
        """The stable id of the claim on its statement page: c-figure-2307-2308."""
        return "c-" + fragment(self.key)


@dataclass(frozen=True)
class Mark:
    """One highlight: an anchored item's kind, offsets in code points, and what it is; for a
    mention or a date, the page it leads to (`target`) and what it names (`body`)."""

    key: str
    kind: str
    start: int
    end: int
    exact: str
    title: str
    target: str | None = None
    body: str | None = None


@dataclass
class Statement:
    id: str
    iri: str
    title: str
    issuers: list[Ref]
    issued: str | None
    inferred: bool
    date_note: str | None
    issuer_note: str | None
    doc_type: str
    addressee: Ref | None
    container: str | None
    source: str | None
    original_file: str | None
    text: str
    # The news sites that relay the statement (schema:publisher), never its issuers.
    relays: list[Ref] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"statements/{self.id}.html"

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.issued or "9999", self.id)


def voice(view: GraphView, claim: str, ref: RefMaker) -> Voice:
    """The claim's voice (skg:voice: own, reported, denied) and its party, an agent or the
    words that name it."""
    concept = view.value(claim, SKG + "voice") or ""
    kind = concept.rsplit("/", 1)[-1] or "own"
    party = view.value(claim, SKG + "attributedTo")
    if party:
        return Voice(kind, ref(party))
    words = view.value(claim, SKG + "partyName")
    return Voice(kind, Ref("", words) if words else None)


class RefMaker:
    """Turns IRIs into labelled references, knowing which entities have pages."""

    def __init__(self, view: GraphView, pages: dict[str, str]) -> None:
        self.view = view
        self.pages = pages

    def label(self, iri: str) -> str:
        for predicate in (RDFS + "label", SKOS + "prefLabel", DCT + "title"):
            found = self.view.value(iri, predicate)
            if found:
                return found
        return unquote(iri.rsplit("/", 1)[-1])

    def __call__(self, iri: str) -> Ref:
        return Ref(iri, self.label(iri), self.pages.get(iri))


def local_key(iri: str, statement_iri: str) -> str:
    return unquote(iri[len(statement_iri) + 1 :])


def span_of(view: GraphView, annotation: str) -> tuple[int, int, str] | None:
    """An annotation's offsets and words, from its anchor."""
    start = view.value(annotation, NIF + "beginIndex")
    end = view.value(annotation, NIF + "endIndex")
    exact = view.value(annotation, NIF + "anchorOf")
    if start is None or end is None or exact is None:
        return None
    return int(start), int(end), exact


def _figure_value(view: GraphView, claim: str, ref: RefMaker) -> str:
    value = view.value(claim, SCHEMA + "value")
    low, high = view.value(claim, SCHEMA + "minValue"), view.value(claim, SCHEMA + "maxValue")
    modifier = view.value(claim, SKG + "modifier")
    shown = _number(value) if value else f"{_number(low or '')}–{_number(high or '')}"
    words = ref.label(modifier) if modifier else ""
    qualifiers = [ref.label(q) for q in view.values(claim, SKG + "qualifier")]
    extra = f" ({', '.join(qualifiers)})" if qualifiers else ""
    return f"{words} {shown}{extra}".strip() if words not in ("exact", "") else shown + extra


def _number(text: str) -> str:
    """A decimal as people write it: 1,000,000 rather than 1000000.0."""
    try:
        value = float(text)
    except ValueError:
        return text
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def read_claim(
    view: GraphView, iri: str, kind: str, statement_iri: str, ref: RefMaker
) -> Claim | None:
    anchored = span_of(view, iri)
    if anchored is None:
        return None
    start, end, exact = anchored
    event = view.value(iri, SKG + "concerns")
    claim = Claim(
        iri=iri,
        key=local_key(iri, statement_iri),
        kind=kind,
        statement=statement_iri,
        start=start,
        end=end,
        exact=exact,
        voice=voice(view, iri, ref),
        label="",
        event=ref(event) if event else None,
    )
    if kind == "figure":
        category = view.value(iri, SKG + "category")
        claim.label = ref.label(category) if category else "figure"
        claim.value = _figure_value(view, iri, ref)
        amount = view.value(iri, SCHEMA + "value")
        claim.amount = float(amount) if amount is not None else None
    elif kind == "characterisation":
        term = view.value(iri, SKG + "term")
        claim.label = ref.label(term) if term else "term"
    elif kind == "responsibility":
        role, agent = view.value(iri, SKG + "role"), view.value(iri, SKG + "agent")
        claim.label = ref.label(role) if role else "responsible"
        claim.agent = ref(agent) if agent else None
    else:
        speaker = view.value(iri, SKG + "speaker")
        claim.label = "quotation"
        claim.agent = ref(speaker) if speaker else None
    return claim
