"""Rules on languages, length and age: translations, lessons, reviews, hand-written pages, notebooks."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Iterator

from .. import LANGUAGE_NAMES, LANGUAGES
from ..sources.markdown_sources import texts
from ..sources.model import Curriculum, LoadedModule
from ..sources.problems import Problems, Severity
from .registry import at, rule

LESSON_WORDS = (500, 1200)
REVIEW_DAYS = 365



def module_translation_gaps(m: LoadedModule, relative: Callable[[Path], str]) -> Iterator[tuple[tuple, str, str]]:
    """(place, language, message) of each text or file of a module that one language lacks."""
    for loc, text in texts(m.model):
        for lang in text.missing():
            yield at(m, *loc), lang, f"`{'.'.join(map(str, loc))}` has no {LANGUAGE_NAMES[lang]} text: add `{lang}:`"
    documents = [(("lessons", i, "file"), lesson.documents) for i, lesson in enumerate(m.lessons)
                 if lesson.notebook is None]
    for lesson in m.lessons:
        tagged = lesson.notebook.languages() if lesson.notebook else set()
        for lang in sorted(set(LANGUAGES) - tagged) if tagged else []:
            yield ((lesson.notebook.path, 1, 1), lang,
                   f"no Markdown cell is tagged `{lang}`: write the {LANGUAGE_NAMES[lang]} cells and tag them `{lang}`")
    if m.mentor_guide:
        documents.append((("mentor_guide", "file"), m.mentor_guide))
    for loc, found in documents:
        for lang in LANGUAGES:
            if lang not in found:
                other = next(iter(found.values())).path
                yield (at(m, *loc), lang, f"{relative(other)} has no {LANGUAGE_NAMES[lang]} twin: write "
                       f"{other.name.split('.')[0]}{'' if lang == 'en' else '.' + lang}.md")


@rule("translation-missing")
def translations_complete(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        severity = Severity.ERROR if m.model.published else Severity.WARNING
        for place, _, message in module_translation_gaps(m, out.relative):
            out.add(*place, "translation-missing", message, severity)
    # tracks and glossary terms have no draft status: a missing language is always an error
    entries = [(cur.tracks_source, (index,), track.id, track) for index, track in enumerate(cur.tracks)]
    entries += [(cur.glossary_source, (key,), key, entry) for key, entry in cur.glossary.items()]
    entries += [(cur.tools_source, (index,), tool.model.id, tool.model) for index, tool in enumerate(cur.tools)]
    for source, base, key, item in entries:
        for loc, text in texts(item, base):
            for lang in text.missing():
                out.add(source.path, *source.at(loc), "translation-missing",
                        f"'{key}' has no {LANGUAGE_NAMES[lang]} text at `{'.'.join(map(str, loc))}`: add `{lang}:`")
    for index, tool in enumerate(cur.tools):
        for lang in LANGUAGES:
            if lang not in tool.documents:
                other = next(iter(tool.documents.values())).path
                out.add(cur.tools_source.path, *cur.tools_source.at((index, "file")), "translation-missing",
                        f"{out.relative(other)} has no {LANGUAGE_NAMES[lang]} twin: write "
                        f"{other.name.split('.')[0]}{'' if lang == 'en' else '.' + lang}.md")


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
            out.add(*at(m, "last_reviewed"), "review-date-future",
                    f"last_reviewed {reviewed} is in the future: write the date of the last review")
        elif (today - reviewed).days > REVIEW_DAYS:
            out.add(*at(m, "last_reviewed"), "review-overdue",
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
