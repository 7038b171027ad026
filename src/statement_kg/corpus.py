"""Reads the corpus: each document's text exactly as received and its sidecar, checked.

A document is `<id>.txt` plus `<id>.yaml`, anywhere under the corpus folder. Every problem
raises an InputError naming the file, so a curator can fix it before anything is written.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from statement_kg.lexicon import DOCUMENT_TYPES_FILE, Lexicon
from statement_kg.records import ContainerMeta, Document, InputError, IssueDate, Metadata
from statement_kg.yamlfile import compose, line_of_field, load, parse_partial_date

SIDECAR_SCHEMA = "sidecar.schema.json"
# Far above any statement; a larger file is a mistake (an archive, a dump), not a text, and
# texts are extracted in memory. `build --max-text-size` raises it.
MAX_TEXT_BYTES = 20_000_000


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    """The text and its sha256; an InputError when it is not a regular file, larger than
    `max_bytes`, not UTF-8 or empty."""
    _check_file(path, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            path, f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}", line=line
        ) from err
    if not text.strip():
        raise InputError(path, "the text is empty")
    return text, sha256_of(data)


def _check_file(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> None:
    """A regular file of a sensible size: a FIFO would hang the build, a device such as
    /dev/zero never end, and a folder or a broken link cannot be read at all."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(path, "a symbolic link that loops") from error
        if not path.exists() and path.is_symlink():
            raise InputError(path, "a symbolic link to nothing") from error
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file (a pipe, socket or device)")
    if info.st_size > max_bytes:
        raise InputError(
            path,
            f"the text is larger than the limit of {max_bytes:,} bytes; "
            "raise it with 'statement-kg build --max-text-size BYTES' or split the text",
        )


def _metadata(raw: dict[str, Any], path: Path, lexicon: Lexicon) -> Metadata:
    for index, issuer in enumerate(raw["issuers"]):
        lexicon.require(issuer, path, f"issuers.{index}")
    for index, relay in enumerate(raw.get("relayed_by", [])):
        lexicon.require(relay, path, f"relayed_by.{index}")
        if relay in raw["issuers"]:
            raise InputError(
                path,
                f"{relay!r} relayed the text: it is not also its issuer",
                field=f"relayed_by.{index}",
            )
    for name in ("place", "addressee"):
        if name in raw:
            lexicon.require(raw[name], path, name)
    if raw["type"] not in lexicon.document_types:
        raise InputError(
            path,
            f"unknown document type {raw['type']!r} (not in mappings/{DOCUMENT_TYPES_FILE})",
            field="type",
        )
    part_of = None
    if "part_of" in raw:
        container = raw["part_of"]
        for index, issuer in enumerate(container["issuers"]):
            lexicon.require(issuer, path, f"part_of.issuers.{index}")
        if "addressee" in container:
            lexicon.require(container["addressee"], path, "part_of.addressee")
        if container["type"] not in lexicon.document_types:
            raise InputError(
                path,
                f"unknown document type {container['type']!r} (not in "
                f"mappings/{DOCUMENT_TYPES_FILE})",
                field="part_of.type",
            )
        part_of = ContainerMeta(
            title=container["title"],
            doc_type=container["type"],
            issuers=tuple(container["issuers"]),
            issued=parse_partial_date(container["issued"]) if "issued" in container else None,
            addressee=container.get("addressee"),
        )
    issued = raw["issued"]
    return Metadata(
        title=raw["title"],
        doc_type=raw["type"],
        language=raw["language"],
        issuers=tuple(raw["issuers"]),
        issuers_note=raw.get("issuers_note"),
        issued=IssueDate(
            date=parse_partial_date(issued["date"]) if issued["date"] is not None else None,
            inferred=issued["inferred"],
            reason=issued.get("reason"),
        ),
        place=raw.get("place"),
        addressee=raw.get("addressee"),
        part_of=part_of,
        original_file=raw["original_file"],
        source_url=raw.get("source_url"),
        sha256=raw["sha256"],
        relayed_by=tuple(raw.get("relayed_by", [])),
    )


def read_document(
    text_path: Path,
    lexicon: Lexicon,
    doc_id: str | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
) -> Document:
    """One document; its id is the file's stem unless given."""
    meta_path = text_path.with_suffix(".yaml")
    if not meta_path.exists():
        raise InputError(text_path, f"no sidecar: {meta_path.name} is missing beside the text")
    text, digest = read_text(text_path, max_bytes)
    raw = load(meta_path, SIDECAR_SCHEMA)
    if raw.get("draft"):
        raise InputError(
            meta_path,
            "this sidecar is a draft: check every field, then remove 'draft: true'",
            field="draft",
            line=line_of_field(compose(meta_path), "draft"),
        )
    try:
        meta = _metadata(raw, meta_path, lexicon)
    except InputError as error:
        if error.field and error.line is None:
            error.line = line_of_field(compose(meta_path), error.field)
        raise
    if meta.sha256 != digest:
        raise InputError(
            meta_path,
            f"sha256 {meta.sha256} does not match the text "
            f"{text_path.name} ({digest}): the text changed",
            field="sha256",
            line=line_of_field(compose(meta_path), "sha256"),
        )
    return Document(doc_id or text_path.stem, text_path, meta_path, text, digest, meta)


def _text_files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        raise InputError(root, "corpus folder not found")
    for path in sorted(root.rglob("*")):
        suffix = path.suffix
        if suffix.lower() in (".txt", ".yaml") and suffix not in (".txt", ".yaml"):
            # Read as neither a text nor a sidecar: it would be silently left out.
            raise InputError(path, f"the extension must be lower-case {suffix.lower()}")
    for path in sorted(root.rglob("*.txt")):
        _check_file(path)
        yield path
    for orphan in sorted(root.rglob("*.yaml")):
        if not orphan.with_suffix(".txt").exists():
            raise InputError(
                orphan, f"sidecar without a text: {orphan.with_suffix('.txt').name} is missing"
            )


def read_corpus(root: Path, lexicon: Lexicon, max_bytes: int = MAX_TEXT_BYTES) -> list[Document]:
    """Every document under root, in id order; fails on the first bad one."""
    seen: dict[str, Path] = {}
    documents: list[Document] = []
    for path in _text_files(root):
        if path.stem in seen:
            raise InputError(path, f"duplicate document id {path.stem!r}: also {seen[path.stem]}")
        seen[path.stem] = path
        documents.append(read_document(path, lexicon, max_bytes=max_bytes))
    if not documents:
        raise InputError(root, "no documents (*.txt with a .yaml sidecar) in the corpus folder")
    return sorted(documents, key=lambda d: d.id)
