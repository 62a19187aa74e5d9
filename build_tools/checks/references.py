"""Rules on references between modules and to the glossary."""
from __future__ import annotations

from datetime import date

from ..sources.model import Curriculum, LoadedModule
from ..sources.problems import Problems
from .registry import at, did_you_mean, rule



@rule("prerequisite-unknown", "prerequisite-cycle")
def prerequisites_valid(cur: Curriculum, out: Problems, today: date) -> None:
    by_id = {m.id: m for m in cur.modules}
    unloaded = {folder.name for folder in cur.unloaded_modules}  # their own error is enough
    for m in cur.modules:
        for index, prerequisite in enumerate(m.model.prerequisites):
            if prerequisite not in by_id and prerequisite not in unloaded:
                out.add(*at(m, "prerequisites", index), "prerequisite-unknown",
                        f"prerequisite '{prerequisite}' is not a module id{did_you_mean(prerequisite, by_id)}: "
                        "fix the id or remove it")
    reported: set[frozenset[str]] = set()
    for m in cur.modules:
        cycle = _cycle_from(m.id, by_id)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            index = m.model.prerequisites.index(cycle[1]) if cycle[1] in m.model.prerequisites else 0
            out.add(*at(m, "prerequisites", index), "prerequisite-cycle",
                    f"prerequisites go round in a circle ({' -> '.join(cycle)}): remove one of them")


def _cycle_from(start: str, by_id: dict[str, LoadedModule]) -> list[str] | None:
    """The path start -> ... -> start through prerequisites, if there is one."""
    stack = [(start, [start])]
    visited: set[str] = set()
    while stack:
        current, path = stack.pop()
        for nxt in by_id[current].model.prerequisites if current in by_id else []:
            if nxt == start:
                return path + [start]
            if nxt not in visited:
                visited.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


@rule("glossary-term-undefined")
def glossary_terms_defined(cur: Curriculum, out: Problems, today: date) -> None:
    if "glossary" in cur.incomplete:
        return  # glossary.yml has an error of its own: fix it first
    for m in cur.modules:
        for index, term in enumerate(m.model.glossary):
            if term not in cur.glossary:
                out.add(*at(m, "glossary", index), "glossary-term-undefined",
                        f"term '{term}' is not defined in modules/glossary.yml{did_you_mean(term, cur.glossary)}: "
                        "fix the id, or add the term there with its definition in both languages")


