"""The core pipeline without any site generator: load, check, render."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .checks import run_checks
from .loader import load_curriculum
from .model import Curriculum
from .problems import Problems
from .render import SiteTree, render_site


class BuildFailed(Exception):
    """The build stopped; `lines` say why, in the author's terms."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines

    def report(self) -> str:
        return "\n".join(self.lines)


def check_curriculum(root: Path, today: date | None = None) -> tuple[Curriculum, Problems]:
    problems = Problems(root.resolve())
    curriculum = load_curriculum(root, problems)
    run_checks(curriculum, problems, today)
    return curriculum, problems


def compile_curriculum(root: Path) -> tuple[Curriculum, dict[str, SiteTree]]:
    curriculum, problems = check_curriculum(root)
    if problems.errors:
        lines = [p.format() for p in problems.sorted()]
        lines.append(f"{len(problems.errors)} error(s): nothing was built, the previous site is unchanged")
        raise BuildFailed(lines)
    return curriculum, render_site(curriculum)
