"""Rules on notebook lessons beyond their language cells."""
from __future__ import annotations

import re
from datetime import date

from ..sources.model import Curriculum
from ..sources.problems import Problems
from .registry import rule

_SETS_LANG = re.compile(r"^\s*LANG\s*=", re.M)
_HOW_TO_TAG = "JupyterLab: select the cell, open the gear icon on the right, Add Tag"


@rule("notebook-parameters-missing")
def notebooks_take_the_page_language(cur: Curriculum, out: Problems, today: date) -> None:
    """Without its `parameters` cell, a notebook runs in English for the French pages too."""
    notebooks = {lesson.notebook.path: lesson.notebook for m in cur.modules for lesson in m.lessons if lesson.notebook}
    for path, source in sorted(notebooks.items()):
        code = [(index, cell) for index, cell in enumerate(source.notebook.cells) if cell.cell_type == "code"]
        if not code:
            continue
        tagged = [(index, cell) for index, cell in code if "parameters" in cell.metadata.get("tags", [])]
        if tagged:
            index, cell = tagged[0]
            if not _SETS_LANG.search(cell.source):
                out.add(path, source.line_of(index), 1, "notebook-parameters-missing",
                        f"cell {index + 1} is tagged `parameters` but does not set the language: write "
                        "`LANG = \"en\"` in it (the build writes each page's language there)")
            continue
        setting = next(((index, cell) for index, cell in code if _SETS_LANG.search(cell.source)), None)
        if setting is not None:
            index, _ = setting
            out.add(path, source.line_of(index), 1, "notebook-parameters-missing",
                    f"cell {index + 1} sets LANG but is not tagged `parameters`, so the French page would be "
                    f"built in English: tag the cell `parameters` ({_HOW_TO_TAG})")
        else:
            index = code[0][0]
            out.add(path, source.line_of(index), 1, "notebook-parameters-missing",
                    "no code cell is tagged `parameters`: make the first code cell `LANG = \"en\"`, tag it "
                    f"`parameters` ({_HOW_TO_TAG}) and take every label from a dictionary keyed by LANG")
