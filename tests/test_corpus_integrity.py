"""The corpus as received: every text's bytes still match the sha256 its sidecar records,
and every sidecar validates and names known entities."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from statement_kg.corpus import read_document
from statement_kg.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt"))


def test_every_text_has_its_sidecar() -> None:
    assert TEXTS
    assert [t.with_suffix(".yaml").exists() for t in TEXTS] == [True] * len(TEXTS)


@pytest.mark.parametrize("text", TEXTS, ids=[t.stem for t in TEXTS])
def test_sha256_matches_sidecar(text: Path) -> None:
    sidecar = yaml.safe_load(text.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert hashlib.sha256(text.read_bytes()).hexdigest() == sidecar["sha256"]


@pytest.mark.parametrize("text", TEXTS, ids=[t.stem for t in TEXTS])
def test_sidecar_is_valid(text: Path, lexicon: Lexicon) -> None:
    document = read_document(text, lexicon)
    assert document.meta.issuers
    assert document.meta.issued.date is not None or document.meta.issued.reason
