"""schema.org JSON-LD for each page, describing what the page shows. Serialised with sorted
keys, and with '<' escaped so that no text can close the script element it sits in."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from statement_kg.site.model import Ref, Statement

CONTEXT = "https://schema.org"


def script(data: dict[str, Any]) -> Markup:
    text = json.dumps({"@context": CONTEXT, **data}, ensure_ascii=False, sort_keys=True, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def thing(ref: Ref, kind: str = "Thing") -> dict[str, Any]:
    return {"@type": kind, "@id": ref.iri, "name": ref.label}


def statement(item: Statement, events: list[Ref], mentions: list[Ref]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": item.iri,
        "name": item.title,
        "identifier": item.id,
        "author": [thing(i, "Organization") for i in item.issuers],
        "about": [thing(e, "Event") for e in events],
        "mentions": [thing(m) for m in mentions],
        "text": item.text,
    }
    if item.issued:
        data["datePublished"] = item.issued
    if item.addressee:
        data["recipient"] = thing(item.addressee)
    if item.source:
        data["isBasedOn"] = item.source
    return data


def collection(name: str, refs: list[tuple[str, str]]) -> dict[str, Any]:
    """A page listing things: an ItemList of (name, IRI)."""
    return {
        "@type": "ItemList",
        "name": name,
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": {"@id": iri, "name": label}}
            for n, (label, iri) in enumerate(refs, start=1)
        ],
    }
