"""Runs the per-document function over many documents: in this process, in N local
processes, or on a Dask distributed cluster. Every way gives the same results, in the
documents' order; only the time differs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from statement_kg.pipeline import Context, DocumentResult, process_document
from statement_kg.records import Document, InputError

T = TypeVar("T")
Track = Callable[[Sequence[T], str], Iterable[T]]

# A worker process's context, sent once when the process starts rather than with each task.
_worker: dict[str, Context] = {}


def _install(context: Context) -> None:
    _worker["context"] = context


def _process(document: Document) -> DocumentResult:
    """The per-document function in a worker process, with the context it was given once."""
    return process_document(document, _worker["context"]).portable()


def _portable(document: Document, context: Context) -> DocumentResult:
    return process_document(document, context).portable()


def _local(
    documents: Sequence[Document], context: Context, track: Track[Any]
) -> list[DocumentResult]:
    return [_portable(d, context) for d in track(documents, "processing")]


@contextmanager
def process_pool(context: Context, jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """`jobs` worker processes holding `context` (none for one job), started once for the
    documents and the work of the build that follows them; each starts when first needed."""
    if jobs < 2:
        yield None
        return
    with ProcessPoolExecutor(jobs, initializer=_install, initargs=(context,)) as pool:
        yield pool


def _processes(
    documents: Sequence[Document], pool: ProcessPoolExecutor, track: Track[Any]
) -> list[DocumentResult]:
    futures: list[Future[DocumentResult]] = [pool.submit(_process, d) for d in documents]
    return [f.result() for f in track(futures, "processing")]


def _dask(
    documents: Sequence[Document], context: Context, address: str, track: Track[Any]
) -> list[DocumentResult]:
    try:
        # Dask is an optional extra: imported only when a scheduler is asked for.
        from distributed import Client
    except ImportError:
        raise InputError(
            Path(address), "--scheduler needs Dask: pip install 'statement-kg[dask]'"
        ) from None
    with Client(address, set_as_default=False) as client:  # type: ignore[no-untyped-call]
        shared = client.scatter(context, broadcast=True)
        futures = client.map(_portable, list(documents), context=shared, pure=False)
        return [f.result() for f in track(futures, "processing")]


def run_documents(
    documents: Sequence[Document],
    context: Context,
    *,
    scheduler: str | None = None,
    pool: ProcessPoolExecutor | None = None,
    track: Track[Any],
) -> list[DocumentResult]:
    """Every document's result: on the Dask `scheduler` when one is given, else on `pool`
    (from `process_pool`, with the same context) when there is more than one document,
    else in this process."""
    if not documents:
        return []
    if scheduler is not None:
        return _dask(documents, context, scheduler, track)
    if pool is not None and len(documents) > 1:
        return _processes(documents, pool, track)
    return _local(documents, context, track)
