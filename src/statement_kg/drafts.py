"""A draft sidecar for a new text: issuer, date, type and place proposed from the text,
each with a comment giving the words and offsets it came from, marked `draft: true` so that
the build refuses it until a curator has checked it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from statement_kg.lexicon import Lexicon
from statement_kg.metadata import (
    Found,
    find_document_type,
    find_issue_date,
    find_issuers,
    find_place,
)


@dataclass(frozen=True)
class Draft:
    """The sidecar's YAML and the document id its proposals suggest."""

    yaml: str
    proposed_id: str


def slug(text: str) -> str:
    """Lower case, digits and hyphens, as document ids are."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def draft(text: str, digest: str, original_file: str, title: str, lexicon: Lexicon) -> Draft:
    issuers = find_issuers(text, lexicon)
    date = find_issue_date(text)
    doc_type = find_document_type(text, lexicon)
    place = find_place(text, lexicon)
    notes = [
        "# Draft sidecar proposed by statement-kg. Check every field against the text,",
        "# replace names by entity ids of mappings/entities.yaml,",
        "# then delete the line 'draft: true'.",
    ]
    proposed: list[Found | None] = [*issuers] or [None]
    for label, found in (
        *(("issuer", issuer) for issuer in proposed),
        ("date", date),
        ("type", doc_type),
        ("place", place),
    ):
        where = (
            (
                f"found in the text at {found.span.start}-{found.span.end}: "
                f"{' '.join(found.span.exact.split())!r}"
            )
            if found
            else "not found in the text"
        )
        notes.append(f"# {label}: {where}")
    kind = doc_type.value if doc_type else "press-release"
    sidecar = {
        "draft": True,
        "title": title,
        "type": kind,
        "language": "en",
        "issuers": [i.entity or i.value for i in issuers] or ["UNKNOWN"],
        "issued": {
            "date": date.value if date else None,
            "inferred": False,
            "reason": "proposed from the text; confirm"
            if date
            else "the text gives no date; say how it was dated, or leave null",
        },
        **({"place": place.entity} if place and place.entity else {}),
        "original_file": original_file,
        "sha256": digest,
    }
    body = yaml.safe_dump(sidecar, sort_keys=False, allow_unicode=True)
    # The README's convention: <issue date>-<issuer>-<type>.
    issuer = next((i.entity for i in issuers if i.entity), None) or slug(title)
    parts = [date.value if date else "undated", issuer, kind]
    return Draft("\n".join(notes) + "\n" + body, slug("-".join(parts)))
