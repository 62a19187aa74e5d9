"""The generated tree: one plain Markdown tree per language, as a value, and writing it to disk.

`write_tree` rewrites a file only when its content changed, so live reload stays calm.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SiteTree:
    lang: str
    pages: dict[str, str] = field(default_factory=dict)  # "modules/x/index.md" -> Markdown
    nav: list = field(default_factory=list)  # MkDocs nav, titles in this language
    untranslated: list[str] = field(default_factory=list)  # pages shown in the other language
    files: dict[str, bytes] = field(default_factory=dict)  # images beside notebook pages
    abbreviations: dict[str, str] = field(default_factory=dict)  # glossary term -> definition, for tooltips


def write_tree(tree: SiteTree, destination: Path, assets: Path | None = None) -> int:
    """Writes the tree under `destination`; returns how many files changed. Stale files go."""
    wanted: dict[Path, bytes] = {destination / page: text.encode("utf-8") for page, text in tree.pages.items()}
    wanted.update({destination / name: data for name, data in tree.files.items()})
    if assets and assets.is_dir():
        for file in assets.rglob("*"):
            if file.is_file():
                wanted[destination / "assets" / file.relative_to(assets)] = file.read_bytes()
    changed = 0
    for path, content in wanted.items():
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            changed += 1
    if destination.is_dir():
        for path in sorted(destination.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
