"""Loads mappings/: the reference entities and the controlled lists the extractors and the
mapper use. Everything corpus-specific lives in those files, none of it here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statement_kg.records import Concept, Entity, InputError, Phrase
from statement_kg.yamlfile import load, parse_time

ENTITIES_FILE = "entities.yaml"
DOCUMENT_TYPES_FILE = "document-types.yaml"

_REFERENCE_FIELDS = ("part_of", "located_in", "place", "issued_by", "author")


def phrase_pattern(text: str) -> str:
    """A literal phrase as a regular expression tolerant of line breaks, dashes and quotes."""
    out: list[str] = []
    for char in text:
        if char == " ":
            out.append(r"\s+")
        elif char == "-":
            out.append(r"(?:\s*[-‐–—]\s*|\s+)")
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return r"(?<!\w)" + "".join(out) + r"(?!\w)"


def _phrase(raw: str | dict[str, str]) -> Phrase:
    if isinstance(raw, str):
        return Phrase(phrase_pattern(raw))
    pattern = raw["pattern"] if "pattern" in raw else phrase_pattern(raw["text"])
    return Phrase(pattern, raw.get("context"))


def _entity(raw: dict[str, Any]) -> Entity:
    names = [raw["label"], *raw.get("alt_labels", [])]
    phrases = tuple(_phrase(n) for n in names) + tuple(_phrase(m) for m in raw.get("match", []))
    return Entity(
        id=raw["id"],
        type=raw["type"],
        label=raw["label"],
        alt_labels=tuple(raw.get("alt_labels", [])),
        phrases=phrases,
        part_of=raw.get("part_of"),
        located_in=raw.get("located_in"),
        place=raw.get("place"),
        generated=tuple(raw.get("generated", [])),
        when=parse_time(raw["when"]) if "when" in raw else None,
        issued=raw.get("issued"),
        issued_by=raw.get("issued_by"),
        author=raw.get("author"),
        symbol=raw.get("symbol"),
        application_number=raw.get("application_number"),
    )


@dataclass(frozen=True)
class Lexicon:
    """The reference entities by id and the document types."""

    entities: dict[str, Entity]
    document_types: dict[str, Concept]

    def require(self, entity_id: str, path: Path, field: str) -> Entity:
        """The entity, or an InputError naming the file and field that refer to it."""
        try:
            return self.entities[entity_id]
        except KeyError:
            raise InputError(
                path,
                f"unknown entity id {entity_id!r} (not in mappings/{ENTITIES_FILE})",
                field=field,
            ) from None


def load_lexicon(mappings: Path) -> Lexicon:
    path = mappings / ENTITIES_FILE
    raw_entities = load(path, "entities.schema.json")["entities"]
    entities: dict[str, Entity] = {}
    for index, raw in enumerate(raw_entities):
        if raw["id"] in entities:
            raise InputError(
                path, f"duplicate entity id {raw['id']!r}", field=f"entities.{index}.id"
            )
        entities[raw["id"]] = _entity(raw)
    for index, raw in enumerate(raw_entities):
        for name in (*_REFERENCE_FIELDS, "generated"):
            values = raw.get(name, [])
            for value in values if isinstance(values, list) else [values]:
                if value not in entities:
                    raise InputError(
                        path,
                        f"{raw['id']!r} refers to unknown entity {value!r}",
                        field=f"entities.{index}.{name}",
                    )
    types_path = mappings / DOCUMENT_TYPES_FILE
    document_types = {
        raw["id"]: Concept(raw["id"], raw["label"])
        for raw in load(types_path, "document-types.schema.json")["document_types"]
    }
    return Lexicon(entities, document_types)
