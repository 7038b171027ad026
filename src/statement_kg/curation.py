"""Review and correction as data: a curator's fixes to extracted claims, kept in
mappings/corrections.yaml and applied by the build.

A correction rejects a claim, changes it (its category or term, value, modifier, event,
voice or party) or adds a claim the extraction missed, by its span; each says who, when and
why. Corrections act on the extraction's records, so the claims they touch are mapped to RDF
like any other, and each leaves a record in the graph: an `oa:Annotation` motivated by
`oa:editing` (a `prov:Activity` associated with the curator) anchored to the words, which
`prov:invalidated` a rejected claim, while a changed or added claim `prov:wasGeneratedBy` it:
curated, not extracted. A correction whose claim or words are no longer there is refused,
naming the file and line. Evaluation runs extraction alone and never sees these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from rdflib import Graph, Literal
from rdflib.term import URIRef

from statement_kg.extract.spans import make_span
from statement_kg.lexicon import Lexicon
from statement_kg.rdf import iris, provenance
from statement_kg.rdf.anchor import anchor_words
from statement_kg.rdf.namespace import DCTERMS, ID, OA, PROV, RDF, RDFS, XSD
from statement_kg.rdf.statement import statement_graph
from statement_kg.records import (
    Characterisation,
    Extraction,
    Figure,
    InputError,
    Quotation,
    Responsibility,
    Span,
    Voice,
)
from statement_kg.slug import slug
from statement_kg.yamlfile import compose, line_of_field, load

CORRECTIONS_FILE = "corrections.yaml"
SCHEMA = "corrections.schema.json"

Record = Figure | Characterisation | Responsibility | Quotation
R = TypeVar("R", Figure, Characterisation, Responsibility, Quotation)
_FIELDS = {
    "figure": "figures",
    "characterisation": "characterisations",
    "responsibility": "responsibilities",
    "quotation": "quotations",
}
# What each kind of claim lets a curator set.
# A figure's and a characterisation's party is the party of its voice; a responsibility
# claim's is the agent held responsible; a quotation's is its speaker.
_SETTABLE = {
    "figure": {"category", "value", "low", "high", "modifier", "event", "voice", "party"},
    "characterisation": {"category", "event", "voice", "party"},
    "responsibility": {"category", "event", "party", "voice"},
    "quotation": {"party", "voice"},
}


@dataclass(frozen=True)
class Correction:
    document: str
    action: str
    kind: str
    start: int
    end: int
    exact: str
    key: str | None
    changes: dict[str, Any]
    who: str
    when: str
    why: str
    line: int


def claim_key(kind: str, record: Record) -> str:
    """The claim's key within its statement, as in its IRI: kind/start-end[/agent]."""
    key = f"{kind}/{record.span.start}-{record.span.end}"
    return f"{key}/{record.agent}" if isinstance(record, Responsibility) else key


def load_corrections(mappings: Path) -> list[Correction]:
    path = mappings / CORRECTIONS_FILE
    if not path.exists():
        return []
    data = load(path, SCHEMA) or {}
    node = compose(path)
    found = []
    for index, raw in enumerate(data.get("corrections") or []):
        line = line_of_field(node, f"corrections.{index}") or 0
        if raw["action"] == "add":
            kind, (start, end), key = raw["kind"], raw["span"], None
        else:
            match = re.fullmatch(r"(\w+)/(\d+)-(\d+)(?:/.+)?", raw["claim"])
            assert match is not None  # the schema's pattern
            kind, start, end, key = match[1], int(match[2]), int(match[3]), raw["claim"]
        found.append(
            Correction(
                raw["document"],
                raw["action"],
                kind,
                start,
                end,
                raw["exact"],
                key,
                dict(raw.get("set") or {}),
                raw["who"],
                raw["when"],
                raw["why"],
                line,
            )
        )
    return found


class _Applier:
    def __init__(self, path: Path, lexicon: Lexicon) -> None:
        self.path = path
        self.lexicon = lexicon

    def fail(self, correction: Correction, message: str) -> InputError:
        return InputError(self.path, message, line=correction.line)

    def check(self, correction: Correction, extraction: Extraction) -> Span:
        text = extraction.document.text
        start, end = correction.start, correction.end
        if not (0 <= start < end <= len(text)) or text[start:end] != correction.exact:
            found = text[start:end] if 0 <= start < end <= len(text) else ""
            raise self.fail(
                correction,
                f"span {start}-{end} of {correction.document} reads {found!r}, not "
                f"{correction.exact!r}: the text has changed; update or remove the correction",
            )
        bad = set(correction.changes) - _SETTABLE[correction.kind]
        if bad:
            raise self.fail(
                correction, f"a {correction.kind} claim has no {', '.join(sorted(bad))}"
            )
        for name in ("event", "party"):
            value = correction.changes.get(name)
            if value is not None and value not in self.lexicon.entities:
                raise self.fail(correction, f"unknown entity id {value!r} for {name}")
        self._check_concept(correction)
        return make_span(text, start, end)

    def _check_concept(self, correction: Correction) -> None:
        words = self.lexicon.claims
        lists = {
            "figure": words.categories,
            "characterisation": words.terms,
            "responsibility": words.roles,
        }
        category = correction.changes.get("category")
        known = lists.get(correction.kind, {})
        if category is not None and category not in known:
            raise self.fail(correction, f"unknown {correction.kind} category {category!r}")
        modifier = correction.changes.get("modifier")
        if modifier is not None and modifier not in words.modifiers:
            raise self.fail(correction, f"unknown modifier {modifier!r}")

    def changed(self, record: Record, changes: dict[str, Any]) -> Record:
        if isinstance(record, Figure):
            new: dict[str, Any] = {
                k: changes[k] for k in ("value", "low", "high", "modifier") if k in changes
            }
            if "category" in changes:
                new["category"] = changes["category"]
            if "event" in changes:
                new["concerns"] = changes["event"]
            return replace(record, voice=_voice(record.voice, changes), **new)
        if isinstance(record, Characterisation):
            return replace(
                record,
                term=changes.get("category", record.term),
                event=changes.get("event", record.event),
                voice=_voice(record.voice, changes),
            )
        voice = _voice(record.voice, {"voice": changes["voice"]}) if "voice" in changes else None
        if isinstance(record, Responsibility):
            return replace(
                record,
                role=changes.get("category", record.role),
                event=changes.get("event", record.event),
                agent=changes.get("party", record.agent),
                voice=voice or record.voice,
            )
        return replace(
            record, speaker=changes.get("party", record.speaker), voice=voice or record.voice
        )

    def added(self, correction: Correction, span: Span) -> Record:
        changes = correction.changes
        required = {
            "figure": ("category",),
            "characterisation": ("category",),
            "responsibility": ("category", "event", "party"),
        }[correction.kind]
        missing = [name for name in required if changes.get(name) is None]
        if missing:
            raise self.fail(
                correction, f"an added {correction.kind} claim needs {', '.join(missing)}"
            )
        if correction.kind == "figure":
            blank = Figure(changes["category"], None, None, None, "exact", (), span)
            return self.changed(blank, changes)
        if correction.kind == "characterisation":
            blank_term = Characterisation(changes["category"], span, None)
            return self.changed(blank_term, changes)
        return Responsibility(changes["event"], changes["party"], changes["category"], span)


def _voice(voice: Voice, changes: dict[str, Any]) -> Voice:
    """A voice with a curator's changes: an own voice has no party."""
    kind = changes.get("voice", voice.kind)
    if kind == "own":
        return Voice()
    if "party" in changes:
        return Voice(kind, changes["party"])
    return Voice(kind, voice.party, voice.party_words)


def _apply(
    extraction: Extraction, corrections: list[Correction], applier: _Applier
) -> tuple[Extraction, list[tuple[Correction, Span, Record | None, str]]]:
    """The extraction with its corrections made, and for each what it did."""
    records: dict[str, list[Record]] = {
        kind: list(getattr(extraction, name)) for kind, name in _FIELDS.items()
    }
    done: list[tuple[Correction, Span, Record | None, str]] = []
    for correction in corrections:
        span = applier.check(correction, extraction)
        kind_records = records[correction.kind]
        if correction.action == "add":
            record = applier.added(correction, span)
            if any(
                claim_key(correction.kind, r) == claim_key(correction.kind, record)
                for r in kind_records
            ):
                raise applier.fail(
                    correction,
                    f"{correction.document} already has the claim "
                    f"{claim_key(correction.kind, record)}: change it instead of adding one",
                )
            kind_records.append(record)
            done.append((correction, span, record, _describe(correction)))
            continue
        index = next(
            (
                i
                for i, r in enumerate(kind_records)
                if claim_key(correction.kind, r) == correction.key
            ),
            None,
        )
        if index is None:
            raise applier.fail(
                correction,
                f"no claim {correction.key} in {correction.document}: the extraction no longer "
                "makes it; update or remove the correction",
            )
        if correction.action == "reject":
            del kind_records[index]
            done.append((correction, span, None, "rejected"))
        else:
            kind_records[index] = applier.changed(kind_records[index], correction.changes)
            done.append((correction, span, kind_records[index], _describe(correction)))
    kept = {r.span for r in records["figure"]}
    records["figure"] = [
        r
        if not isinstance(r, Figure) or r.part_of is None or r.part_of in kept
        else replace(r, part_of=None)
        for r in records["figure"]
    ]
    corrected = replace(
        extraction,
        figures=_of(records["figure"], Figure),
        characterisations=_of(records["characterisation"], Characterisation),
        responsibilities=_of(records["responsibility"], Responsibility),
        quotations=_of(records["quotation"], Quotation),
    )
    return corrected, done


def _of(records: list[Record], cls: type[R]) -> tuple[R, ...]:
    """The records of one type, in the order of their spans."""
    typed = [r for r in records if isinstance(r, cls)]
    return tuple(sorted(typed, key=lambda r: (r.span.start, r.span.end)))


def _describe(correction: Correction) -> str:
    changes = ", ".join(f"{k} {v}" for k, v in sorted(correction.changes.items()))
    verb = "added" if correction.action == "add" else "set"
    return f"{verb} {correction.kind}: {changes}"


def _record_graph(
    graph: Graph, doc_id: str, done: list[tuple[Correction, Span, Record | None, str]]
) -> None:
    for correction, span, record, what in done:
        key = correction.key or f"{correction.kind}/{span.start}-{span.end}"
        node = URIRef(f"{iris.statement(doc_id)}/correction/{correction.action}/{quote(key)}")
        curator = ID["curator/" + slug(correction.who)]
        graph.add((node, RDF.type, PROV.Activity))
        graph.add((node, RDF.type, OA.Annotation))
        graph.add((node, OA.motivatedBy, OA.editing))
        graph.add((node, RDFS.label, Literal(correction.action)))
        graph.add((node, OA.bodyValue, Literal(what)))
        graph.add((node, RDFS.comment, Literal(correction.why, lang="en")))
        graph.add((node, DCTERMS.created, Literal(correction.when, datatype=XSD.date)))
        graph.add((node, PROV.wasAssociatedWith, curator))
        graph.add((curator, RDF.type, PROV.Agent))
        # A name is in no language: "und", as the shapes want every agent's label tagged.
        graph.add((curator, RDFS.label, Literal(correction.who, lang="und")))
        anchor_words(graph, doc_id, node, span)
        if record is None:
            graph.add((node, PROV.invalidated, URIRef(f"{iris.statement(doc_id)}/{quote(key)}")))
        else:
            claim = iris.annotation(
                doc_id,
                correction.kind,
                record.span,
                record.agent if isinstance(record, Responsibility) else "",
            )
            graph.add((claim, PROV.wasGeneratedBy, node))
            provenance.curated(graph, claim, curator)


def check_documents(
    mappings: Path, corrections: Sequence[Correction], lexicon: Lexicon, documents: set[str]
) -> None:
    """Raises InputError, naming mappings/corrections.yaml and the line, for a correction
    of a document that is not in the corpus."""
    applier = _Applier(mappings / CORRECTIONS_FILE, lexicon)
    for correction in corrections:
        if correction.document not in documents:
            raise applier.fail(correction, f"no document {correction.document!r} in the corpus")


def curated_graph(
    extraction: Extraction, corrections: Sequence[Correction], mappings: Path, lexicon: Lexicon
) -> Graph:
    """A statement's graph with the curators' corrections of it applied and recorded. Raises
    InputError, naming mappings/corrections.yaml and the line, for a correction of a claim
    or span that is not there."""
    applier = _Applier(mappings / CORRECTIONS_FILE, lexicon)
    mine = [c for c in corrections if c.document == extraction.document.id]
    corrected, done = _apply(extraction, mine, applier)
    graph = statement_graph(corrected, lexicon)
    _record_graph(graph, extraction.document.id, done)
    return graph
