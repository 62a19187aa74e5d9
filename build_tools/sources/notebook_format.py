"""The notebook lesson format: one .ipynb serves both languages.

- A Markdown cell tagged `en` or `fr` belongs to that language; an untagged one to both.
- Code cells are shared. The code cell tagged `parameters` sets the language, `LANG = "en"`;
  the build replaces it with the page's language, so labels come out in the reader's language.
- Code is hidden from readers; a code cell tagged `show-code` is shown.
- Notebooks are stored without outputs; `notebook.metadata.curriculum.timeout` sets the
  per-cell timeout in seconds (default 60, at most 600): a limit always holds, none can turn it off.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import nbformat

from .. import LANGUAGES
from .model import Document
from .problems import Problems
from .files import read_text

DEFAULT_TIMEOUT = 60
MAX_TIMEOUT = 600
_DATA_PATH = re.compile(r"""["']([^"'\n]+\.(?:csv|tsv|json|xlsx|parquet|txt))["']""")


@dataclass
class NotebookSource:
    path: Path
    notebook: nbformat.NotebookNode
    cell_lines: list[int] = field(default_factory=list)  # line of each cell in the .ipynb file

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def timeout(self) -> int:
        """Seconds a cell may run; `load_notebook` has refused any value that is not 1 to MAX_TIMEOUT."""
        return self.notebook.metadata.get("curriculum", {}).get("timeout", DEFAULT_TIMEOUT)

    def line_of(self, index: int) -> int:
        return self.cell_lines[index] if index < len(self.cell_lines) else 1

    def languages(self) -> set[str]:
        """The languages that have their own Markdown cells."""
        return {tag for cell in self.notebook.cells if cell.cell_type == "markdown"
                for tag in cell.metadata.get("tags", []) if tag in LANGUAGES}

    @cached_property
    def documents(self) -> dict[str, Document]:
        """Each language's Markdown, made once however many lessons show the notebook."""
        return {lang: self.document(lang) for lang in LANGUAGES}

    def document(self, lang: str) -> Document:
        """The Markdown of one language, for its title and word count."""
        text = "\n\n".join(cell.source for _, cell in self.cells_for(lang) if cell.cell_type == "markdown")
        return Document(self.path, text)

    def cells_for(self, lang: str) -> list[tuple[int, nbformat.NotebookNode]]:
        """(source cell index, cell) for the cells that a page in `lang` shows or runs."""
        kept = []
        for index, cell in enumerate(self.notebook.cells):
            tags = set(cell.metadata.get("tags", []))
            if cell.cell_type == "markdown" and tags & set(LANGUAGES) and lang not in tags:
                continue
            kept.append((index, cell))
        return kept

    def for_language(self, lang: str) -> tuple[nbformat.NotebookNode, list[int]]:
        """A copy to execute for `lang`, and the source index of each of its cells."""
        notebook = copy.deepcopy(self.notebook)
        cells, indices = [], []
        for index, cell in self.cells_for(lang):
            cell = copy.deepcopy(cell)
            cell.metadata["source_cell"] = index + 1  # for messages that name the author's cell
            if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
                cell.source = f'LANG = "{lang}"  # set by the build for this page'
            cells.append(cell)
            indices.append(index)
        notebook.cells = cells
        return notebook, indices

    def data_files(self) -> list[Path]:
        """Files the code names (data/keywords.csv...) and the helper modules beside it."""
        folder = self.path.parent.resolve()
        named = {(folder / match).resolve() for cell in self.notebook.cells if cell.cell_type == "code"
                 for match in _DATA_PATH.findall(cell.source)}
        helpers = set(folder.glob("*.py"))
        # only files of the notebook's folder: the survey has vetted those (no FIFO, no link out)
        return sorted(p for p in named | helpers if p.is_relative_to(folder) and p.is_file())


def load_notebook(path: Path, problems: Problems) -> NotebookSource | None:
    text = read_text(path, problems)
    if text is None:
        return None
    invalid: dict = {}  # reads() validates the notebook and puts the error here: no second validation
    try:
        notebook = nbformat.reads(text, as_version=4, capture_validation_error=invalid)
    except (nbformat.reader.NotJSONError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", 1)
        problems.add(path, line, 1, "notebook-invalid",
                     "this is not a notebook (not valid JSON): open and save it again in Jupyter")
        return None
    except Exception as error:  # nbformat raises several kinds for a malformed notebook
        problems.add(path, 1, 1, "notebook-invalid", f"this notebook cannot be read ({error}): save it again in Jupyter")
        return None
    if "ValidationError" in invalid:
        problems.add(path, 1, 1, "notebook-invalid", "this notebook does not follow the notebook format "
                     f"({invalid['ValidationError'].message}): save it again in Jupyter")
        return None
    if not _settings_are_valid(path, text, notebook, problems):
        return None
    lines = [n for n, line in enumerate(text.splitlines(), 1) if re.match(r'\s*"cell_type"\s*:', line)]
    return NotebookSource(path, notebook, lines)


def _settings_are_valid(path: Path, text: str, notebook: nbformat.NotebookNode, problems: Problems) -> bool:
    """`metadata.curriculum` is a mapping, and its timeout a whole number of seconds from 1 to MAX_TIMEOUT."""
    settings = notebook.metadata.get("curriculum", {})
    if not isinstance(settings, dict):
        problems.add(path, _line_of(text, "curriculum"), 1, "notebook-invalid",
                     'metadata.curriculum must be a mapping, like {"timeout": 120}: fix it in the notebook metadata')
        return False
    timeout = settings.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int) or not 1 <= timeout <= MAX_TIMEOUT:
        problems.add(path, _line_of(text, "timeout"), 1, "notebook-timeout",
                     f"timeout {json.dumps(timeout)} is not a number of seconds from 1 to {MAX_TIMEOUT}: "
                     f"write a whole number, like 120 (the default is {DEFAULT_TIMEOUT}); no value turns the limit off")
        return False
    return True


def _line_of(text: str, key: str) -> int:
    """The line of `"key":` in the notebook's JSON (a metadata key, not a word in a cell)."""
    pattern = re.compile(rf'^\s*"{key}"\s*:')
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), 1)
