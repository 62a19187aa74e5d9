"""Executing notebook lessons: nbclient in this environment's kernel, contained (sandbox.py),
cached, in parallel.

The cache keeps the outputs of the code cells, keyed by everything that could change them: the
code, the language, the data files the code names, and the versions of Python and of the key
packages. Markdown edits therefore re-render without re-executing.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import subprocess
import threading
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async

from ..sources.notebook_format import MAX_TIMEOUT, NotebookSource
from ..versions import package_versions
from .sandbox import ContainedKernelManager, sandbox

KEY_PACKAGES = ("nbclient", "ipykernel", "pandas", "matplotlib", "numpy")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_ARROW = re.compile(r"^-*>\s*(\d+)", re.M)
_CELL_LINE = re.compile(r"^\s*Cell In\[\d+\], line (\d+)", re.M)


class NotebookFailed(Exception):
    """A cell failed; the message names the notebook, the cell and the source line."""


@dataclass
class Executed:
    notebook: nbformat.NotebookNode  # the language's notebook with outputs
    cache_hit: bool
    seconds: float


def _versions() -> dict[str, str]:
    return {"python": sys.version.split()[0], **package_versions(KEY_PACKAGES)}


def cache_key(source: NotebookSource, lang: str, root: Path) -> str:
    notebook, _ = source.for_language(lang)
    digest = hashlib.sha256()
    payload = {
        "code": [cell.source for cell in notebook.cells if cell.cell_type == "code"],
        "lang": lang,
        "timeout": source.timeout,
        "data": {str(p.relative_to(root)) if p.is_relative_to(root) else str(p):
                 hashlib.sha256(p.read_bytes()).hexdigest() for p in source.data_files()},
        "versions": _versions(),
    }
    digest.update(json.dumps(payload, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


class NotebookCache:
    """One JSON file per (notebook, language, key): the outputs of each code cell and a checksum."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, source: NotebookSource, lang: str, key: str) -> Path:
        return self.folder / f"{source.name}.{lang}.{key[:20]}.json"

    def get(self, source: NotebookSource, lang: str, key: str) -> list | None:
        path = self._path(source, lang, key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            outputs = entry["outputs"]
            valid = entry["key"] == key and entry["checksum"] == _checksum(outputs)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or corrupt: execute again, never serve it
        return outputs if valid else None

    def put(self, source: NotebookSource, lang: str, key: str, outputs: list) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{source.name}.{lang}.*.json"):
            old.unlink()
        path = self._path(source, lang, key)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"key": key, "checksum": _checksum(outputs), "outputs": outputs}),
                             encoding="utf-8")
        temporary.replace(path)


def _checksum(outputs: list) -> str:
    return hashlib.sha256(json.dumps(outputs, sort_keys=True).encode("utf-8")).hexdigest()


def _code_outputs(notebook: nbformat.NotebookNode) -> list:
    return [cell.get("outputs", []) for cell in notebook.cells if cell.cell_type == "code"]


def _with_outputs(notebook: nbformat.NotebookNode, outputs: list) -> nbformat.NotebookNode:
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell, cell_outputs in zip(code_cells, outputs):
        cell.outputs = [nbformat.from_dict(output) for output in cell_outputs]
    return notebook


class _InterruptingClient(NotebookClient):
    """On a timeout, interrupts the kernel once, so that the traceback says which line was running;
    if the kernel does not stop within a few seconds, gives up as nbclient does."""

    grace_seconds = 10
    interrupted_at: float | None = None

    async def _async_handle_timeout(self, timeout: int, cell: nbformat.NotebookNode | None = None) -> None:
        if self.interrupted_at is None:
            self.interrupted_at = time.monotonic()
            await ensure_async(self.km.interrupt_kernel())
        elif time.monotonic() - self.interrupted_at > self.grace_seconds:
            raise CellTimeoutError.error_from_timeout_and_cell("Cell execution timed out", timeout, cell)
        await asyncio.sleep(0.05)  # nbclient asks again at once: wait for the kernel's answer
        return None


def execute(source: NotebookSource, lang: str, root: Path) -> nbformat.NotebookNode:
    """Runs the notebook for `lang`, contained (sandbox.py); raises NotebookFailed with the place."""
    notebook, indices = source.for_language(lang)
    where = source.path.relative_to(root) if source.path.is_relative_to(root) else source.path
    timeout = source.timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int) or not 1 <= timeout <= MAX_TIMEOUT:
        raise NotebookFailed(f"{where.as_posix()}: timeout {timeout!r} is not 1 to {MAX_TIMEOUT} seconds")
    index = 0
    with sandbox(source.path.parent, root) as box:
        client = _InterruptingClient(notebook, timeout=timeout, kernel_name="python3", shutdown_kernel="immediate",
                                     kernel_manager_class=ContainedKernelManager, config=box.config,
                                     resources={"metadata": {"path": str(box.cwd)}})
        try:
            # the kernel's own start-up chatter on stderr is noise for authors; failures come back as errors
            with client.setup_kernel(stderr=subprocess.DEVNULL, env=box.env):
                for index, cell in enumerate(notebook.cells):
                    client.execute_cell(cell, index)
        except CellExecutionError as error:
            summary = (_timeout(source) if client.interrupted_at is not None and error.ename == "KeyboardInterrupt"
                       else f"{error.ename}: {error.evalue}")
            raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang, summary,
                                           str(error))) from None
        except CellTimeoutError:
            raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang,
                                           _timeout(source) + "; it did not stop when interrupted", "")) from None
        except DeadKernelError as error:
            raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang,
                                           f"DeadKernelError: the kernel died ({error}): the cell ended Python "
                                           "(os._exit, a crash, or not enough memory)", "")) from None
        except (RuntimeError, TimeoutError, OSError) as error:  # the kernel did not start
            raise NotebookFailed(f"{where.as_posix()}: the notebook's kernel did not start ({error}) "
                                 f"(LANG={lang})") from None
    return notebook


def _timeout(source: NotebookSource) -> str:
    return (f"TimeoutError: the cell ran longer than {source.timeout} s "
            "(raise metadata.curriculum.timeout if it must)")


def _failed_line(traceback: str) -> int | None:
    """The line of the cell that failed: `Cell In[3], line 2` (every error, syntax errors too), or
    the first `---->` arrow of an older IPython."""
    plain = _ANSI.sub("", traceback)
    found = _CELL_LINE.search(plain) or _ARROW.search(plain)
    return int(found.group(1)) if found else None


def _describe(where: Path, source_index: int, cell: nbformat.NotebookNode, lang: str, summary: str,
              traceback: str) -> str:
    lines = cell.source.splitlines()
    number = _failed_line(traceback)
    if number is not None and 0 < number <= len(lines):
        return (f"{where.as_posix()}: cell {source_index + 1}, line {number}: {summary} (LANG={lang})\n"
                f"  {lines[number - 1].strip()}")
    span = f"lines 1-{len(lines)}" if len(lines) > 1 else "line 1"
    return f"{where.as_posix()}: cell {source_index + 1}, {span}: {summary} (LANG={lang})"


def run_notebooks(requests: list[tuple[NotebookSource, str]], root: Path, cache: NotebookCache,
                  report: Callable[[str], None] = print,
                  jobs: int | None = None) -> dict[tuple[Path, str], Executed]:
    """Executes each (notebook, language) at most once, in parallel, reusing the cache."""
    unique = {(source.path, lang): source for source, lang in requests}
    lock = threading.Lock()
    say = report

    def report(line: str) -> None:  # one whole line at a time from the worker threads
        with lock:
            say(line)

    results: dict[tuple[Path, str], Executed] = {}
    failures: list[str] = []

    def one(item: tuple[tuple[Path, str], NotebookSource]) -> None:
        (path, lang), source = item
        started = time.perf_counter()
        key = cache_key(source, lang, root)
        outputs = cache.get(source, lang, key)
        hit = outputs is not None
        if hit:
            notebook = _with_outputs(source.for_language(lang)[0], outputs)
        else:
            try:
                notebook = execute(source, lang, root)
            except NotebookFailed as failure:
                failures.append(str(failure))
                report(f"notebook {source.name} ({lang}): failed")
                return
            cache.put(source, lang, key, _code_outputs(notebook))
        seconds = time.perf_counter() - started
        results[(path, lang)] = Executed(notebook, hit, seconds)
        report(f"notebook {source.name} ({lang}): cache {'hit' if hit else 'miss'}, {seconds:.1f} s")

    workers = max(1, min(jobs or os.cpu_count() or 1, len(unique) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, sorted(unique.items(), key=lambda item: (str(item[0][0]), item[0][1]))))
    if failures:
        raise NotebookFailed("\n".join(sorted(failures)))
    return results
