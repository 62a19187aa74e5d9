"""Every piece of Markdown an author writes, with a way back to its place in the author's file:
lessons, mentor guides, notebook Markdown cells, hand-written docs pages, tools pages and the texts
of the YAML files (which the pages show as Markdown too)."""
from __future__ import annotations

import functools
import typing
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

from .. import LANGUAGES
from .model import Curriculum, Source, Text


@dataclass(slots=True)  # a quarter of a million of them at 1,000 modules: plain slots are made fastest
class MarkdownSource:
    path: Path  # the author's file; links are read relative to it
    lang: str | None  # the language it is shown in; None: both (an untagged notebook cell)
    text: str
    kind: str  # "document", "notebook-cell" or "yaml-text"
    origin: tuple[int, int] = (1, 1)  # where `text` starts in the file (a cell, a YAML value)
    cell: int | None = None  # the notebook cell's number, from 1
    yaml_file: Path | None = None  # the YAML file the text comes from, read to find a place inside it

    def place(self, line: int, col: int) -> tuple[int, int, str]:
        """(line, col) in the author's file of a position in `text`, and words that say where."""
        if self.kind == "document":
            return line, col, ""
        if self.kind == "notebook-cell":
            return self.origin[0], 1, f"cell {self.cell}, line {line}: "
        return (*self._in_yaml(line, col), "")

    def _in_yaml(self, line: int, col: int) -> tuple[int, int]:
        """A value's text is not the file's text (indentation, folding, quotes): look for the words."""
        lines = self.text.split("\n")
        words = lines[line - 1][col - 1:col + 29].strip() if line <= len(lines) else ""
        try:  # read only when a problem is reported: most texts have none
            file_lines = self.yaml_file.read_text(encoding="utf-8-sig").split("\n") if self.yaml_file else []
        except OSError:
            file_lines = []
        for number in range(self.origin[0], min(len(file_lines), self.origin[0] + 200) + 1):
            found = file_lines[number - 1].find(words) if words else -1
            if found != -1 and (number, found + 1) >= self.origin:
                return number, found + 1
        return self.origin


def lang_of(path: Path) -> str:
    """`name.fr.md` and `docs/fr/name.md` are French; everything else is English."""
    for lang in LANGUAGES:
        if path.name.endswith(f".{lang}.md") or path.parent.name == lang and path.parent.parent.name == "docs":
            return lang
    return LANGUAGES[0]


def markdown_sources(cur: Curriculum) -> list[MarkdownSource]:
    """Every Markdown file and notebook cell, then every YAML text. Several rules read them all:
    they are gathered once per curriculum (a loaded curriculum does not change)."""
    key = id(cur)
    if key not in _gathered:
        _gathered[key] = list(_markdown_sources(cur))
        weakref.finalize(cur, _gathered.pop, key, None)  # they go with their curriculum
    return _gathered[key]


_gathered: dict[int, list[MarkdownSource]] = {}  # by the id of a curriculum still alive


def _markdown_sources(cur: Curriculum) -> Iterator[MarkdownSource]:
    seen: set[Path] = set()
    for module in cur.modules:
        for lesson in module.lessons:
            if lesson.notebook is not None:
                if lesson.notebook.path not in seen:
                    seen.add(lesson.notebook.path)
                    yield from _notebook_cells(lesson.notebook)
                continue
            for lang, document in lesson.documents.items():
                yield MarkdownSource(document.path, lang, document.text, "document")
        for lang, document in module.mentor_guide.items():
            yield MarkdownSource(document.path, lang, document.text, "document")
    for lang, pages in cur.docs.items():
        for document in pages.values():
            yield MarkdownSource(document.path, lang, document.text, "document")
    for tool in cur.tools:
        for lang, document in tool.documents.items():
            yield MarkdownSource(document.path, lang, document.text, "document")
    yield from yaml_texts(cur)


def _notebook_cells(notebook) -> Iterator[MarkdownSource]:
    for index, cell in enumerate(notebook.notebook.cells):
        if cell.cell_type != "markdown":
            continue
        tags = [tag for tag in cell.metadata.get("tags", []) if tag in LANGUAGES]
        yield MarkdownSource(notebook.path, tags[0] if len(tags) == 1 else None, cell.source, "notebook-cell",
                             (notebook.line_of(index), 1), index + 1)


def yaml_texts(cur: Curriculum) -> Iterator[MarkdownSource]:
    models = [(m.source, m.model, ()) for m in cur.modules]
    models += [(cur.tracks_source, track, (index,)) for index, track in enumerate(cur.tracks)]
    models += [(cur.glossary_source, entry, (key,)) for key, entry in cur.glossary.items()]
    models += [(cur.tools_source, tool.model, (index,)) for index, tool in enumerate(cur.tools)]
    for source, model, base in models:
        if source is None:
            continue
        for loc, lang, text in _prose(model, base):
            yield MarkdownSource(source.path, lang, text, "yaml-text", source.at(loc), yaml_file=source.path)


def _prose(value: object, loc: tuple) -> Iterator[tuple[tuple, str | None, str]]:
    """(place, language, text) of every text a page shows: bilingual texts and sources' titles."""
    for place, text in texts(value, loc, also=(Source,)):
        if isinstance(text, Source):
            for name in ("title", "publisher"):
                yield place + (name,), None, getattr(text, name)
            continue
        for lang in LANGUAGES:
            if text.get(lang):
                yield place + (lang,), lang, text.get(lang)


def texts(value: object, loc: tuple = (), also: tuple[type, ...] = ()) -> list[tuple[tuple, Text]]:
    """Every bilingual text in a model (and every item of the types in `also`), with its place."""
    found: list[tuple[tuple, Text]] = []
    _gather(value, loc, (Text, *also), found)
    return found


def _gather(value: object, loc: tuple, wanted: tuple[type, ...], found: list) -> None:
    # Two walks of every module's model per check: a plain recursive function and only the fields
    # that can hold a model (a million generator steps at 1,000 modules before)
    if isinstance(value, wanted):
        found.append((loc, value))
    elif isinstance(value, BaseModel):
        for name in _branches(type(value)):
            _gather(getattr(value, name), loc + (name,), wanted, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _gather(item, loc + (index,), wanted, found)


@functools.cache
def _branches(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose type names a model (`Text`, `list[Option]`...): the others
    hold words, numbers or dates, which hold no text to find."""
    return tuple(name for name, info in model.model_fields.items() if _names_a_model(info.annotation))


def _names_a_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_names_a_model(argument) for argument in typing.get_args(annotation))
