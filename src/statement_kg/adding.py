"""Adding texts to the corpus: each is copied byte for byte to `corpus/<id>.txt` under the id
its draft proposes (`<issue date>-<issuer>-<type>`), beside a draft sidecar with its sha256.
A text already in the corpus (the same bytes) or given twice is refused, and every text is
checked before anything is written, so that a refused call leaves the corpus as it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from statement_kg.corpus import read_text, sha256_of
from statement_kg.draft import draft
from statement_kg.lexicon import Lexicon
from statement_kg.records import InputError
from statement_kg.store import atomic_write


@dataclass(frozen=True)
class Added:
    source: Path
    text: Path
    sidecar: Path


def _in_corpus(corpus: Path) -> dict[str, Path]:
    """sha256 -> the corpus text that has it."""
    # Only regular files: a pipe or device named *.txt is the build's to refuse, not to read.
    texts = [path for path in sorted(corpus.rglob("*.txt")) if path.is_file()]
    return {sha256_of(path.read_bytes()): path for path in texts}


def _free_id(wanted: str, taken: set[str]) -> str:
    """The id, or the id with -2, -3... when another document already has it."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def add(files: Sequence[Path], corpus: Path, lexicon: Lexicon) -> list[Added]:
    """Copy the texts into the corpus with draft sidecars; raises InputError naming the
    first file that cannot be added, before anything is written."""
    if not corpus.is_dir():
        raise InputError(corpus, "corpus folder not found")
    known = _in_corpus(corpus)
    taken = {p.stem for p in corpus.rglob("*.txt")} | {p.stem for p in corpus.rglob("*.yaml")}
    given: dict[str, Path] = {}
    planned: list[tuple[Path, str, bytes, str]] = []
    for source in files:
        if not source.is_file():
            raise InputError(source, "not a file")
        data = source.read_bytes()
        text, digest = read_text(source)
        if digest in known:
            raise InputError(source, f"already in the corpus as {known[digest]} (same sha256)")
        if digest in given:
            raise InputError(source, f"given twice: the same text as {given[digest]}")
        proposal = draft(text, digest, source.name, source.stem, lexicon)
        doc_id = _free_id(proposal.proposed_id, taken)
        taken.add(doc_id)
        given[digest] = source
        planned.append((source, doc_id, data, proposal.yaml))
    added: list[Added] = []
    written: list[Path] = []
    try:
        for source, doc_id, data, sidecar in planned:
            text_path, sidecar_path = corpus / f"{doc_id}.txt", corpus / f"{doc_id}.yaml"
            atomic_write(sidecar_path, sidecar.encode("utf-8"))
            written.append(sidecar_path)
            atomic_write(text_path, data)
            written.append(text_path)
            added.append(Added(source, text_path, sidecar_path))
    except OSError:
        for path in written:  # all or nothing: a corpus with half the texts is not wanted
            path.unlink(missing_ok=True)
        raise
    return added
