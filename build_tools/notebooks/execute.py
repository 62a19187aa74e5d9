"""Executing notebook lessons: nbclient in this environment's kernel, cached, in parallel.

The cache keeps the outputs of the code cells, keyed by everything that could change them: the
code, the language, the data files the code names, and the versions of Python and of the key
packages. Markdown edits therefore re-render without re-executing.
"""
from __future__ import annotations

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

from ..sources.notebook_format import NotebookSource
from ..versions import package_versions

KEY_PACKAGES = ("nbclient", "ipykernel", "pandas", "matplotlib", "numpy")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_ARROW = re.compile(r"^-*>\s*(\d+)", re.M)


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


def execute(source: NotebookSource, lang: str, root: Path) -> nbformat.NotebookNode:
    """Runs the notebook for `lang` in its own folder; raises NotebookFailed with the place."""
    # imported here, not at the top: a build whose notebooks all come from the cache never needs them
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook, indices = source.for_language(lang)
    where = source.path.relative_to(root) if source.path.is_relative_to(root) else source.path
    client = NotebookClient(notebook, timeout=source.timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(source.path.parent)}})
    index = 0
    try:
        # the kernel's own start-up chatter on stderr is noise for authors; failures come back as errors
        # no __pycache__ in notebooks/: the build never writes into the sources
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        with client.setup_kernel(stderr=subprocess.DEVNULL, env=environment):
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
    except CellExecutionError as error:
        raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang,
                                       f"{error.ename}: {error.evalue}", str(error))) from None
    except CellTimeoutError:
        raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang,
                                       f"TimeoutError: the cell ran longer than {source.timeout} s "
                                       "(raise metadata.curriculum.timeout if it must)", "")) from None
    except DeadKernelError as error:
        raise NotebookFailed(_describe(where, indices[index], notebook.cells[index], lang,
                                       f"DeadKernelError: the kernel died ({error})", "")) from None
    return notebook


def _describe(where: Path, source_index: int, cell: nbformat.NotebookNode, lang: str, summary: str,
              traceback: str) -> str:
    line_hint = ""
    arrows = _ARROW.findall(_ANSI.sub("", traceback))
    lines = cell.source.splitlines()
    if arrows and 0 < int(arrows[0]) <= len(lines):
        number = int(arrows[0])
        line_hint = f"\n  line {number}: {lines[number - 1].strip()}"
    elif lines:
        line_hint = f"\n  source: {lines[0].strip()}"
    return f"{where.as_posix()}: cell {source_index + 1}: {summary} (LANG={lang}){line_hint}"


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
