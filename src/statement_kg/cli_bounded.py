"""Bounds on an embedded query's answer: in time (the whole answer, on a thread the caller
can abandon) and in rows (a table reads only what it shows)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click
import pyoxigraph as ox


@dataclass(frozen=True)
class Rows:
    """The first rows of a SELECT answer, and whether more followed."""

    columns: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]
    more: bool


def within(seconds: int, action: Callable[[], Any]) -> Any:
    """The action's result, or an error once `seconds` have passed. The action runs on a
    daemon thread (Oxigraph releases the interpreter while it evaluates), so a query that
    never ends, or a SERVICE that never answers, is abandoned rather than waited for."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # handed to the caller's thread
            # Without its traceback: Oxigraph's answers may not be freed on another thread,
            # and the traceback's frames hold them.
            outcome["error"] = error.with_traceback(None)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise click.ClickException(f"no complete answer within {seconds} s (--timeout)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def first_rows(solutions: ox.QuerySolutions, limit: int) -> Rows:
    columns = [v.value for v in solutions.variables]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]] = []
    for solution in solutions:
        if len(rows) == limit:
            return Rows(columns, rows, True)
        rows.append([solution[c] for c in columns])
    return Rows(columns, rows, False)
