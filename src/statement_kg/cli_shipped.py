"""Finding the query a user names on the command line: a file, or a shipped query of the
project's queries/ folder by the name `query --list` prints."""

from __future__ import annotations

from pathlib import Path

import click


def queries_folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise click.ClickException(
            f"no queries/ folder in {folder.parent.resolve()}: run statement-kg in the project "
            "folder or give --root DIR"
        )
    return folder


def find_query(folder: Path, name: str) -> Path:
    """The query a user names: a path, or a shipped query by file name, name without .rq, or
    the start of its name that only it has (cq-01)."""
    given = Path(name)
    if given.is_file():
        return given
    shipped = sorted(queries_folder(folder).glob("*.rq"))
    for wanted in (given.name, f"{given.name}.rq"):
        exact = [p for p in shipped if p.name == wanted]
        if exact:
            return exact[0]
    starting = [p for p in shipped if p.name.startswith(f"{given.name}-")]
    if len(starting) == 1:
        return starting[0]
    if starting:
        names = ", ".join(p.stem for p in starting)
        raise click.ClickException(f"{name!r} names several queries: {names}")
    raise click.ClickException(
        f"{name}: no such file, and no shipped query of that name in {folder} "
        "(statement-kg query --list names them)"
    )


def read_query(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"{path}: not UTF-8 text (byte {error.start}); SPARQL queries are UTF-8"
        ) from error
    except OSError as error:
        raise click.ClickException(f"{path}: {error.strerror or error}") from error
