"""Proposals as SSSOM rows for review, and the move of reviewed rows into the curated table.

A proposal is a semapv:LexicalMatching row with the finder's score as its confidence and its
reasons in the comment. A reviewer accepts a row by writing their name in `reviewer_label`
(and may change its predicate, say owl:sameAs to skos:closeMatch, or add to the comment where
they checked it); a row the reviewer marks `predicate_modifier` = Not is a rejected match and
stays behind, as does every row nobody signed. `accept` moves the signed rows into the curated
table, which must still pass every check afterwards; both files are replaced atomically.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from statement_kg.lexicon import Lexicon
from statement_kg.links import CLOSE_MATCH, EXACT_MATCH, LEXICAL, SAME_AS, parse_links
from statement_kg.rdf.namespace import ID
from statement_kg.rdf.reference import entity_iri
from statement_kg.records import InputError, LinkCandidate
from statement_kg.sssom import MappingSet, contract, parse, read, render, render_rows
from statement_kg.store import atomic_write

TOOL = "statement-kg link"
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "mapping_tool",
    "mapping_date",
    "reviewer_label",
    "predicate_modifier",
    "comment",
)
CURIE_MAP = {
    "agent": str(ID) + "agent/",
    "place": str(ID) + "place/",
    "event": str(ID) + "event/",
    "work": str(ID) + "works/",
    "wd": "http://www.wikidata.org/entity/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "semapv": "https://w3id.org/semapv/vocab/",
}
# What a proposal claims until a reviewer says otherwise: identity for agents and
# documents, a match for places (a region's extent may be disputed), a close match for
# events (see ontology/statement-kg.ttl, "Links").
_PREDICATES = {"event": CLOSE_MATCH, "place": EXACT_MATCH}


def _clean(text: str) -> str:
    """Text fit for a cell: a tab or a line break would break the table."""
    return " ".join(text.split())


def proposal_rows(
    ranked: Mapping[str, Sequence[LinkCandidate]], lexicon: Lexicon, endpoint: str, limit: int
) -> list[dict[str, str]]:
    """The best `limit` candidates of each entity as SSSOM rows, each saying where it came
    from and why it scored as it did, unsigned."""
    rows = []
    today = date.today().isoformat()
    for entity_id in sorted(ranked):
        entity = lexicon.entities[entity_id]
        shown = ranked[entity_id][:limit]
        for rank, candidate in enumerate(shown, start=1):
            reasons = "; ".join(candidate.reasons)
            rows.append(
                {
                    "subject_id": contract(str(entity_iri(lexicon, entity_id)), CURIE_MAP),
                    "subject_label": _clean(entity.label),
                    "predicate_id": contract(_PREDICATES.get(entity.type, SAME_AS), CURIE_MAP),
                    "object_id": contract(candidate.item, CURIE_MAP),
                    "object_label": _clean(candidate.label),
                    "mapping_justification": contract(LEXICAL, CURIE_MAP),
                    "confidence": f"{candidate.score:.2f}",
                    "mapping_tool": TOOL,
                    "mapping_date": today,
                    "reviewer_label": "",
                    "predicate_modifier": "",
                    "comment": _clean(
                        f"candidate {rank} of {len(ranked[entity_id])} from {endpoint}: {reasons}"
                    ),
                }
            )
    return rows


def render_proposals(rows: Sequence[Mapping[str, str]], endpoint: str) -> str:
    """A proposals file whose header tells the reviewer what to do with it."""
    metadata = {
        "curie_map": CURIE_MAP,
        "mapping_set_id": "https://w3id.org/statement-kg/mappings/link-proposals",
        "mapping_set_description": (
            f"Candidate links proposed by {TOOL} from {endpoint}, for review: sign a row "
            "(reviewer_label) to accept it, set predicate_modifier to Not to reject it, then "
            "run 'statement-kg link --accept FILE'."
        ),
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "mapping_tool": TOOL,
    }
    return render(metadata, COLUMNS, rows)


@dataclass(frozen=True)
class Accepted:
    moved: int
    left: int


def _accepted(row_cells: Mapping[str, str]) -> bool:
    return bool(row_cells.get("reviewer_label")) and row_cells.get("predicate_modifier") != "Not"


def _translate(proposals: MappingSet, curated: MappingSet) -> list[dict[str, str]]:
    """The signed rows, their CURIEs rewritten under the curated table's prefixes."""
    out = []
    for row in proposals.rows:
        if not _accepted(row.cells):
            continue
        cells = dict(row.cells)
        for column in ("subject_id", "predicate_id", "object_id", "mapping_justification"):
            cells[column] = contract(proposals.expand(row, column), curated.prefixes)
        out.append(cells)
    return out


def accept(proposals_path: Path, curated_path: Path, lexicon: Lexicon) -> Accepted:
    """Moves the signed rows of a proposals file into the curated table; raises InputError,
    writing nothing, when a row would break the table."""
    proposals = read(proposals_path)
    if "reviewer_label" not in proposals.columns:
        raise InputError(proposals_path, "no reviewer_label column: nothing can be accepted")
    curated = read(curated_path)
    moved = _translate(proposals, curated)
    text = curated_path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    text += render_rows(curated.columns, moved)
    parse_links(parse(curated_path, text), lexicon)
    left = [row.cells for row in proposals.rows if not _accepted(row.cells)]
    atomic_write(curated_path, text.encode("utf-8"))
    atomic_write(
        proposals_path, render(proposals.metadata, proposals.columns, left).encode("utf-8")
    )
    return Accepted(len(moved), len(left))
