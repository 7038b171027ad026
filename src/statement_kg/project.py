"""Where a project's parts live: the folders the design fixes, under one root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def mappings(self) -> Path:
        return self.root / "mappings"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "statement-kg.ttl"

    @property
    def graph(self) -> Path:
        return self.root / "graph"

    @property
    def queries(self) -> Path:
        return self.root / "queries"
