"""Check: named rules over the whole curriculum. Each rule reports with a stable id.

A rule is a function of the curriculum that adds problems; `@rule` records the ids it may report
so that the authors' guide and the tests can list them all.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Callable, Iterator

from pydantic import BaseModel

from . import LANGUAGES
from .model import Curriculum, LoadedModule, Text
from .problems import Problems, Severity

Rule = Callable[[Curriculum, Problems, date], None]
RULES: list[tuple[tuple[str, ...], Rule]] = []

# Ids reported while loading, before the rules run (see sources.py and loader.py).
LOAD_RULE_IDS = ("not-utf8", "empty-file", "file-unreadable", "yaml-invalid", "duplicate-key",
                 "missing-field", "unknown-field", "wrong-type", "file-missing", "file-name",
                 "path-escapes", "module-yml-missing", "notebook-invalid", "yaml-text-cut")

LESSON_WORDS = (500, 1200)
REVIEW_DAYS = 365
DIGCOMP_2_2 = {f"{area}.{n}" for area, count in {1: 3, 2: 6, 3: 4, 4: 4, 5: 4}.items()
               for n in range(1, count + 1)}


def rule(*ids: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        RULES.append((ids, function))
        return function
    return register


def all_rule_ids() -> list[str]:
    return list(LOAD_RULE_IDS) + [rule_id for ids, _ in RULES for rule_id in ids]


def run_checks(curriculum: Curriculum, problems: Problems, today: date | None = None) -> None:
    today = today or date.today()
    for _, function in RULES:
        function(curriculum, problems, today)


def _at(module: LoadedModule, *loc: object) -> tuple:
    return (module.yaml_path, *module.source.at(loc))


# --- identity and place ------------------------------------------------------------------------

@rule("module-id-mismatch")
def module_id_matches_folder(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        if m.id != m.folder.name:
            out.add(*_at(m, "id"), "module-id-mismatch",
                    f"id '{m.id}' differs from its folder '{m.folder.name}': rename one so they match")


@rule("module-id-duplicate")
def module_id_unique(cur: Curriculum, out: Problems, today: date) -> None:
    seen: dict[str, LoadedModule] = {}
    for m in cur.modules:
        if m.id in seen:
            out.add(*_at(m, "id"), "module-id-duplicate",
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
    for m in cur.modules:
        if m.model.track not in ids:
            known = ", ".join(ids) or "none"
            out.add(*_at(m, "track"), "track-unknown",
                    f"track '{m.model.track}' is not in modules/tracks.yml (known: {known}): add it there or fix the id")
        if m.model.track != m.folder.parent.name:
            out.add(*_at(m, "track"), "track-mismatch",
                    f"track '{m.model.track}' differs from the folder '{m.folder.parent.name}': move the module or fix the track")
        key = (m.model.track, m.model.order)
        if key in orders:
            out.add(*_at(m, "order"), "module-order-duplicate",
                    f"order {m.model.order} is already taken by '{orders[key].id}' in track '{m.model.track}': pick a free number")
        else:
            orders[key] = m


@rule("competence-unknown")
def competences_exist(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        for index, number in enumerate(m.model.competences):
            if number not in DIGCOMP_2_2:
                out.add(*_at(m, "competences", index), "competence-unknown",
                        f"'{number}' is not a DigComp 2.2 competence: use 1.1-1.3, 2.1-2.6, 3.1-3.4, 4.1-4.4 or 5.1-5.4")


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
                    out.add(*_at(m, *loc), "id-duplicate", f"id '{item.id}' is used twice in {name}: make it unique")
                seen.add(item.id)


# --- the quiz and the objectives ---------------------------------------------------------------

@rule("objective-unknown", "objective-not-assessed")
def objectives_assessed(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        objectives = {o.id for o in m.model.objectives}
        assessed = set()
        places = [(("quiz", q, "assesses"), question.assesses) for q, question in enumerate(m.model.quiz)]
        places.append((("exercise", "assesses"), m.model.exercise.assesses))
        for loc, ids in places:
            for index, objective_id in enumerate(ids):
                assessed.add(objective_id)
                if objective_id not in objectives:
                    out.add(*_at(m, *loc, index), "objective-unknown",
                            f"'{objective_id}' is not an objective of this module: use one of {', '.join(sorted(objectives))}")
        for index, objective in enumerate(m.model.objectives):
            if objective.id not in assessed:
                out.add(*_at(m, "objectives", index, "id"), "objective-not-assessed",
                        f"objective '{objective.id}' is assessed by no quiz question and not by the exercise: "
                        "add it to a question's `assesses:` or to the exercise's")


@rule("quiz-answer-unknown", "quiz-option-unexplained")
def quiz_answers_valid(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        for q, question in enumerate(m.model.quiz):
            options = [o.id for o in question.options]
            for index, answer in enumerate(question.answer):
                if answer not in options:
                    loc = ("quiz", q, "answer") if len(question.answer) == 1 else ("quiz", q, "answer", index)
                    out.add(*_at(m, *loc), "quiz-answer-unknown",
                            f"answer '{answer}' is not an option of question '{question.id}': use one of {', '.join(options)}")
            for o, option in enumerate(question.options):
                if option.explanation is None:
                    out.add(*_at(m, "quiz", q, "options", o, "id"), "quiz-option-unexplained",
                            f"option '{option.id}' of question '{question.id}' has no `explanation:`: "
                            "say why it is right or wrong, in both languages")


# --- references between modules and to the glossary ---------------------------------------------

@rule("prerequisite-unknown", "prerequisite-cycle")
def prerequisites_valid(cur: Curriculum, out: Problems, today: date) -> None:
    by_id = {m.id: m for m in cur.modules}
    for m in cur.modules:
        for index, prerequisite in enumerate(m.model.prerequisites):
            if prerequisite not in by_id:
                out.add(*_at(m, "prerequisites", index), "prerequisite-unknown",
                        f"prerequisite '{prerequisite}' is not a module id: fix the id or remove it")
    reported: set[frozenset[str]] = set()
    for m in cur.modules:
        cycle = _cycle_from(m.id, by_id)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            index = m.model.prerequisites.index(cycle[1]) if cycle[1] in m.model.prerequisites else 0
            out.add(*_at(m, "prerequisites", index), "prerequisite-cycle",
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
    for m in cur.modules:
        for index, term in enumerate(m.model.glossary):
            if term not in cur.glossary:
                out.add(*_at(m, "glossary", index), "glossary-term-undefined",
                        f"term '{term}' is not defined in modules/glossary.yml: add it there with its definition in both languages")


# --- the mentor guide --------------------------------------------------------------------------

@rule("mentor-guide-missing", "agenda-minutes-mismatch")
def mentor_guide_complete(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        guide = m.model.mentor_guide
        if guide is None:
            out.add(m.yaml_path, 1, 1, "mentor-guide-missing",
                    "this module has no `mentor_guide:` (file, session_minutes, preparation, agenda): "
                    "every module pairs with a mentor guide")
            continue
        total = sum(item.minutes for item in guide.agenda)
        if total != guide.session_minutes:
            out.add(m.yaml_path, *m.source.at(("mentor_guide", "agenda"), prefer_key=True), "agenda-minutes-mismatch",
                    f"the agenda adds up to {total} minutes but the session lasts {guide.session_minutes}: "
                    "change the minutes so they add up")


# --- languages, length and age -----------------------------------------------------------------

def _texts(value: object, loc: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Every bilingual text in a model, with its place."""
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, loc + (index,))


_LANGUAGE_NAMES = {"en": "English", "fr": "French"}


@rule("translation-missing")
def translations_complete(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        severity = Severity.ERROR if m.model.published else Severity.WARNING
        for loc, text in _texts(m.model):
            for lang in text.missing():
                out.add(*_at(m, *loc), "translation-missing",
                        f"`{'.'.join(map(str, loc))}` has no {_LANGUAGE_NAMES[lang]} text: add `{lang}:`", severity)
        documents = [(("lessons", i, "file"), lesson.documents) for i, lesson in enumerate(m.lessons)
                     if lesson.notebook is None]
        for lesson in m.lessons:
            tagged = lesson.notebook.languages() if lesson.notebook else set()
            for lang in sorted(set(LANGUAGES) - tagged) if tagged else []:
                out.add(lesson.notebook.path, 1, 1, "translation-missing",
                        f"no Markdown cell is tagged `{lang}`: write the {_LANGUAGE_NAMES[lang]} cells and tag them `{lang}`",
                        severity)
        if m.mentor_guide:
            documents.append((("mentor_guide", "file"), m.mentor_guide))
        for loc, found in documents:
            for lang in LANGUAGES:
                if lang not in found:
                    other = next(iter(found.values())).path
                    out.add(*_at(m, *loc), "translation-missing",
                            f"{out.relative(other)} has no {_LANGUAGE_NAMES[lang]} twin: write "
                            f"{other.name.split('.')[0]}{'' if lang == 'en' else '.' + lang}.md", severity)
    # tracks and glossary terms have no draft status: a missing language is always an error
    entries = [(cur.tracks_source, (index,), track.id, track) for index, track in enumerate(cur.tracks)]
    entries += [(cur.glossary_source, (key,), key, entry) for key, entry in cur.glossary.items()]
    for source, base, key, item in entries:
        for loc, text in _texts(item, base):
            for lang in text.missing():
                out.add(source.path, *source.at(loc), "translation-missing",
                        f"'{key}' has no {_LANGUAGE_NAMES[lang]} text at `{'.'.join(map(str, loc))}`: add `{lang}:`")


@rule("lesson-title-missing", "lesson-length")
def lessons_well_formed(cur: Curriculum, out: Problems, today: date) -> None:
    low, high = LESSON_WORDS
    for m in cur.modules:
        documents = [d for lesson in m.lessons for d in lesson.documents.values()]
        for document in documents + list(m.mentor_guide.values()):
            if document.title is None:
                where = "the first Markdown cell of each language" if document.path.suffix == ".ipynb" else "the first line"
                out.add(document.path, 1, 1, "lesson-title-missing", f"{where} must be the title, written `# Title`")
        for document in documents:
            if not low <= document.words <= high:
                out.add(document.path, 1, 1, "lesson-length",
                        f"{document.words} words: a lesson holds {low}-{high} words (a 5-10 minute read); "
                        + ("split it in two" if document.words > high else "develop it or merge it with another"),
                        Severity.WARNING)


@rule("review-overdue", "review-date-future")
def review_is_recent(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        reviewed = m.model.last_reviewed
        if reviewed > today:
            out.add(*_at(m, "last_reviewed"), "review-date-future",
                    f"last_reviewed {reviewed} is in the future: write the date of the last review")
        elif (today - reviewed).days > REVIEW_DAYS:
            out.add(*_at(m, "last_reviewed"), "review-overdue",
                    f"last reviewed on {reviewed}, more than 12 months ago: check the facts and sources, then update the date",
                    Severity.WARNING)


@rule("docs-page-untranslated")
def docs_pages_paired(cur: Curriculum, out: Problems, today: date) -> None:
    names = {name for pages in cur.docs.values() for name in pages}
    for name in sorted(names):
        for lang in LANGUAGES:
            if name not in cur.docs.get(lang, {}):
                other = next(pages[name] for pages in cur.docs.values() if name in pages)
                out.add(other.path, 1, 1, "docs-page-untranslated",
                        f"this page has no twin in docs/{lang}/: write docs/{lang}/{name}.md")


@rule("notebook-has-outputs")
def notebooks_stored_clean(cur: Curriculum, out: Problems, today: date) -> None:
    seen = set()
    for m in cur.modules:
        for lesson in m.lessons:
            source = lesson.notebook
            if source is None or source.path in seen:
                continue
            seen.add(source.path)
            for index, cell in enumerate(source.notebook.cells):
                if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
                    out.add(source.path, source.line_of(index), 1, "notebook-has-outputs",
                            f"cell {index + 1} holds outputs or an execution count: clear them "
                            "(Jupyter: Edit > Clear Outputs of All Cells, or `nbstripout`) before committing")
