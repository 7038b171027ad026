"""The record types: the one contract between reading, extraction and RDF mapping.

Records hold plain values only, so each layer can be tested without the others.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class InputError(Exception):
    """A bad input, located in a file (and a line or a field) so a curator can fix it."""

    path: Path
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Phrase:
    """How an entity is found in text: a regular expression, optionally only in sentences
    where a context expression also matches, and only in documents where a document
    expression does (a generic word, "the assault", names the event only in a text about it)."""

    pattern: str
    context: str | None = None
    document: str | None = None
    # A literal phrase's first word (case aside), which every match starts with: the
    # pattern is tried only where it is (None for a hand-written pattern).
    first_word: str | None = None


@dataclass(frozen=True)
class Entity:
    """A reference entity from mappings/: an agent, a place, an event or a cited work."""

    id: str
    type: str
    label: str
    alt_labels: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    part_of: str | None = None
    located_in: str | None = None
    place: str | None = None
    generated: tuple[str, ...] = ()
    when: TimeSpec | None = None
    issued: str | None = None
    issued_by: str | None = None
    author: str | None = None
    symbol: str | None = None
    application_number: str | None = None
    # The plain phrases of `match` (no pattern, no context): words the link finder may
    # search an external dataset for, never published as names.
    search_phrases: tuple[str, ...] = ()
    # Found in a text by its form (a UN symbol, an application number, a quoted person's
    # name), not listed in mappings/: published with a note saying it awaits curation.
    recognised: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Its label, then its other names."""
        return (self.label, *self.alt_labels)


@dataclass(frozen=True)
class Concept:
    """A term of a controlled list in mappings/: a document type, a figure category, a
    characterisation term, a role. Cues are the regular expressions that find it."""

    id: str
    label: str
    definition: str | None = None
    # The wider term of the same list ("pogrom" is a kind of "massacre"): skos:broader.
    broader: str | None = None
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    entails: tuple[str, ...] = ()
    percent: bool = False
    phrases: tuple[str, ...] = ()
    # Lemmas that name the category in a figure's parse (its noun, its verb), and lemmas
    # one of which its sentence must hold for them to count.
    lemmas: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuotationOfRecord:
    """A quotation curated in mappings/: who said it, the words, where it was published."""

    id: str
    speaker: str
    text: str
    via: str | None
    page: str | None
    match: str


@dataclass(frozen=True)
class PartialDate:
    """A date at the precision a source gives: a year, a month or a day (ISO 8601 form)."""

    iso: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    @property
    def first_day(self) -> str:
        return (self.iso + "-01-01")[:10]

    @property
    def last_day(self) -> str:
        if len(self.iso) == 10:
            return self.iso
        if len(self.iso) == 4:
            return self.iso + "-12-31"
        year, month = int(self.iso[:4]), int(self.iso[5:])
        return f"{self.iso}-{calendar.monthrange(year, month)[1]:02d}"

    def plus_years(self, years: int) -> PartialDate:
        return PartialDate(f"{int(self.iso[:4]) + years:04d}{self.iso[4:]}")


@dataclass(frozen=True)
class TimeSpec:
    """An instant or an interval, each end a PartialDate."""

    begin: PartialDate
    end: PartialDate | None = None

    @property
    def iso(self) -> str:
        return self.begin.iso if self.end is None else f"{self.begin.iso}/{self.end.iso}"

    def overlaps(self, other: TimeSpec) -> bool:
        mine = (self.begin.first_day, (self.end or self.begin).last_day)
        theirs = (other.begin.first_day, (other.end or other.begin).last_day)
        return mine[0] <= theirs[1] and theirs[0] <= mine[1]

    def plus_years(self, years: int) -> TimeSpec:
        end = self.end.plus_years(years) if self.end else None
        return TimeSpec(self.begin.plus_years(years), end)

    @property
    def length_days(self) -> int:
        first = date.fromisoformat(self.begin.first_day)
        last = date.fromisoformat((self.end or self.begin).last_day)
        return (last - first).days + 1


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: the anchor of every extracted item."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class IssueDate:
    date: PartialDate | None
    inferred: bool
    reason: str | None


@dataclass(frozen=True)
class ContainerMeta:
    """The document a statement was transmitted in (a note verbale and its annex)."""

    title: str
    doc_type: str
    issuers: tuple[str, ...]
    issued: PartialDate | None
    addressee: str | None


@dataclass(frozen=True)
class Metadata:
    """What a sidecar says about a document: what its text does not say reliably."""

    title: str
    doc_type: str
    language: str
    issuers: tuple[str, ...]
    issuers_note: str | None
    issued: IssueDate
    place: str | None
    addressee: str | None
    part_of: ContainerMeta | None
    original_file: str
    source_url: str | None
    sha256: str
    # The news sites that relayed the text: its publishers, never its issuers.
    relayed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    id: str
    text_path: Path
    meta_path: Path
    text: str
    sha256: str
    meta: Metadata


@dataclass(frozen=True)
class Mention:
    """A span of a document that refers to a reference entity."""

    entity: str
    span: Span


@dataclass(frozen=True)
class DateMention:
    """A date expression, tied to the event it dates when the sentence names one (an entity
    id, or an anniversary's key)."""

    time: TimeSpec
    span: Span
    event: str | None


@dataclass(frozen=True)
class AnniversaryMention:
    """'the 30th anniversary of X': the ordinal and the event it commemorates."""

    ordinal: int
    event: str | None
    span: Span

    @property
    def key(self) -> str | None:
        """The anniversary's own event key, as a date mention refers to it; None when the
        event it commemorates is not one of mappings/."""
        return f"{self.event}/anniversary/{self.ordinal}" if self.event else None


VOICES = ("own", "reported", "denied")


@dataclass(frozen=True)
class Voice:
    """Whose claim it is: the issuer's own, reported from another party (an entity id when
    the party is a known entity, else the words that name it, else unnamed), or denied or
    disputed by the issuer. A claim never speaks for a party the text does not make speak."""

    kind: str = "own"
    party: str | None = None
    party_words: str | None = None

    @property
    def own(self) -> bool:
        return self.kind == "own"


OWN = Voice()


@dataclass(frozen=True)
class Figure:
    """A quantity a statement claims: never a fact, always this statement's figure."""

    category: str
    value: float | None
    low: float | None
    high: float | None
    modifier: str
    qualifiers: tuple[str, ...]
    span: Span
    part_of: Span | None = None
    concerns: str | None = None
    voice: Voice = OWN


@dataclass(frozen=True)
class Characterisation:
    """A term a statement uses for an event, in the voice of whoever the text makes use it."""

    term: str
    span: Span
    event: str | None
    voice: Voice = OWN


@dataclass(frozen=True)
class Responsibility:
    """Who a statement says did it: an agent, its role, the event."""

    event: str
    agent: str
    role: str
    span: Span
    voice: Voice = OWN


@dataclass(frozen=True)
class Quotation:
    """Words a statement quotes, the speaker it names, and the curated quotation of record
    they reproduce, when mappings/ has one."""

    span: Span
    speaker: str | None
    of_record: str | None = None
    voice: Voice = OWN


@dataclass(frozen=True)
class ArticleCitation:
    """A newspaper article a statement cites: outlet, date, author, headline as given."""

    span: Span
    outlet: str
    date: PartialDate | None
    author: str | None
    headline: str | None


@dataclass(frozen=True)
class DescribedCitation:
    """A work a statement cites by describing it, with no identifier: its kind
    (un_resolution, declaration, convention, court_judgment, other) and the words."""

    kind: str
    span: Span


@dataclass(frozen=True)
class Link:
    """A web address a statement gives, repaired where a line break split it; the span
    keeps the original text."""

    url: str
    span: Span
    label: str | None
    label_span: Span | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: tuple[Mention, ...] = field(default=())
    dates: tuple[DateMention, ...] = field(default=())
    anniversaries: tuple[AnniversaryMention, ...] = field(default=())
    figures: tuple[Figure, ...] = field(default=())
    characterisations: tuple[Characterisation, ...] = field(default=())
    responsibilities: tuple[Responsibility, ...] = field(default=())
    quotations: tuple[Quotation, ...] = field(default=())
    articles: tuple[ArticleCitation, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())
    described: tuple[DescribedCitation, ...] = field(default=())


@dataclass(frozen=True)
class EntityLink:
    """A curated link from a reference entity to a resource of another dataset: one row of
    mappings/links.sssom.tsv, kept with its line so that a check can name it."""

    entity: str
    predicate: str
    target: str
    dataset: str
    confidence: float
    line: int


@dataclass(frozen=True)
class LinkCandidate:
    """An item of an external dataset that the link finder proposes for an entity, with its
    score and the reasons for it, for a curator to review."""

    entity: str
    item: str
    label: str
    score: float
    reasons: tuple[str, ...]
