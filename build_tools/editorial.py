"""The editorial status of each module, for maintainers: `curriculum report` prints it and the site
shows it on its "Editorial status" page. Everything is computed with the checker's own measures."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import LANGUAGES
from .checks.languages import REVIEW_DAYS, module_translation_gaps
from .checks.mentor_guide import GUIDE_SECTIONS, guide_section_ids
from .checks.quiz import answer_positions, assessed_objectives, right_is_longest
from .sources.model import Curriculum, LoadedModule


@dataclass
class ModuleStatus:
    id: str
    track: str
    status: str
    complete_languages: list[str]
    objectives_covered: int
    objectives: int
    reading_minutes: dict[str, int]  # by language: the lessons only
    quiz_questions: int
    right_is_longest: dict[str, int]  # by language: questions whose right option is the longest
    right_answer_at: Counter  # option place (1, 2...) -> questions whose right answer sits there
    last_reviewed: date
    review_due: date
    guide_missing: dict[str, list[str]] = field(default_factory=dict)  # language -> missing part ids
    has_guide: bool = True

    def review_overdue(self, today: date) -> bool:
        return today > self.review_due

    @property
    def guide_complete(self) -> bool:
        return self.has_guide and not any(self.guide_missing.values())


def module_status(module: LoadedModule, root: Path) -> ModuleStatus:
    m = module.model
    gaps = {lang for _, lang, _ in module_translation_gaps(module, lambda path: str(path))}
    guide_missing = {lang: [part for part in GUIDE_SECTIONS if part not in guide_section_ids(document.text)]
                     for lang, document in module.mentor_guide.items()}
    guide_missing.update({lang: list(GUIDE_SECTIONS) for lang in LANGUAGES if lang not in module.mentor_guide})
    return ModuleStatus(
        id=module.id, track=m.track, status=m.status,
        complete_languages=[lang for lang in LANGUAGES if lang not in gaps],
        objectives_covered=len(assessed_objectives(m)), objectives=len(m.objectives),
        reading_minutes={lang: sum(lesson.documents[lang].reading_minutes for lesson in module.lessons
                                   if lang in lesson.documents) for lang in LANGUAGES},
        quiz_questions=len(m.quiz),
        right_is_longest={lang: sum(right_is_longest(q, lang) for q in m.quiz) for lang in LANGUAGES},
        right_answer_at=answer_positions(m.quiz),
        last_reviewed=m.last_reviewed, review_due=m.last_reviewed + timedelta(days=REVIEW_DAYS),
        guide_missing=guide_missing, has_guide=m.mentor_guide is not None and bool(module.mentor_guide),
    )


def editorial_status(cur: Curriculum) -> list[ModuleStatus]:
    """One row per module, in the order of the learning paths (modules of unknown tracks last)."""
    ordered = [m for track in cur.tracks for m in cur.track_modules(track.id)]
    ordered += [m for m in sorted(cur.modules, key=lambda m: m.id) if m not in ordered]
    return [module_status(m, cur.root) for m in ordered]


def spread(places: Counter) -> str:
    """`1:2 2:3` for two right answers at the first option and three at the second."""
    return " ".join(f"{place}:{places[place]}" for place in sorted(places)) or "-"


def report_table(rows: list[ModuleStatus], today: date) -> str:
    """The status as a Markdown table, in English, for the terminal."""
    head = ["module", "status", "complete in", "objectives covered", "reading (min, en/fr)", "quiz",
            "right is longest (en/fr)", "right answer at", "last reviewed", "review due", "mentor guide"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        due = f"{row.review_due} (overdue)" if row.review_overdue(today) else str(row.review_due)
        lines.append("| " + " | ".join([
            row.id, row.status, ", ".join(row.complete_languages) or "none",
            f"{row.objectives_covered}/{row.objectives}",
            "/".join(str(row.reading_minutes[lang]) for lang in LANGUAGES), str(row.quiz_questions),
            "/".join(str(row.right_is_longest[lang]) for lang in LANGUAGES), spread(row.right_answer_at),
            str(row.last_reviewed), due, guide_summary(row)]) + " |")
    return "\n".join(lines)


ENGLISH = {"complete": "complete", "none": "none", "missing": "missing:", "all_parts": "all {n} parts"}


def guide_summary(row: ModuleStatus, words: dict[str, str] = ENGLISH) -> str:
    """`complete`, or the parts missing, languages that lack the same parts together."""
    if not row.has_guide:
        return words["none"]
    if row.guide_complete:
        return words["complete"]
    by_parts: dict[tuple[str, ...], list[str]] = {}
    for lang, missing in sorted(row.guide_missing.items()):
        if missing:
            by_parts.setdefault(tuple(missing), []).append(lang)
    parts = [(words["all_parts"].format(n=len(GUIDE_SECTIONS)) if len(missing) == len(GUIDE_SECTIONS)
              else ", ".join(missing)) + f" ({', '.join(langs)})" for missing, langs in by_parts.items()]
    return f"{words['missing']} {'; '.join(parts)}"
