"""Matches extracted items to gold items one to one and scores each field; tabulates the
voice of every figure and characterisation that both sides found."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from statement_kg.evaluate.items import FIELDS, VOICED, Item
from statement_kg.records import VOICES

MISSED = "missed"


@dataclass
class Counts:
    gold: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.matched += other.matched


@dataclass
class DocumentScore:
    name: str
    counts: dict[str, Counts] = field(default_factory=dict)
    misses: list[Item] = field(default_factory=list)
    false_hits: list[Item] = field(default_factory=list)
    # (gold voice, extracted voice or "missed") -> number of figures and characterisations.
    voices: Counter[tuple[str, str]] = field(default_factory=Counter)
    # Items the text only reports or denies, each with the extracted item that makes it
    # the issuer's own.
    own_voice_errors: list[tuple[Item, Item]] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        out = Counts()
        for counts in self.counts.values():
            out.add(counts)
        return out


def _scored(item: Item) -> bool:
    """A characterisation counts only in the issuer's own voice: a term the issuer reports
    or denies is not what it calls the event. Figures count in every voice."""
    return item.field != "characterizations" or item.voice == "own"


def _match(gold: list[Item], extracted: list[Item]) -> tuple[list[tuple[Item, Item]], list[Item]]:
    """Pairs each gold item with the first unmatched extracted item that matches it; returns
    the pairs and the extracted items left over."""
    pairs: list[tuple[Item, Item]] = []
    unmatched = list(extracted)
    for item in gold:
        match = next((e for e in unmatched if item.matches(e)), None)
        if match is not None:
            unmatched.remove(match)
            pairs.append((item, match))
    return pairs, unmatched


def voice_table(gold: list[Item], extracted: list[Item]) -> Counter[tuple[str, str]]:
    """Gold voice against extracted voice, over the figures and characterisations matched
    without regard to voice; a gold item nothing matches is counted as missed."""
    voiced_gold = [g for g in gold if g.field in VOICED]
    pairs, _ = _match(voiced_gold, [e for e in extracted if e.field in VOICED])
    found = {id(g): e.voice for g, e in pairs}
    return Counter((g.voice, found.get(id(g), MISSED)) for g in voiced_gold)


def own_voice_errors(gold: list[Item], extracted: list[Item]) -> list[tuple[Item, Item]]:
    """Each figure or characterisation the text reports or denies (by gold) that extraction
    records in the issuer's own voice: same field, same category or term, spans overlapping."""
    return [
        (g, e)
        for g in gold
        if g.field in VOICED and g.voice != "own"
        for e in extracted
        if e.field == g.field
        and e.voice == "own"
        and (e.key[:1] == g.key[:1] or (g.field == "characterizations" and g.key[0] in e.names))
        and g.start < e.end
        and e.start < g.end
    ]


def score_document(
    name: str, gold: list[Item], extracted: list[Item], fields: frozenset[str] = frozenset(FIELDS)
) -> DocumentScore:
    """Scores the fields the gold file annotates; the voice table and the own-voice errors
    see every voice."""
    result = DocumentScore(name, {f: Counts() for f in FIELDS if f in fields})
    scored_gold = [g for g in gold if g.field in fields and _scored(g)]
    scored_extracted = [e for e in extracted if e.field in fields and _scored(e)]
    pairs, unmatched = _match(scored_gold, scored_extracted)
    matched = {id(g) for g, _ in pairs}
    for item in scored_gold:
        result.counts[item.field].gold += 1
        if id(item) in matched:
            result.counts[item.field].matched += 1
        else:
            result.misses.append(item)
    for item in scored_extracted:
        result.counts[item.field].extracted += 1
    result.false_hits = unmatched
    result.voices = voice_table(gold, extracted)
    result.own_voice_errors = own_voice_errors(gold, extracted)
    return result


def totals(scores: list[DocumentScore]) -> dict[str, Counts]:
    """Counts per field over all documents (the fields any gold file scores), and 'overall'
    across fields."""
    out = {f: Counts() for f in FIELDS if any(f in s.counts for s in scores)}
    out["overall"] = Counts()
    for score in scores:
        for name, counts in score.counts.items():
            out[name].add(counts)
            out["overall"].add(counts)
    return out


def voice_totals(scores: list[DocumentScore]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for score in scores:
        out.update(score.voices)
    return out


VOICE_COLUMNS = (*VOICES, MISSED)
