"""Scores a candidate item for an entity, and says why: how its names match (a label beats
an alias), whether its class agrees with the entity's type (wdt:P31, up wdt:P279), whether its
dates fit (an event's time, a document's date, a person alive and adult in the corpus's
years), and whether a place lies in the country the entity lies in. The score is a ranking
and a hint to the reviewer, not a probability."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from statement_kg.linker.candidates import WD, ItemFacts, NameMatch
from statement_kg.records import Entity, LinkCandidate, PartialDate, TimeSpec
from statement_kg.yamlfile import parse_partial_date

# The root classes an entity's type agrees with (checked against public lists of Wikidata
# classes). Where none is given (a resolution, a news outlet: their classes are not checked
# yet) the candidates are ranked on names and dates alone.
ROOTS: dict[str, frozenset[str]] = {
    "person": frozenset({WD + "Q5"}),  # human
    "organisation": frozenset({WD + "Q43229"}),  # organization
    "country": frozenset({WD + "Q6256"}),  # country
    # human settlement, geographic region, administrative territorial entity
    "place": frozenset({WD + "Q486972", WD + "Q82794", WD + "Q56061"}),
    "event": frozenset({WD + "Q1190554"}),  # occurrence
    "un_resolution": frozenset(),
    "news_outlet": frozenset(),
}
# The --type choices of `statement-kg link`, and the entity types each covers.
KINDS: dict[str, tuple[str, ...]] = {
    "person": ("person",),
    "organisation": ("organisation", "news_outlet"),
    "place": ("place", "country"),
    "event": ("event",),
    "resolution": ("un_resolution",),
}
# (what the name is to us, what it is to them) -> weight.
NAME_WEIGHTS: dict[tuple[str, str], float] = {
    ("label", "label"): 0.5,
    ("label", "alias"): 0.4,
    ("alias", "label"): 0.4,
    ("alias", "alias"): 0.3,
    ("phrase", "label"): 0.3,
    ("phrase", "alias"): 0.2,
}
TYPE_AGREES, TYPE_DISAGREES = 0.3, -0.3
DATE_AGREES, DATE_DISAGREES = 0.2, -0.2
LIFE_FITS, LIFE_DOES_NOT_FIT = 0.1, -0.3
COUNTRY_AGREES, COUNTRY_DISAGREES = 0.1, -0.1
ADULT_AGE = 18


@dataclass(frozen=True)
class Context:
    """What scoring knows beyond the entity: the years the corpus is about, and for each
    entity the Wikidata items of the countries it lies in (from the curated links)."""

    window: TimeSpec | None
    countries: Mapping[str, frozenset[str]]


def _name(matches: Sequence[NameMatch]) -> tuple[float, str]:
    best = max(matches, key=lambda m: NAME_WEIGHTS[(m.ours, m.theirs)])
    why = f'our {best.ours} "{best.name}" is its {best.theirs}'
    return NAME_WEIGHTS[(best.ours, best.theirs)], why


def _type(entity: Entity, facts: ItemFacts) -> tuple[float, str] | None:
    roots = ROOTS.get(entity.type, frozenset())
    if not roots or not facts.classes:
        return None
    agreed = sorted(roots & facts.roots)
    if agreed:
        classes = ", ".join(r.removeprefix(WD) for r in agreed)
        return TYPE_AGREES, f"its class agrees with {entity.type} ({classes})"
    classes = ", ".join(sorted(c.removeprefix(WD) for c in facts.classes))
    return TYPE_DISAGREES, f"its class ({classes}) does not agree with {entity.type}"


def _day(value: str) -> TimeSpec | None:
    """A Wikidata time ('1954-06-30T00:00:00Z') as a day; None for what is not one."""
    try:
        return TimeSpec(parse_partial_date(value.lstrip("+")[:10]))
    except ValueError:
        return None


def _dates(facts: ItemFacts, *properties: str) -> list[TimeSpec]:
    days = (_day(v) for p in properties for v in sorted(facts.facts.get(p, ())))
    return [d for d in days if d is not None]


def _when(entity: Entity) -> TimeSpec | None:
    if entity.when is not None:
        return entity.when
    return TimeSpec(PartialDate(entity.issued)) if entity.issued else None


def _date(entity: Entity, facts: ItemFacts, context: Context) -> tuple[float, str] | None:
    if entity.type == "person":
        return _life(facts, context.window)
    when = _when(entity)
    dates = _dates(facts, "P585", "P577", "P580", "P582", "P571")
    if when is None or not dates:
        return None
    if any(when.overlaps(d) for d in dates):
        return DATE_AGREES, f"its date fits {when.iso}"
    return DATE_DISAGREES, f"its dates ({', '.join(d.iso for d in dates)}) miss {when.iso}"


def _life(facts: ItemFacts, window: TimeSpec | None) -> tuple[float, str] | None:
    born = _dates(facts, "P569")
    if not born or window is None:
        return None
    died = _dates(facts, "P570")
    start, end = int(window.begin.iso[:4]), int((window.end or window.begin).iso[:4])
    born_year = int(born[0].iso[:4])
    died_year = int(died[0].iso[:4]) if died else None
    fits = born_year + ADULT_AGE <= end and (died_year is None or died_year >= start)
    life = f"{born_year}-{died_year or ''}"
    if fits:
        return LIFE_FITS, f"lived ({life}) in the corpus's years {start}-{end}"
    return LIFE_DOES_NOT_FIT, f"lived ({life}) outside the corpus's years {start}-{end}"


def _country(entity: Entity, facts: ItemFacts, context: Context) -> tuple[float, str] | None:
    expected = context.countries.get(entity.id, frozenset())
    found = facts.facts.get("P17", set())
    if entity.type != "place" or not expected or not found:
        return None
    if expected & found:
        return COUNTRY_AGREES, "in the country the entity lies in"
    return COUNTRY_DISAGREES, "in another country than the entity"


def score(
    entity: Entity, facts: ItemFacts, matches: Sequence[NameMatch], context: Context
) -> LinkCandidate:
    parts = [
        _name(matches),
        _type(entity, facts),
        _date(entity, facts, context),
        _country(entity, facts, context),
    ]
    found = [p for p in parts if p is not None]
    total = round(min(1.0, max(0.0, sum(weight for weight, _ in found))), 2)
    reasons = tuple(f"{weight:+.2f} {why}" for weight, why in found)
    return LinkCandidate(entity.id, facts.iri, facts.label, total, reasons)


def rank(candidates: Sequence[LinkCandidate]) -> list[LinkCandidate]:
    """Best first; a score of 0 is no candidate."""
    return sorted((c for c in candidates if c.score > 0), key=lambda c: (-c.score, c.item))
