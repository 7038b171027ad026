"""The build's cache of per-document results, keyed by everything a result depends on: the
text, the sidecar, the context (mappings/, ontology/, the entities recognised in the corpus
and the reference descriptions), the package version and its code (an edited extractor in
a working copy keeps its version). A changed input changes the key, so a stale result is
never reused; results nobody asks for again are pruned after a build. The entities each
text names by its form are cached the same way, beside the results, and the last build's
JSON-LD nodes beside them (nodecache.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from statement_kg import __version__
from statement_kg.records import Document

CACHE_DIR = ".cache/build"
RECOGNISED_DIR = ".cache/recognised"
# The JSON-LD nodes of the last build (nodecache.py).
NODES_FILE = ".cache/jsonld-nodes.pickle"
T = TypeVar("T")


@cache
def _code_digest() -> bytes:
    """The package's own code, every module by name and content."""
    package = Path(__file__).parent
    return hashlib.sha256(b"".join(folder_bytes(package, suffix=".py"))).digest()


def context_digest(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(_code_digest())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def folder_bytes(*folders: Path, suffix: str = "") -> Iterable[bytes]:
    """Every file of the folders (ending with `suffix`), name and content, in a fixed
    order."""
    for folder in folders:
        for path in sorted(p for p in folder.rglob(f"*{suffix}") if p.is_file()):
            yield str(path.relative_to(folder)).encode()
            yield path.read_bytes()


def text_key(text: str, context: str) -> str:
    return hashlib.sha256(f"{context}\0{text}".encode()).hexdigest()


def document_key(document: Document, context: str) -> str:
    sidecar = document.meta_path.read_bytes() if document.meta_path.is_file() else b""
    parts = (context, document.id, document.sha256, hashlib.sha256(sidecar).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class ResultCache(Generic[T]):
    """Values of one `kind` (per-document results, the entities a text names) stored one
    file per key under `folder`."""

    def __init__(self, folder: Path, kind: type[T]) -> None:
        self.folder = folder
        self.kind = kind
        self.used: set[str] = set()

    def get(self, key: str) -> T | None:
        self.used.add(key)
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                result = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return result if isinstance(result, self.kind) else None

    def put(self, key: str, result: T) -> None:
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{key}.pickle")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        """Removes results of inputs that no longer exist, and stray temporary files."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
