"""Pairs texts with gold files by name, extracts from each text and scores it."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from statement_kg.corpus import read_document, read_text, sha256_of
from statement_kg.evaluate.extracted import extracted_items
from statement_kg.evaluate.gold import load_gold
from statement_kg.evaluate.score import DocumentScore, score_document
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import Lexicon
from statement_kg.metadata import find_document_type
from statement_kg.pipeline import Context, process_document
from statement_kg.records import Document, InputError, IssueDate, Metadata


def bare_document(path: Path, lexicon: Lexicon) -> Document:
    """A document with no sidecar: the text alone, its metadata left for the text to say."""
    text, digest = read_text(path)
    found_type = find_document_type(text, lexicon)
    meta = Metadata(
        title=path.stem,
        doc_type=found_type.value if found_type else "press-release",
        language="en",
        issuers=(),
        issuers_note=None,
        issued=IssueDate(None, False, "no sidecar"),
        place=None,
        addressee=None,
        part_of=None,
        original_file=path.name,
        source_url=None,
        sha256=digest,
    )
    return Document(path.stem, path, path.with_suffix(".yaml"), text, digest, meta)


def evaluate_document(text_path: Path, gold_path: Path, lexicon: Lexicon) -> DocumentScore:
    """Extracts from one text (with its sidecar, if it has one) and scores it against its
    gold file."""
    has_sidecar = text_path.with_suffix(".yaml").exists()
    document = (
        read_document(text_path, lexicon) if has_sidecar else bare_document(text_path, lexicon)
    )
    known = with_recognised([document.text], lexicon)
    # The build's per-document function, without validation or corrections: what is scored
    # is what extraction builds.
    result = process_document(document, Context(known, Graph(), Graph()), validate=False)
    assert result.extraction is not None
    entails = {c: category.entails for c, category in lexicon.claims.categories.items()}
    gold = load_gold(gold_path, document.text, entails)
    return score_document(
        gold_path.stem,
        gold.items,
        extracted_items(result.extraction, known, has_sidecar),
        gold.fields,
    )


def gold_pairs(texts: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """Each gold file of `gold_dir` with its text in `texts`, by name."""
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError(gold_dir, "no gold files (*.json)")
    pairs = []
    for gold_path in gold_files:
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            raise InputError(gold_path, f"no text {text_path.name} in {texts}")
        pairs.append((text_path, gold_path))
    return pairs


def evaluate(texts: Path, gold_dir: Path, lexicon: Lexicon) -> list[DocumentScore]:
    return [
        evaluate_document(text_path, gold_path, lexicon)
        for text_path, gold_path in gold_pairs(texts, gold_dir)
    ]


__all__ = ["evaluate", "evaluate_document", "gold_pairs", "sha256_of"]
