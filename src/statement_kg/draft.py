"""A draft sidecar for a text with none: what its structure says about issuer(s), relay,
date, type, place and addressee, each as an entity id of mappings/ (or a stub id for an
entity mappings/ does not list yet) with a comment giving the words and offsets it came
from. The build refuses the draft until a curator has checked it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from statement_kg.lexicon import Lexicon
from statement_kg.metadata import (
    Found,
    find_addressee,
    find_document_type,
    find_issue_date,
    find_issuers,
    find_place,
    find_relays,
)
from statement_kg.slug import slug

HEADER = (
    "# Draft sidecar proposed by statement-kg draft-metadata. Check every field against",
    "# the text; add each entity marked 'new' to mappings/entities.yaml (or replace it by",
    "# the id of one listed there), then delete the line 'draft: true'.",
)


@dataclass(frozen=True)
class Draft:
    """The sidecar's YAML and the document id its proposals suggest."""

    yaml: str
    proposed_id: str


def stub_id(name: str) -> str:
    """An id for an entity mappings/ does not list yet, from its name."""
    return slug(name) or "unknown"


def _id(found: Found) -> str:
    return found.entity or stub_id(found.value)


def _where(found: Found) -> str:
    words = " ".join(found.span.exact.split())
    how = f" ({found.kind})" if found.kind else ""
    return f"found{how} at {found.span.start}-{found.span.end}: {words!r}"


def _note(label: str, found: Found | None) -> str:
    """An entity proposed, with the words it came from."""
    if found is None:
        return f"# {label}: not found in the text"
    listed = f"{found.entity} of mappings/" if found.entity else f"new {stub_id(found.value)}"
    also = "".join(
        f"; also named at {s.start}-{s.end}: {' '.join(s.exact.split())!r}" for s in found.also
    )
    return f"# {label}: {listed}, {_where(found)}{also}"


def _value_note(label: str, found: Found | None) -> str:
    """A value proposed (a date, a type), with the words it came from."""
    return f"# {label}: {found.value}, {_where(found)}" if found else f"# {label}: not found"


def draft(text: str, digest: str, name: str, title: str, lexicon: Lexicon) -> Draft:
    issuers = find_issuers(text, lexicon)
    relays = find_relays(text, lexicon)
    date = find_issue_date(text, lexicon)
    doc_type = find_document_type(text, lexicon)
    place = find_place(text, lexicon)
    addressee = find_addressee(text, lexicon)
    notes = [
        *HEADER,
        *([_note("issuer", f) for f in issuers] or [_note("issuer", None)]),
        *(_note("relayed by", f) for f in relays),
        _value_note("date", date),
        _value_note("type", doc_type),
        _note("place", place),
        *([_note("addressee", addressee)] if addressee else []),
    ]
    sidecar: dict[str, Any] = {
        "draft": True,
        "title": title,
        "type": doc_type.value if doc_type else "press-release",
        "language": "en",
        "issuers": list(dict.fromkeys(_id(f) for f in issuers)) or ["unknown"],
        **({"relayed_by": [_id(f) for f in relays]} if relays else {}),
        "issued": {
            "date": date.value if date else None,
            "inferred": False,
            "reason": "proposed from the text; confirm"
            if date
            else "the text gives no date; say how it was dated, or leave null",
        },
        **({"place": _id(place)} if place else {}),
        **({"addressee": _id(addressee)} if addressee else {}),
        "original_file": name,
        "sha256": digest,
    }
    dumped = yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True, width=1000)
    # The README's convention for document ids: <issue date>-<issuer>-<type>.
    issuer = next((f.entity for f in issuers if f.entity), None) or stub_id(title)
    parts = [date.value if date else "undated", issuer, sidecar["type"]]
    return Draft("\n".join(notes) + "\n" + dumped, stub_id("-".join(parts)))
