"""Asks a Wikidata-shaped SPARQL endpoint for candidate items: first the items whose label or
alias is one of an entity's names (exact literals, in a few languages, batched in VALUES
blocks so that a corpus costs a handful of requests), then what is needed to score and show
them: labels, classes (wdt:P31, and which of the expected root classes they fall under
through wdt:P279*), dates and countries."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from statement_kg.linker.endpoint import Endpoint
from statement_kg.records import Entity

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
# Names are matched as exact literals (an index look-up on Wikidata), so each is asked for in
# the languages its labels are most likely in; "mul" is Wikidata's language-neutral label.
LANGUAGES = ("en", "mul", "az", "hy", "ru", "de", "fr")
# The statements a candidate is scored on: dates, and the country it is in.
FACTS = ("P569", "P570", "P571", "P577", "P580", "P582", "P585", "P17")
# Batch sizes: enough for a corpus in a handful of requests, small enough that no request
# comes near a public endpoint's limits on size and time.
MAX_LITERALS = 240
MAX_ITEMS = 50
_SYMBOL = re.compile(r"S/RES/(\d+) \(\d{4}\)")


@dataclass(frozen=True)
class NameMatch:
    """One of an entity's names (a label, an alias, or a search phrase of `match`) found as a
    label or an alias of an item."""

    name: str
    ours: str
    theirs: str


@dataclass
class ItemFacts:
    """What the endpoint says about a candidate item."""

    iri: str
    labels: dict[str, str] = field(default_factory=dict)
    classes: set[str] = field(default_factory=set)
    roots: set[str] = field(default_factory=set)
    facts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def label(self) -> str:
        """Its name for a reader: the English label, or the first there is."""
        for language in LANGUAGES:
            if language in self.labels:
                return self.labels[language]
        return self.iri.removeprefix(WD)


def search_names(entity: Entity) -> dict[str, str]:
    """The names to look an entity up by, each with what it is to us; a UN resolution is
    also looked up by the name Wikidata gives resolutions."""
    names: dict[str, str] = {}
    for name, kind in (
        (entity.label, "label"),
        *((alias, "alias") for alias in entity.alt_labels),
        *((phrase, "phrase") for phrase in entity.search_phrases),
    ):
        names.setdefault(name, kind)
    symbol = _SYMBOL.fullmatch(entity.symbol or "")
    if entity.type == "un_resolution" and symbol:
        names.setdefault(f"United Nations Security Council Resolution {symbol[1]}", "alias")
    return names


def literal(text: str, language: str | None = None) -> str:
    """A SPARQL string literal, escaped."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"' + (f"@{language}" if language else "")


def lexical_query(names: Iterable[str]) -> str:
    values = " ".join(literal(n, lang) for n in names for lang in LANGUAGES)
    return f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?item ?via WHERE {{
  VALUES ?name {{ {values} }}
  {{ ?item rdfs:label ?name . BIND("label" AS ?via) }}
  UNION {{ ?item skos:altLabel ?name . BIND("alias" AS ?via) }}
  FILTER(STRSTARTS(STR(?item), "{WD}Q"))
}}"""


def facts_query(items: Iterable[str], roots: Iterable[str]) -> str:
    item_values = " ".join(f"<{i}>" for i in items)
    root_values = " ".join(f"<{r}>" for r in roots)
    languages = ", ".join(literal(lang) for lang in LANGUAGES)
    facts = " ".join(f'(<{WDT}{p}> "{p}")' for p in FACTS)
    root_branch = (
        f"""
  UNION {{ VALUES ?value {{ {root_values} }} ?item wdt:P31/wdt:P279* ?value .
           BIND("root" AS ?key) }}"""
        if root_values
        else ""
    )
    return f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX wdt: <{WDT}>
SELECT ?item ?key ?value ?language WHERE {{
  VALUES ?item {{ {item_values} }}
  {{ ?item rdfs:label ?value . FILTER(LANG(?value) IN ({languages}))
     BIND("label" AS ?key) BIND(LANG(?value) AS ?language) }}
  UNION {{ ?item wdt:P31 ?value . BIND("P31" AS ?key) }}{root_branch}
  UNION {{ VALUES (?property ?key) {{ {facts} }} ?item ?property ?value . }}
}}"""


def _batches(names: Sequence[str]) -> Iterator[list[str]]:
    size = max(1, MAX_LITERALS // len(LANGUAGES))
    for start in range(0, len(names), size):
        yield list(names[start : start + size])


def lexical_matches(
    endpoint: Endpoint, entities: Iterable[Entity]
) -> dict[str, dict[str, list[NameMatch]]]:
    """For each entity, the items one of its names finds, and how."""
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entity in entities:
        for name, kind in search_names(entity).items():
            owners[name].append((entity.id, kind))
    found: dict[str, dict[str, list[NameMatch]]] = defaultdict(lambda: defaultdict(list))
    for batch in _batches(sorted(owners)):
        for row in endpoint.select(lexical_query(batch)):
            for entity_id, kind in owners.get(row["name"], []):
                match = NameMatch(row["name"], kind, row["via"])
                if match not in found[entity_id][row["item"]]:
                    found[entity_id][row["item"]].append(match)
    return found


def item_facts(
    endpoint: Endpoint, items: Iterable[str], roots: Iterable[str]
) -> dict[str, ItemFacts]:
    """What the endpoint says about each item, in batches."""
    ordered = sorted(set(items))
    root_list = sorted(set(roots))
    facts: dict[str, ItemFacts] = {i: ItemFacts(i) for i in ordered}
    for start in range(0, len(ordered), MAX_ITEMS):
        query = facts_query(ordered[start : start + MAX_ITEMS], root_list)
        for row in endpoint.select(query):
            item, key, value = facts[row["item"]], row["key"], row["value"]
            if key == "label":
                item.labels[row["language"]] = value
            elif key == "P31":
                item.classes.add(value)
            elif key == "root":
                item.roots.add(value)
            else:
                item.facts[key].add(value)
    return facts
