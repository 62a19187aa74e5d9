"""Reading source files safely: UTF-8 text, every problem recorded with its place.

A file is looked at before it is opened, so that nothing can make the build hang or read what it
should not: a link that leaves the repository, a FIFO or a device (`/dev/zero` never ends), a
file too large to be a source. `survey` applies the same refusals, and the rule on names, to
every file of the source folders, including those the build only copies or hashes.
"""
from __future__ import annotations

import os
import re
import stat
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from .problems import Problems

# What a source may weigh: parsed text (YAML, Markdown, notebooks stored without outputs) is small;
# data files and images beside it may be larger. Thirty times the largest source of late 2026.
MAX_PARSED_BYTES = 1 << 20
MAX_OTHER_BYTES = 20 << 20
PARSED_SUFFIXES = (".yml", ".yaml", ".md", ".ipynb")

# A file name lands in URLs, HTML attributes and shell commands: letters, digits, '.', '-', '_'.
SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def size_limit(path: Path) -> int:
    return MAX_PARSED_BYTES if path.suffix.lower() in PARSED_SUFFIXES else MAX_OTHER_BYTES


def _size(count: int) -> str:
    return f"{count / (1 << 20):.1f} MB" if count >= 1 << 20 else f"{count / 1024:.0f} KB"


# While one curriculum loads, each folder is resolved once (a source folder does not turn into a
# link mid-load): resolving every file from the root again was a tenth of a check at 1,000 modules.
_resolved_folders: ContextVar[dict[str, str] | None] = ContextVar("resolved_folders", default=None)


@contextmanager
def folders_resolved_once() -> Iterator[None]:
    if _resolved_folders.get() is not None:  # already inside one: a check loads, then runs its rules
        yield
        return
    token = _resolved_folders.set({})
    try:
        yield
    finally:
        _resolved_folders.reset(token)


def resolved(path: Path) -> Path:
    """`path.resolve()`, each folder resolved once inside `folders_resolved_once`."""
    try:
        own = os.lstat(path)
    except (OSError, ValueError):
        return path.resolve()
    return _resolved(path, own)


def _resolved(path: Path, own: os.stat_result) -> Path:
    folders = _resolved_folders.get()
    if folders is None or stat.S_ISLNK(own.st_mode) or path.name in ("", ".", ".."):
        return path.resolve()
    parent = str(path.parent)
    if parent not in folders:
        folders[parent] = os.path.realpath(parent)
    return Path(folders[parent], path.name)


def refusal(path: Path, root: Path) -> tuple[str, str] | None:
    """(rule, message) when `path` must not be read, found without opening it; None when it may."""
    try:
        own = os.lstat(path)
        target = _resolved(path, own)
    except FileNotFoundError:
        return "file-missing", "the file does not exist: create it or fix the name that points to it"
    except (OSError, RuntimeError):  # a loop of links
        return "file-unreadable", "this link leads to itself in a loop: replace it with the file itself"
    if not target.is_relative_to(root):
        shown = os.readlink(path) if stat.S_ISLNK(own.st_mode) else str(target)
        return "path-escapes", (f"this is a link to {shown}, outside the repository: "
                                "put the file itself in the repository")
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return "file-missing", f"this link points to {os.readlink(path)}, which does not exist: fix or remove it"
    except OSError as error:
        return "file-unreadable", f"cannot look at the file ({error.strerror}): check its permissions"
    if stat.S_ISDIR(found.st_mode):
        return "file-unreadable", "this is a folder where a file is expected: rename or remove it"
    if not stat.S_ISREG(found.st_mode):
        return "file-unreadable", ("this is not a plain file (a FIFO, a device or a socket): "
                                   "replace it with a plain file")
    if found.st_size > size_limit(path):
        return "file-too-large", (f"the file weighs {_size(found.st_size)}, over the {_size(size_limit(path))} "
                                  "a source file may weigh: split it, or shrink the data or the image")
    return None


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    """The file's bytes, or None after recording why it cannot be used. Never blocks."""
    refused = refusal(path, problems.root)
    if refused is not None:
        problems.add(path, 1, 1, *refused)
        return None
    limit = size_limit(path)
    try:
        # O_NONBLOCK: should a FIFO take the file's place after the look above, opening it cannot hang
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                problems.add(path, 1, 1, "file-unreadable", "this is not a plain file: replace it with a plain file")
                return None
            data = file.read(limit + 1)
    except OSError as error:
        problems.add(path, 1, 1, "file-unreadable", f"cannot read the file ({error.strerror}): check its permissions")
        return None
    if len(data) > limit:
        problems.add(path, 1, 1, "file-too-large", f"the file grew over {_size(limit)} while it was read: "
                                                   "split it, or shrink the data or the image")
        return None
    return data


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None after recording why it cannot be used."""
    data = read_bytes(path, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(path, line, col, "not-utf8",
                     f"byte 0x{data[error.start]:02x} is not valid UTF-8: save the file as UTF-8")
        return None
    if not text.strip():
        problems.add(path, 1, 1, "empty-file", "the file is empty: write its content or remove it")
        return None
    return text


def survey(root: Path, folders: tuple[str, ...], problems: Problems) -> None:
    """Records every file or folder under `folders` that the build must not take: a name outside
    letters, digits, '.', '-' and '_', a link out of the repository, a special or oversized file.
    Links to folders are not followed, so a loop of links cannot make it run forever."""
    root = root.resolve()
    for folder in folders:
        if os.path.islink(root / folder) and not (root / folder).resolve().is_relative_to(root):
            problems.add(root / folder, 1, 1, *refusal(root / folder, root))
            continue
        for current, subfolders, files in os.walk(root / folder):
            here = Path(current)
            for name in sorted(subfolders + files):
                path = here / name
                if not SAFE_NAME.match(name):
                    problems.add(path, 1, 1, "file-name", unsafe_name_message(name))
                if name in files or os.path.islink(path):
                    refused = refusal(path, root)
                    if refused is not None and not (name in subfolders and refused[0] == "file-unreadable"):
                        problems.add(path, 1, 1, *refused)


def unsafe_name_message(name: str) -> str:
    suggestion = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9._-]", "-", name)).strip("-") or "a-plain-name"
    return (f"'{name}' holds a character that pages and links cannot carry safely (a space, a quote, an angle "
            f"bracket...): use only letters, digits, '-', '_' and '.', like '{suggestion}'")
