"""Matches extracted items to gold items one to one and scores each field."""

from __future__ import annotations

from dataclasses import dataclass, field

from statement_kg.evaluate.items import FIELDS, Item


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


def score_document(name: str, gold: list[Item], extracted: list[Item]) -> DocumentScore:
    result = DocumentScore(name, {f: Counts() for f in FIELDS})
    unmatched = list(extracted)
    for item in gold:
        result.counts[item.field].gold += 1
        match = next((e for e in unmatched if item.matches(e)), None)
        if match is None:
            result.misses.append(item)
        else:
            unmatched.remove(match)
            result.counts[item.field].matched += 1
    for item in extracted:
        result.counts[item.field].extracted += 1
    result.false_hits = unmatched
    return result


def totals(scores: list[DocumentScore]) -> dict[str, Counts]:
    """Counts per field over all documents, and 'overall' across fields."""
    out = {f: Counts() for f in (*FIELDS, "overall")}
    for score in scores:
        for name, counts in score.counts.items():
            out[name].add(counts)
            out["overall"].add(counts)
    return out
