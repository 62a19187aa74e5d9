"""Rules on identity and place: ids, folders, tracks, order, competences."""
from __future__ import annotations

from collections import Counter
from datetime import date

from ..sources.model import Curriculum, LoadedModule
from ..sources.problems import Problems, Severity
from .registry import at, did_you_mean, rule

DIGCOMP_NUMBERS = {f"{area}.{n}" for area, count in {1: 3, 2: 6, 3: 4, 4: 4, 5: 4}.items()
               for n in range(1, count + 1)}



@rule("module-id-mismatch")
def module_id_matches_folder(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        if m.id != m.folder.name:
            out.add(*at(m, "id"), "module-id-mismatch",
                    f"id '{m.id}' differs from its folder '{m.folder.name}': rename one so they match")


@rule("module-id-duplicate")
def module_id_unique(cur: Curriculum, out: Problems, today: date) -> None:
    seen: dict[str, LoadedModule] = {}
    for m in cur.modules:
        if m.id in seen:
            out.add(*at(m, "id"), "module-id-duplicate",
                    f"module id '{m.id}' is already used by {out.relative(seen[m.id].yaml_path)}: choose another id")
        else:
            seen[m.id] = m


@rule("track-duplicate", "track-unknown", "track-mismatch", "module-order-duplicate")
def tracks_are_consistent(cur: Curriculum, out: Problems, today: date) -> None:
    ids = Counter(t.id for t in cur.tracks)
    for index, track in enumerate(cur.tracks):
        if ids[track.id] > 1 and cur.tracks_source:
            out.add(cur.tracks_source.path, *cur.tracks_source.at((index, "id")), "track-duplicate",
                    f"track '{track.id}' is listed more than once: keep one")
    orders: dict[tuple[str, int], LoadedModule] = {}
    for index, tool in enumerate(cur.tools):
        if tool.model.track not in ids and cur.tools_source:
            out.add(cur.tools_source.path, *cur.tools_source.at((index, "track")), "track-unknown",
                    f"track '{tool.model.track}' is not in modules/tracks.yml: fix the id")
    for m in cur.modules:
        if m.model.track not in ids and "tracks" not in cur.incomplete:
            known = ", ".join(ids) or "none"
            out.add(*at(m, "track"), "track-unknown",
                    f"track '{m.model.track}' is not in modules/tracks.yml{did_you_mean(m.model.track, ids)} "
                    f"(known: {known}): add it there or fix the id")
        if m.model.track != m.folder.parent.name:
            out.add(*at(m, "track"), "track-mismatch",
                    f"track '{m.model.track}' differs from the folder '{m.folder.parent.name}': move the module or fix the track")
        key = (m.model.track, m.model.order)
        if key in orders:
            out.add(*at(m, "order"), "module-order-duplicate",
                    f"order {m.model.order} is already taken by '{orders[key].id}' in track '{m.model.track}': pick a free number")
        else:
            orders[key] = m


@rule("competence-unknown")
def competences_exist(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        for index, number in enumerate(m.model.competences):
            if number not in DIGCOMP_NUMBERS:
                out.add(*at(m, "competences", index), "competence-unknown",
                        f"'{number}' is not a DigComp competence (3.0 keeps the numbers of 2.2): use 1.1-1.3, 2.1-2.6, 3.1-3.4, 4.1-4.4 or 5.1-5.4")


@rule("id-duplicate")
def ids_unique_in_module(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        lists = [("objectives", m.model.objectives), ("quiz", m.model.quiz)]
        lists += [(f"quiz.{q}.options", question.options) for q, question in enumerate(m.model.quiz)]
        for name, items in lists:
            seen = set()
            for index, item in enumerate(items):
                if item.id in seen:
                    loc = tuple(int(p) if p.isdigit() else p for p in name.split(".")) + (index, "id")
                    out.add(*at(m, *loc), "id-duplicate", f"id '{item.id}' is used twice in {name}: make it unique")
                seen.add(item.id)




@rule("brief-missing")
def published_modules_have_a_brief(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        if m.model.brief is None:
            out.add(m.yaml_path, *m.source.at(("takeaways",), prefer_key=True), "brief-missing",
                    "this module has no `brief:` (exercise, questions_for_session, questions_for_team): "
                    "the one-page brief is printed from it",
                    Severity.ERROR if m.model.published else Severity.WARNING)
