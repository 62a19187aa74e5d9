"""Problems found in the sources: collected as values, reported together, like a compiler."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    col: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        tag = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}:{self.col}: {tag}{self.rule}: {self.message}"


@dataclass
class Problems:
    """An ordered collection of problems; the root makes every path relative to the repository."""

    root: Path
    items: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False)
    _relative: dict[Path, str] = field(default_factory=dict, repr=False)  # resolving is slow: once a path

    def __post_init__(self) -> None:
        self.root = self.root.resolve()  # resolved once: every file read is compared with it

    def add(self, path: Path | str, line: int, col: int, rule: str, message: str,
            severity: Severity = Severity.ERROR) -> None:
        """Records a problem once: a file refused by the survey and by its reader is one problem."""
        problem = Problem(self.relative(path), max(line, 1), max(col, 1), rule, message, severity)
        if problem not in self._seen:
            self._seen.add(problem)
            self.items.append(problem)

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        if path not in self._relative:
            try:  # folders resolved, not the file: a link out of the repository is named where it stands
                where = path.parent.resolve() / path.name if path.name else path.resolve()
                self._relative[path] = where.relative_to(self.root).as_posix()
            except ValueError:
                self._relative[path] = path.as_posix()
        return self._relative[path]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.col, p.rule, p.message))
