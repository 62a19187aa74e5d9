"""Reading source files safely: UTF-8 text, every problem recorded with its place."""
from __future__ import annotations

from pathlib import Path

from .problems import Problems


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None after recording why it cannot be used."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add(path, 1, 1, "file-missing", "the file does not exist: create it or fix the name that points to it")
        return None
    except OSError as error:
        problems.add(path, 1, 1, "file-unreadable", f"cannot read the file ({error.strerror}): check its permissions")
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
