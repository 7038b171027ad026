"""graph/ changes as a whole or not at all. A build writes every file into a fresh folder
beside it and then exchanges the two folders in one atomic rename, so a reader sees either
the old set of files or the new one, never a mix; a build killed before the exchange leaves
graph/ as it was, and its half-written folder is removed by the next build. One build at a
time: a second one is refused while the first holds the lock."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from statement_kg.records import InputError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)


class BuildLocked(InputError):
    """Another build holds the lock on the output folder."""


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.new-"


def _retired_prefix(target: Path) -> str:
    return f".{target.name}.old-"


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Holds an exclusive lock on `target`'s parent folder (a lock on the folder itself, so
    no lock file is left behind) and clears what a killed build left there; raises
    BuildLocked at once when another build holds it."""
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                target, "another build is writing here; run again when it has finished"
            ) from None
        for leftover in parent.iterdir():
            if leftover.name.startswith((_staging_prefix(target), _retired_prefix(target))):
                shutil.rmtree(leftover, ignore_errors=True)
        yield
    finally:
        os.close(handle)


def _exchange(a: Path, b: Path) -> bool:
    """Swaps two paths in one step (Linux renameat2); False where the system cannot."""
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS):
        return False
    raise OSError(code, os.strerror(code), str(a))


def _check_target(target: Path, names: Collection[str]) -> None:
    """Replacing a folder drops what it holds: only one that holds nothing but a build's
    own files may be replaced."""
    if target.exists() and not target.is_dir():
        raise InputError(target, "is not a folder: the graph is written to a folder")
    if target.is_dir():
        foreign = sorted(p.name for p in target.iterdir() if p.name not in names)
        if foreign:
            raise InputError(
                target,
                f"holds files a build does not write ({', '.join(foreign)}); "
                "write the graph to an empty or new folder",
            )


@contextmanager
def replaced(target: Path, names: Collection[str]) -> Iterator[Path]:
    """A fresh folder to write the new graph/ (the files `names`) into; when the block ends
    without an error it takes `target`'s place in one step, otherwise it is removed and
    `target` is untouched. Call inside `locked(target)`."""
    _check_target(target, names)
    staging = Path(tempfile.mkdtemp(dir=target.resolve().parent, prefix=_staging_prefix(target)))
    try:
        os.chmod(staging, 0o755)
        yield staging
        if target.is_dir():
            if _exchange(staging, target):
                shutil.rmtree(staging)
                return
            retired = Path(tempfile.mkdtemp(dir=staging.parent, prefix=_retired_prefix(target)))
            os.replace(target, retired / target.name)
            os.replace(staging, target)
            shutil.rmtree(retired)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
