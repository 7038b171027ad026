"""Loads mappings/: the reference entities and the controlled lists the extractors and the
mapper use. Everything corpus-specific lives in those files, none of it here."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from statement_kg.records import Concept, Entity, InputError, Phrase, QuotationOfRecord
from statement_kg.structure.cues import StructureCues, load_cues
from statement_kg.yamlfile import compose, line_of_field, load, parse_time

ENTITIES_FILE = "entities.yaml"
DOCUMENT_TYPES_FILE = "document-types.yaml"
FIGURES_FILE = "figures.yaml"
CHARACTERISATIONS_FILE = "characterisations.yaml"
CLAIMS_FILE = "claims.yaml"
QUOTATIONS_FILE = "quotations.yaml"
CLAIMS_SCHEMA = "claims.schema.json"
VOICE_FILE = "voice.yaml"
CITATIONS_FILE = "citations.yaml"
CITATIONS_SCHEMA = "citations.schema.json"
VOICE_SCHEMA = "voice.schema.json"

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


def literal_phrase(text: str, context: str | None = None, document: str | None = None) -> Phrase:
    """How a literal phrase is found: its pattern, and its first word to look for first."""
    first = re.split(r"[ '’-]", text, maxsplit=1)[0]
    return Phrase(phrase_pattern(text), context, document, first or None)


def _phrase(raw: str | dict[str, str]) -> Phrase:
    if isinstance(raw, str):
        return literal_phrase(raw)
    if "pattern" in raw:
        return Phrase(raw["pattern"], raw.get("context"), raw.get("document"))
    return literal_phrase(raw["text"], raw.get("context"), raw.get("document"))


def _entity(raw: dict[str, Any]) -> Entity:
    # A UN document is cited by its symbol too ("S/RES/822 (1993)" in a note).
    symbols = [raw["symbol"]] if raw.get("symbol") else []
    names = [raw["label"], *raw.get("alt_labels", []), *symbols]
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
        search_phrases=tuple(m for m in raw.get("match", []) if isinstance(m, str)),
    )


@dataclass(frozen=True)
class Recognisers:
    """What finds works and persons mappings/ does not list (extract/recognise.py): the
    words that name each UN organ whose resolutions are cited by number, the court whose
    judgments are cited by application number and the words that show it is meant, the
    court whose orders are cited by their day ("its Order of 7 December 2021") and the words
    that show it is meant, the titles that precede a person's name, and the words that make
    a name an institution's."""

    resolution_bodies: dict[str, tuple[str, str]]
    application_court: str | None
    application_court_cue: str
    person_titles: tuple[str, ...]
    institution_words: tuple[str, ...]
    order_court: str | None = None
    order_court_cue: str = r"(?!)"


@dataclass(frozen=True)
class VoiceWords:
    """The words that decide whose voice a claim is in (mappings/voice.yaml): lemmas of
    reporting and denial verbs and nouns, attribution phrases, distancing words."""

    reporting_verbs: frozenset[str]
    labelling_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    party_nouns: frozenset[str]
    attribution_phrases: tuple[str, ...]
    denial_verbs: frozenset[str]
    denial_nouns: frozenset[str]
    distancing_words: tuple[str, ...]
    negatable_verbs: frozenset[str]
    first_person: frozenset[str]
    usage_verbs: frozenset[str]
    passive_verbs: frozenset[str]
    misuse_verbs: frozenset[str] = frozenset()
    others_of_ours: frozenset[str] = frozenset()
    falsity_words: frozenset[str] = frozenset()
    measuring_verbs: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    label_nouns: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    field_labels: frozenset[str] = frozenset()
    qualifying_verbs: frozenset[str] = frozenset()

    @cached_property
    def giving_verbs(self) -> frozenset[str]:
        """Participles that hand a claim to who gave it: of using and of saying."""
        return self.usage_verbs | self.reporting_verbs

    @cached_property
    def counts_only(self) -> frozenset[str]:
        """Nouns of counting that, unlike "estimate" or "figure", report nothing unless
        their words say whose count it is ("the toll was 613" is the issuer's)."""
        return self.count_nouns - self.reporting_nouns


@dataclass(frozen=True)
class CitationWords:
    """How works cited by description, and interviews and articles cited by outlet and
    date, are found (mappings/citations.yaml)."""

    works: dict[str, str]
    un_organs: tuple[str, ...]
    determiners: frozenset[str]
    news_cues: tuple[str, ...] = ()
    title_nouns: frozenset[str] = frozenset()
    act_nouns: tuple[str, ...] = ()
    bill_marks: tuple[str, ...] = ()
    bill_context: tuple[str, ...] = ()
    court_words: frozenset[str] = frozenset()
    court_or_act: frozenset[str] = frozenset()
    back_references: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Displacement:
    """The words that tell people driven from a town (`local`) from the refugees of a wider
    conflict (`wide`): the lemmas of driving out, those that name an expulsion from a place
    even when no place is given, and the nouns of a wider land (mappings/figures.yaml)."""

    lemmas: frozenset[str] = frozenset()
    local_lemmas: frozenset[str] = frozenset()
    wide_places: frozenset[str] = frozenset()
    active_only: frozenset[str] = frozenset()
    local: str | None = None
    wide: str | None = None
    # Categories a counted noun gives ("5,379 residents") that driving out overrides.
    overrides: frozenset[str] = frozenset()
    # The lemmas that drive out as nouns ("the expulsion of"; "forces" drive no one).
    nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ClaimWords:
    """The words that find claims: figure categories, qualifiers, modifiers, the openers
    of a figure's parts, characterisation terms, reporting cues, speech verbs, roles."""

    categories: dict[str, Concept]
    qualifiers: dict[str, tuple[str, ...]]
    qualifier_lemmas: dict[str, frozenset[str]]
    modifiers: dict[str, tuple[str, ...]]
    parts: tuple[str, ...]
    not_counted: frozenset[str]
    quantities: frozenset[str]
    remains: frozenset[str]
    displacement: Displacement
    terms: dict[str, Concept]
    generic: tuple[str, ...]
    occasion_words: frozenset[str]
    speech_verbs: tuple[str, ...]
    quotation_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    roles: dict[str, Concept]
    issuer_heads: tuple[str, ...]
    collective_issuer: str | None
    statement_heading: str | None
    document_type_cues: dict[str, str]
    recognisers: Recognisers
    voice: VoiceWords
    citations: CitationWords


@dataclass(frozen=True)
class Lexicon:
    """The reference entities by id, the controlled lists, and the claim words."""

    entities: dict[str, Entity]
    document_types: dict[str, Concept]
    claims: ClaimWords
    quotations: dict[str, QuotationOfRecord]
    structure: StructureCues

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

    @cached_property
    def known_names(self) -> frozenset[str]:
        """Every name of a listed entity, case-folded."""
        return frozenset(n.casefold() for e in self.entities.values() for n in e.names)

    @cached_property
    def place_names(self) -> frozenset[str]:
        """Every name of a listed place, case-folded."""
        return frozenset(
            n.casefold() for e in self.entities.values() if e.type == "place" for n in e.names
        )

    def with_entities(self, extra: list[Entity]) -> Lexicon:
        """This lexicon and entities recognised in a text; listed entities win."""
        added = {e.id: e for e in extra if e.id not in self.entities}
        return replace(self, entities={**self.entities, **added}) if added else self


def entity_lines(mappings: Path) -> dict[str, int]:
    """The line of each entity's entry in mappings/entities.yaml, to point errors at it."""
    node = compose(mappings / ENTITIES_FILE)
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        if key.value != "entities" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if isinstance(item, yaml.MappingNode):
                for field, field_value in item.value:
                    if field.value == "id":
                        lines[field_value.value] = field_value.start_mark.line + 1
    return lines


def _located(path: Path, message: str, field: str) -> InputError:
    return InputError(path, message, line=line_of_field(compose(path), field), field=field)


def _check_phrases(path: Path, raw_entities: list[dict[str, Any]]) -> None:
    """Every name finds some words: a blank name would match every run of spaces, and a
    pattern that matches the empty text ('.*') a mention everywhere or nowhere."""
    for index, raw in enumerate(raw_entities):
        names = [("label", raw["label"])]
        names += [(f"alt_labels.{i}", n) for i, n in enumerate(raw.get("alt_labels", []))]
        for i, match in enumerate(raw.get("match", [])):
            if isinstance(match, str):
                names.append((f"match.{i}", match))
            elif "text" in match:
                names.append((f"match.{i}.text", match["text"]))
            else:
                field = f"entities.{index}.match.{i}.pattern"
                if re.compile(match["pattern"]).search("") is not None:
                    raise _located(
                        path, f"the pattern {match['pattern']!r} matches the empty text", field
                    )
        for name, value in names:
            if not value.strip():
                raise _located(
                    path,
                    f"a blank name ({value!r}) would match any spaces",
                    f"entities.{index}.{name}",
                )


def _document_types(path: Path) -> dict[str, Concept]:
    found: dict[str, Concept] = {}
    for index, raw in enumerate(load(path, "document-types.schema.json")["document_types"]):
        if raw["id"] in found:
            raise _located(
                path, f"duplicate document type id {raw['id']!r}", f"document_types.{index}.id"
            )
        found[raw["id"]] = Concept(raw["id"], raw["label"])
    return found


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
    _check_phrases(path, raw_entities)
    document_types = _document_types(mappings / DOCUMENT_TYPES_FILE)
    quotations_path = mappings / QUOTATIONS_FILE
    quotations = {}
    for index, raw in enumerate(load(quotations_path, CLAIMS_SCHEMA).get("quotations", [])):
        for name in ("speaker", "via"):
            if name in raw and raw[name] not in entities:
                raise InputError(
                    quotations_path,
                    f"unknown entity {raw[name]!r}",
                    field=f"quotations.{index}.{name}",
                )
        quotations[raw["id"]] = QuotationOfRecord(
            raw["id"],
            raw["speaker"],
            " ".join(raw["text"].split()),
            raw.get("via"),
            raw.get("page"),
            raw["match"],
        )
    words = _claim_words(mappings)
    recognisers = words.recognisers
    referred = [
        (f"recognise.resolution_bodies.{body}.organ", organ)
        for body, (_, organ) in recognisers.resolution_bodies.items()
    ]
    courts = {
        "application_court": recognisers.application_court,
        "order_court": recognisers.order_court,
    }
    referred += [(f"recognise.{field}", court) for field, court in courts.items() if court]
    for field, entity_id in referred:
        if entity_id not in entities:
            raise InputError(mappings / CLAIMS_FILE, f"unknown entity {entity_id!r}", field=field)
    return Lexicon(entities, document_types, words, quotations, load_cues(mappings))


def _concept(raw: dict[str, Any]) -> Concept:
    return Concept(
        id=raw["id"],
        label=raw["label"],
        definition=raw.get("definition"),
        broader=raw.get("broader"),
        after=tuple(raw.get("after", [])),
        before=tuple(raw.get("before", [])),
        entails=tuple(raw.get("entails", [])),
        percent=raw.get("percent", False),
        phrases=tuple(raw.get("phrases", [])),
        lemmas=frozenset(raw.get("lemmas", [])),
        context=frozenset(raw.get("context", [])),
    )


def _displacement(raw: dict[str, Any] | None) -> Displacement:
    if raw is None:
        return Displacement()
    return Displacement(
        frozenset(raw["lemmas"]),
        frozenset(raw["local_lemmas"]),
        frozenset(raw["wide_places"]),
        frozenset(raw.get("active_only", [])),
        raw["local"],
        raw["wide"],
        frozenset(raw.get("overrides", [])),
        frozenset(raw.get("nouns", [])),
    )


def _claim_words(mappings: Path) -> ClaimWords:
    figures = load(mappings / FIGURES_FILE, CLAIMS_SCHEMA)
    terms = load(mappings / CHARACTERISATIONS_FILE, CLAIMS_SCHEMA)
    claims = load(mappings / CLAIMS_FILE, CLAIMS_SCHEMA)
    voice = load(mappings / VOICE_FILE, VOICE_SCHEMA)
    citations = load(mappings / CITATIONS_FILE, CITATIONS_SCHEMA)
    recognise = claims.get("recognise", {})
    roles = {
        role: Concept(
            role,
            raw["label"],
            before=tuple(raw.get("before_agent", [])),
            after=tuple(raw.get("after_agent", [])),
        )
        for role, raw in claims.get("responsibility", {}).items()
    }
    return ClaimWords(
        categories={c["id"]: _concept(c) for c in figures.get("categories", [])},
        qualifiers={k: tuple(v) for k, v in figures.get("qualifiers", {}).items()},
        qualifier_lemmas={k: frozenset(v) for k, v in figures.get("qualifier_lemmas", {}).items()},
        modifiers={k: tuple(v) for k, v in figures.get("modifiers", {}).items()},
        parts=tuple(figures.get("parts", [])),
        not_counted=frozenset(figures.get("not_counted", [])),
        quantities=frozenset(figures.get("quantities", [])),
        remains=frozenset(figures.get("remains", [])),
        displacement=_displacement(figures.get("displacement")),
        terms={t["id"]: _concept(t) for t in terms.get("terms", [])},
        generic=tuple(terms.get("generic", [])),
        occasion_words=frozenset(terms.get("occasion_words", [])),
        speech_verbs=tuple(claims.get("speech_verbs", [])),
        quotation_verbs=frozenset(claims.get("quotation_verbs", [])),
        quoting_verbs=frozenset(claims.get("quoting_verbs", [])),
        roles=roles,
        issuer_heads=tuple(claims.get("issuer_heads", [])),
        collective_issuer=claims.get("collective_issuer"),
        statement_heading=claims.get("statement_heading"),
        document_type_cues=dict(claims.get("document_type_cues", {})),
        recognisers=Recognisers(
            resolution_bodies={
                body: (raw["cue"], raw["organ"])
                for body, raw in recognise.get("resolution_bodies", {}).items()
            },
            application_court=recognise.get("application_court"),
            application_court_cue=recognise.get("application_court_cue", r"(?!)"),
            person_titles=tuple(recognise.get("person_titles", [])),
            institution_words=tuple(recognise.get("institution_words", [])),
            order_court=recognise.get("order_court"),
            order_court_cue=recognise.get("order_court_cue", r"(?!)"),
        ),
        voice=VoiceWords(
            reporting_verbs=frozenset(voice["reporting_verbs"]),
            labelling_verbs=frozenset(voice["labelling_verbs"]),
            reporting_nouns=frozenset(voice["reporting_nouns"]),
            party_nouns=frozenset(voice["party_nouns"]),
            attribution_phrases=tuple(voice["attribution_phrases"]),
            denial_verbs=frozenset(voice["denial_verbs"]),
            denial_nouns=frozenset(voice["denial_nouns"]),
            distancing_words=tuple(voice["distancing_words"]),
            negatable_verbs=frozenset(voice["negatable_verbs"]),
            first_person=frozenset(voice["first_person"]),
            usage_verbs=frozenset(voice["usage_verbs"]),
            passive_verbs=frozenset(voice["passive_verbs"]),
            misuse_verbs=frozenset(voice.get("misuse_verbs", [])),
            others_of_ours=frozenset(voice.get("others_of_ours", [])),
            falsity_words=frozenset(voice.get("falsity_words", [])),
            measuring_verbs=frozenset(voice.get("measuring_verbs", [])),
            finding_verbs=frozenset(voice.get("finding_verbs", [])),
            label_nouns=frozenset(voice.get("label_nouns", [])),
            claim_nouns=frozenset(voice.get("claim_nouns", [])),
            count_nouns=frozenset(voice.get("count_nouns", [])),
            field_labels=frozenset(voice.get("field_labels", [])),
            qualifying_verbs=frozenset(voice.get("qualifying_verbs", [])),
        ),
        citations=CitationWords(
            works=dict(citations["works"]),
            un_organs=tuple(citations["un_organs"]),
            determiners=frozenset(citations["determiners"]),
            news_cues=tuple(citations.get("news_cues", [])),
            title_nouns=frozenset(citations.get("title_nouns", [])),
            act_nouns=tuple(citations.get("act_nouns", [])),
            bill_marks=tuple(citations.get("bill_marks", [])),
            bill_context=tuple(citations.get("bill_context", [])),
            court_words=frozenset(citations.get("court_words", [])),
            court_or_act=frozenset(citations.get("court_or_act", [])),
            back_references=tuple(citations.get("back_references", {}).items()),
        ),
    )
