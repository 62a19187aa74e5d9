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
    # Only modules inside a strongly connected component can be on a cycle: finding those
    # components is linear, so a curriculum without cycles costs one pass whatever its size.
    component_of = {member: component for component in _cyclic_components(by_id) for member in component}
    reported: set[frozenset[str]] = set()
    for m in cur.modules:
        cycle = _cycle_from(m.id, by_id, component_of[m.id]) if m.id in component_of else None
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            index = m.model.prerequisites.index(cycle[1]) if cycle[1] in m.model.prerequisites else 0
            out.add(*at(m, "prerequisites", index), "prerequisite-cycle",
                    f"prerequisites go round in a circle ({' -> '.join(cycle)}): remove one of them")


def _cyclic_components(by_id: dict[str, LoadedModule]) -> list[set[str]]:
    """The groups of modules that reach each other through prerequisites (Tarjan's algorithm,
    without recursion): each group of two or more, or a module that requires itself, holds a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in by_id:
        if root in index:
            continue
        work = [(root, iter(by_id[root].model.prerequisites))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            current, successors = work[-1]
            for nxt in successors:
                if nxt not in by_id:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(by_id[nxt].model.prerequisites)))
                    break
                if nxt in on_stack:
                    low[current] = min(low[current], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[current])
                if low[current] == index[current]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == current:
                            break
                    if len(component) > 1 or current in by_id[current].model.prerequisites:
                        found.append(component)
    return found


def _cycle_from(start: str, by_id: dict[str, LoadedModule], component: set[str]) -> list[str] | None:
    """The path start -> ... -> start through prerequisites, searched within start's component."""
    stack = [(start, [start])]
    visited: set[str] = set()
    while stack:
        current, path = stack.pop()
        for nxt in by_id[current].model.prerequisites:
            if nxt == start:
                return path + [start]
            if nxt in component and nxt not in visited:
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


