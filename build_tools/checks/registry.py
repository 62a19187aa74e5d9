"""The rule registry: a rule is a function of the curriculum that adds problems, and `@rule`
records the ids it may report, so that the authors' guide and the tests can list them all."""
from __future__ import annotations

import difflib
from datetime import date
from typing import Callable

from ..sources.model import Curriculum, LoadedModule
from ..sources.problems import Problems

Rule = Callable[[Curriculum, Problems, date], None]
RULES: list[tuple[tuple[str, ...], Rule]] = []

# Ids reported while loading, before the rules run (see sources/).
LOAD_RULE_IDS = ("not-utf8", "empty-file", "file-unreadable", "yaml-invalid", "duplicate-key",
                 "missing-field", "unknown-field", "wrong-type", "file-missing", "file-name",
                 "path-escapes", "module-yml-missing", "notebook-invalid", "yaml-text-cut", "text-comma",
                 "yaml-alias", "yaml-too-deep", "file-too-large", "notebook-timeout")


def rule(*ids: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        RULES.append((ids, function))
        return function
    return register


def at(module: LoadedModule, *loc: object) -> tuple:
    """(path, line, col) of a place in a module's module.yml, for `Problems.add`."""
    return (module.yaml_path, *module.source.at(loc))


def did_you_mean(word: str, known: object) -> str:
    """`: did you mean 'x'?` when a known id is close to `word`, else ''."""
    close = difflib.get_close_matches(word, sorted(map(str, known)), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
