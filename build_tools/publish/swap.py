"""Replacing the site in one step, one build at a time.

- The next site is built in a staging folder on the same file system as the site, under build/
  when it can be (never a `.site-*` folder at the top of the repository).
- It takes the site's place in one step: renameat2(RENAME_EXCHANGE) swaps the two folders
  atomically (Linux 3.15+), so `site/` always exists and is always whole; the old site, now in
  the staging folder, is then removed. Where the exchange is not supported, two renames, with a
  record that lets the next build put the previous site back if it was killed between them.
- What a killed build leaves (a staging folder, a previous site) is cleared at the next start.
- A lock (flock, released by the system when the process ends, however it ends) keeps a second
  build of the same repository from interleaving with the first: it is refused, with a message.

`sys.audit` events mark the steps (`curriculum.site.staging`, `curriculum.site.swap`), so that a
test can kill a build at any chosen step.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

RENAME_EXCHANGE = 2
_AT_FDCWD = -100
STAGING = "site-staging"  # under build/: each build's folder, and a previous site being put back
PREVIOUS = "previous"  # the old site between two renames, where the exchange is not supported


class BuildLocked(Exception):
    """Another build of this repository is running."""


def staging_area(root: Path, output: Path) -> Path:
    """Where the next site is built: build/site-staging/ if on the site's file system (a rename
    cannot cross file systems), else a hidden folder beside the site."""
    build = root / "build"
    build.mkdir(parents=True, exist_ok=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    if os.stat(build).st_dev == os.stat(output.parent).st_dev:
        return build / STAGING
    return output.parent / f".{output.name}-staging"


def new_staging_folder(area: Path) -> Path:
    area.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="next-", dir=area))
    sys.audit("curriculum.site.staging", str(folder))
    return folder


def recover(area: Path, output: Path) -> None:
    """After a build killed mid-way: puts the previous site back if it was between two renames,
    then clears whatever the killed build left in the staging area."""
    previous = area / PREVIOUS
    if previous.is_dir() and not output.exists():
        os.rename(previous, output)
    if area.is_dir():
        shutil.rmtree(area, ignore_errors=True)


def replace_site(staging: Path, output: Path) -> None:
    """`staging` becomes `output` in one step; the old site is then removed."""
    sys.audit("curriculum.site.swap", str(staging), str(output))
    if not output.exists():
        os.rename(staging, output)
        return
    try:
        exchange(staging, output)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV):
            raise
        _replace_with_two_renames(staging, output)
        return
    shutil.rmtree(staging)  # now the old site


def exchange(first: Path, second: Path) -> None:
    """Swaps two paths atomically: renameat2(RENAME_EXCHANGE), Linux only; OSError otherwise."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first))


def _replace_with_two_renames(staging: Path, output: Path) -> None:
    """Without the exchange: the old site goes to area/previous first, where `recover` finds it."""
    previous = staging.parent / PREVIOUS
    shutil.rmtree(previous, ignore_errors=True)
    os.rename(output, previous)
    os.rename(staging, output)
    shutil.rmtree(previous)


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Held for the whole build; BuildLocked when another build of `root` holds it."""
    path = root / "build" / "build.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "unknown"
            raise BuildLocked(f"another build of this repository is running (process {holder}): "
                              "wait for it to end, or stop it, then build again") from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
