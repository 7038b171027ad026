"""Turns what the pipeline extracts from a text into items comparable with gold."""

from __future__ import annotations

from dataclasses import replace

from statement_kg.evaluate.items import Item, figure_key
from statement_kg.extract.mentions import group_of
from statement_kg.extract.said_by import head_noun
from statement_kg.lexicon import Lexicon
from statement_kg.metadata import Found, find_issue_date, find_issuers, find_relays
from statement_kg.records import Document, Entity, Extraction, Span, Voice


def _identifier(entity: Entity) -> str | None:
    if entity.symbol:
        return entity.symbol
    if entity.type == "convention":
        return entity.label
    if entity.type == "court_judgment" and entity.application_number:
        return f"ECHR {entity.application_number}"
    return None


_KINDS = {"report": "other", "legislation": "other", "source": "other"}


def _citations(extraction: Extraction, lexicon: Lexicon) -> list[Item]:
    """One item per place a work is cited, as the gold format annotates every occurrence."""
    text = extraction.document.text
    items: list[Item] = []
    cited = [
        (m.entity, m.span)
        for m in extraction.mentions
        if group_of(lexicon.entities[m.entity].type) == "work"
    ]
    for entity_id, span in sorted(cited, key=lambda item: item[1].start):
        entity = lexicon.entities[entity_id]
        items.append(
            Item(
                "citations",
                (_KINDS.get(entity.type, entity.type),),
                span.start,
                span.end,
                text[span.start : span.end],
                _identifier(entity),
                names=entity.names if entity.type == "convention" else (),
            )
        )
    for article in extraction.articles:
        items.append(
            Item(
                "citations",
                ("news_article",),
                article.span.start,
                article.span.end,
                article.span.exact,
            )
        )
    work_spans = [
        m.span for m in extraction.mentions if group_of(lexicon.entities[m.entity].type) == "work"
    ]
    for link in extraction.links:
        label = link.label_span
        if label and any(label.start <= w.start < label.end for w in work_spans):
            continue  # the address of a work already counted
        items.append(Item("citations", ("other",), link.span.start, link.span.end, link.span.exact))
    items += [
        Item("citations", (d.kind,), d.span.start, d.span.end, d.span.exact)
        for d in extraction.described
    ]
    return items


def _name(name: str) -> str:
    return " ".join(name.lower().split())


# A year in the same sentence shortly after a cited work is the work's year ("(1948)",
# "New York University Press, 2003"), not an event's.
WORK_YEAR_WINDOW = 120
BRACKETED = frozenset({"(", " ("})


def _dates_a_work(start: int, work_spans: list[Span], text: str) -> bool:
    """Also "the 1949 Geneva Conventions": a year right before the work's name. A
    judgment's date is that of its delivery, an event: its span is not among `work_spans`."""
    return any(
        (0 <= start - w.end <= WORK_YEAR_WINDOW and "." not in text[w.end : start])
        or 0 <= w.start - start <= 6
        for w in work_spans
    )


def term_names(term: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The term and its broader one: a gold file may name a narrower term of the lexicon
    ("pogrom") by the wider one of the format's list ("massacre")."""
    concept = lexicon.claims.terms.get(term)
    return (term, concept.broader) if concept is not None and concept.broader else (term,)


def _anchored(field: str, key: tuple[object, ...], span: Span, names: tuple[str, ...] = ()) -> Item:
    return Item(field, key, span.start, span.end, span.exact, names=names)


def _voiced(field: str, key: tuple[object, ...], span: Span, voice: Voice) -> Item:
    """An item with its voice, for scoring (own only, for characterisations) and the voice
    table (every voice)."""
    party = voice.party or voice.party_words
    return Item(field, key, span.start, span.end, span.exact, voice=voice.kind, party=party)


def _named_anchors(field: str, found: Found) -> Item:
    """An issuer or relay with every place the text names it."""
    item = _anchored(field, (), found.span)
    return replace(item, also=tuple((s.start, s.end) for s in found.also))


def _named_items(field: str, extraction: Extraction, listed: tuple[str, ...]) -> list[Item]:
    """The entities a sidecar lists (issuers, relays), each at its first mention in the
    text; one the text does not name is not scored."""
    spans = [
        next((m.span for m in extraction.mentions if m.entity == entity), None) for entity in listed
    ]
    return [_anchored(field, (), span) for span in spans if span is not None]


def _issuer_items(extraction: Extraction, lexicon: Lexicon, has_sidecar: bool) -> list[Item]:
    """A sidecar's issuers where the text names them; without one, what the text says."""
    document = extraction.document
    if not has_sidecar:
        return [_named_anchors("issuers", f) for f in find_issuers(document.text, lexicon)]
    if document.meta.issuers_note:
        return []  # the sidecar says the text names no issuer
    return _named_items("issuers", extraction, document.meta.issuers)


def _relay_items(extraction: Extraction, lexicon: Lexicon, has_sidecar: bool) -> list[Item]:
    """The sites that relay the text: the sidecar's where the text names them, else what the
    text's relay lines say."""
    document = extraction.document
    if not has_sidecar:
        return [_named_anchors("relays", f) for f in find_relays(document.text, lexicon)]
    return _named_items("relays", extraction, document.meta.relayed_by)


def _issue_date_items(document: Document, lexicon: Lexicon, has_sidecar: bool) -> list[Item]:
    issued = document.meta.issued
    if has_sidecar and issued.date is not None and not issued.inferred:
        return [Item("issue_date", (issued.date.iso,), 0, 0, "")]
    found = find_issue_date(document.text, lexicon)
    return [Item("issue_date", (found.value,), 0, 0, "")] if found else []


def extracted_items(extraction: Extraction, lexicon: Lexicon, has_sidecar: bool) -> list[Item]:
    text = extraction.document.text
    work_spans = [
        m.span
        for m in extraction.mentions
        if group_of(lexicon.entities[m.entity].type) == "work"
        and lexicon.entities[m.entity].type != "court_judgment"
    ]
    items = _issuer_items(extraction, lexicon, has_sidecar)
    items += _relay_items(extraction, lexicon, has_sidecar)
    items += _issue_date_items(extraction.document, lexicon, has_sidecar)
    items += [
        _voiced(
            "figures", figure_key(f.category, f.value, f.low, f.high, f.qualifiers), f.span, f.voice
        )
        for f in extraction.figures
    ]
    citations = _citations(extraction, lexicon)
    items += citations
    # A date inside the words that cite a work ("the resolution of 7 July 1988", "Izvestiya,
    # 4 March 1992") dates the work, not an event; a judgment's is its delivery, an event.
    # So does a year in brackets right after it ("822 (1993)").
    cited = [(c.start, c.end) for c in citations if c.key != ("court_judgment",)]
    items += [
        _anchored("event_dates", (d.time.iso,), d.span)
        for d in extraction.dates
        if d.event is not None
        or not (
            _dates_a_work(d.span.start, work_spans, text)
            or any(
                a <= d.span.start and (d.span.end <= b or text[b : d.span.start] in BRACKETED)
                for a, b in cited
            )
        )
    ]
    items += [
        replace(
            _voiced("characterizations", (c.term,), c.span, c.voice),
            names=term_names(c.term, lexicon),
        )
        for c in extraction.characterisations
    ]
    for quotation in extraction.quotations:
        if quotation.speaker is not None:
            entity = lexicon.entities[quotation.speaker]
            names = tuple(_name(n) for n in entity.names)
        elif quotation.voice.party_words is not None:
            # An unnamed speaker is described; a reader's description of the same speaker
            # shares its head noun ("a spokesman for the self-defence forces").
            words = quotation.voice.party_words
            names = (_name(words), _name(head_noun(words)))
        else:
            continue
        items.append(_anchored("quotations", (names[0],), quotation.span, names=names))
    return items
