"""Converted notebook pages, kept so that a build with nothing changed converts nothing.

A page depends on the executed notebook (its cells and their outputs, not when they ran), the
name its images take, the converter (this package's code and templates, the versions of nbconvert,
nh3 and Pillow).
Their digest names one JSON file per page in the cache folder.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import nbformat

from ..versions import package_versions
from .convert import NotebookPage, convert

CONVERTER = Path(__file__).resolve().parent
PACKAGES = ("nbconvert", "nh3", "pillow")


def cached_convert(folder: Path, notebook: nbformat.NotebookNode, prefix: str) -> tuple[NotebookPage, bool]:
    """The page for `notebook`, and whether it had to be converted (False: from the cache)."""
    key = page_key(notebook, prefix)
    path = folder / f"{prefix}.{key[:20]}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry["key"] == key:
            images = {name: base64.b64decode(data) for name, data in entry["images"].items()}
            return NotebookPage(entry["markdown"], images, entry["images_without_alt"]), False
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent or damaged: convert again
    page = convert(notebook, prefix)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{prefix}.*.json"):
        old.unlink()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({
        "key": key, "markdown": page.markdown, "images_without_alt": page.images_without_alt,
        "images": {name: base64.b64encode(data).decode("ascii") for name, data in page.images.items()},
    }), encoding="utf-8")
    temporary.replace(path)
    return page, True


def page_key(notebook: nbformat.NotebookNode, prefix: str) -> str:
    cells = [{"type": cell.cell_type, "source": cell.source, "outputs": cell.get("outputs", []),
              "metadata": {name: value for name, value in cell.metadata.items() if name != "execution"}}
             for cell in notebook.cells]
    digest = hashlib.sha256(json.dumps({"prefix": prefix, "cells": cells, "versions": package_versions(PACKAGES)},
                                       sort_keys=True, default=str).encode("utf-8"))
    converter = sorted(p for p in CONVERTER.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json"))
    for path in converter:
        digest.update(path.name.encode("utf-8") + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
