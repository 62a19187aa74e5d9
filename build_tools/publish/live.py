"""The preview that `curriculum serve` keeps up to date: fast, and rebuilt only where a change lands.

Fast: no social cards and no offline edition (`curriculum site` makes the deployable site).
Incremental: after a change, a language whose generated tree did not change is left alone; when
only page contents changed (same navigation, same page titles, same glossary and configuration),
MkDocs renders just the pages whose Markdown changed (its `dirty` mode) into the served folder and
the search index is patched with them; anything else rebuilds that language whole. A failed
rebuild leaves the served pages as they were.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import compile_curriculum
from ..render import SiteTree
from .mkdocs_build import language_config, run_mkdocs
from .site import language_chooser, write_trees

PREVIEW_PLUGINS = ["search"]  # no social cards in the preview
_TITLE = re.compile(r"^(?:title: (.+)|# (.+))$", re.M)


@dataclass
class Rebuilt:
    seconds: float
    languages: dict[str, str]  # lang -> "whole", "N page(s)" or "unchanged"


class LivePreview:
    def __init__(self, root: Path, output: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.root = root.resolve()
        self.output = output.resolve()
        self.languages = languages
        self.shapes: dict[str, str] = {}  # lang -> digest of what every page of it depends on

    def rebuild(self) -> Rebuilt:
        """Brings the served site up to date; BuildFailed says why it could not (the site stays)."""
        started = time.perf_counter()
        _, trees = compile_curriculum(self.root, report=lambda line: None, languages=self.languages)
        changed = write_trees(self.root, trees)
        done = {}
        for lang, tree in trees.items():
            shape = self._shape(lang, tree)
            site = self.output / lang
            if self.shapes.get(lang) != shape or not (site / "index.html").is_file():
                self.shapes.pop(lang, None)  # if this build fails, the next one starts whole again
                self._whole(lang, tree)
                done[lang] = "whole"
            elif changed[lang]:
                done[lang] = f"{self._pages(lang, tree)} page(s)"
            else:
                done[lang] = "unchanged"
            self.shapes[lang] = shape
        chooser = self.output / "index.html"
        if not chooser.is_file():
            chooser.write_text(language_chooser(), encoding="utf-8")
        return Rebuilt(time.perf_counter() - started, done)

    def _shape(self, lang: str, tree: SiteTree) -> str:
        """What every page of a language shows besides its own text: the navigation, the titles of
        all pages (in menus and next/previous links), the glossary tooltips, the configuration."""
        digest = hashlib.sha256(json.dumps({"nav": tree.nav, "glossary": tree.abbreviations,
                                            "titles": {page: _title(text) for page, text in tree.pages.items()}},
                                           sort_keys=True).encode("utf-8"))
        for path in [self.root / "mkdocs.yml", *sorted((self.root / "overrides").rglob("*"))]:
            if path.is_file():
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def _whole(self, lang: str, tree: SiteTree) -> None:
        """The whole language built apart, then swapped in."""
        self.output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{lang}-", dir=self.output))
        try:
            config = language_config(self.root, lang, tree.nav, staging, plugins=PREVIEW_PLUGINS)
            run_mkdocs(config, f"site ({lang})")
            old = self.output / f".{lang}-old"
            if (self.output / lang).exists():
                (self.output / lang).rename(old)
            staging.rename(self.output / lang)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _pages(self, lang: str, tree: SiteTree) -> int:
        """Only the pages whose Markdown is newer than their HTML, rendered in place."""
        source, site = self.root / "build" / "src" / lang, self.output / lang
        stale = [site / _html_path(page) for page in tree.pages
                 if not (site / _html_path(page)).is_file()
                 or (source / page).stat().st_mtime > (site / _html_path(page)).stat().st_mtime]
        index = site / "search" / "search_index.json"
        kept = {path: path.read_bytes() for path in stale + [index] if path.is_file()}
        config = language_config(self.root, lang, tree.nav, site, plugins=PREVIEW_PLUGINS)
        try:
            with _quiet_dirty_warning():
                run_mkdocs(config, f"site ({lang})", dirty=True)
        except BaseException:  # the checker's error or any other (a plugin, a library): put the pages back
            for path, data in kept.items():
                path.write_bytes(data)
            self.shapes.pop(lang, None)
            raise
        if index in kept:  # the search plugin indexed only the pages it rendered: add back the others
            _merge_search_index(index, json.loads(kept[index]))
        return len(stale)


def _title(markdown: str) -> str:
    match = _TITLE.search(markdown)
    return (match.group(1) or match.group(2)) if match else ""


def _html_path(page: str) -> str:
    """Where MkDocs writes a page (directory URLs): a/b.md -> a/b/index.html, a/index.md -> a/index.html."""
    stem = page.removesuffix(".md")
    return f"{stem}.html" if stem.rsplit("/", 1)[-1] == "index" else f"{stem}/index.html"


def _merge_search_index(path: Path, previous: dict) -> None:
    fresh = json.loads(path.read_text(encoding="utf-8"))
    renewed = {doc["location"].split("#", 1)[0] for doc in fresh["docs"]}
    docs = [doc for doc in previous["docs"] if doc["location"].split("#", 1)[0] not in renewed] + fresh["docs"]
    path.write_text(json.dumps({**previous, "docs": docs}, ensure_ascii=False), encoding="utf-8")


class _quiet_dirty_warning:
    """MkDocs warns that a dirty build may leave menus stale; we rebuild whole when they would be,
    and in strict mode that warning alone would stop the build."""

    @staticmethod
    def _keep(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    def __enter__(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(self._keep)

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._keep)
