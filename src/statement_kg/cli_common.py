"""What every verb shares: the project its --root names, and the console for messages."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

import click
from rich.console import Console

from statement_kg.project import Project

T = TypeVar("T")
# Messages are not wrapped: a path or an IRI must stay whole to be copied or grepped.
err = Console(stderr=True, soft_wrap=True)


def project(ctx: click.Context) -> Project:
    return Project(ctx.obj["root"])


def track(items: Sequence[T], description: str) -> Iterable[T]:
    """A progress bar on a terminal; nothing in a pipe or a log."""
    if not sys.stderr.isatty() or len(items) < 50:
        return items
    from rich.progress import track as rich_track

    return rich_track(items, description=description, console=err, transient=True)
