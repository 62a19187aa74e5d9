"""The "Editorial status" page, for maintainers: the table of `curriculum report` in each language."""
from __future__ import annotations

from datetime import date

from .. import LANGUAGES
from ..editorial import ModuleStatus, editorial_status, guide_summary, spread
from .i18n import long_date
from .paths import link, module_dir
from .renderer import Renderer

PAGE = "editorial-status.md"

STRINGS = {
    "en": {
        "title": "Editorial status",
        "intro": "For maintainers and reviewers: where each module stands, as of {day}. The same table comes out "
                 "of `curriculum report`. A quiz is balanced when the right option is rarely the longest and the "
                 "right answers sit at varied places; a review is due 12 months after the last one.",
        "description": "Where each module of the curriculum stands: translation, objectives, quiz balance, review "
                       "dates and mentor guides.",
        "head": ["Module", "Status", "Complete in", "Objectives covered", "Reading (min)", "Quiz questions",
                 "Right option is the longest", "Right answer at option", "Last reviewed", "Review due",
                 "Mentor guide"],
        "draft": "draft", "published": "published", "overdue": "overdue",
        "guide": {"complete": "complete", "none": "none", "missing": "missing:", "all_parts": "all {n} parts"},
    },
    "fr": {
        "title": "État éditorial",
        "intro": "Pour les mainteneurs et les relecteurs : où en est chaque module au {day}. La commande "
                 "`curriculum report` donne le même tableau. Un quiz est équilibré quand la bonne option est "
                 "rarement la plus longue et que les bonnes réponses occupent des places variées ; une relecture "
                 "est due 12 mois après la précédente.",
        "description": "Où en est chaque module du curriculum : traduction, objectifs, équilibre des quiz, dates "
                       "de relecture et guides du mentor.",
        "head": ["Module", "Statut", "Complet en", "Objectifs couverts", "Lecture (min)", "Questions du quiz",
                 "Bonne option la plus longue", "Bonne réponse à l'option", "Dernière relecture",
                 "Relecture due", "Guide du mentor"],
        "draft": "brouillon", "published": "publié", "overdue": "en retard",
        "guide": {"complete": "complet", "none": "aucun", "missing": "manque :", "all_parts": "les {n} parties"},
    },
}


def editorial_status_page(renderer: Renderer, today: date | None = None) -> dict[str, str]:
    """Adds the page to the renderer's tree; returns its navigation entry."""
    lang, words = renderer.lang, STRINGS[renderer.lang]
    today = today or date.today()
    head = words["head"]
    lines = [words["intro"].format(day=long_date(lang, today)), "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    modules = {m.id: m for m in renderer.cur.modules}
    for row in editorial_status(renderer.cur):
        name = renderer.inline(modules[row.id].model.title, PAGE).replace("|", "\\|")
        title = f"[{name}]({link(PAGE, module_dir(row.id) + '/index.md')})"
        lines.append("| " + " | ".join(_cells(row, words, lang, today, title)) + " |")
    renderer.add(PAGE, words["title"], "\n".join(lines), words["description"], {"search": {"exclude": True}})
    return {renderer.label(words["title"]): PAGE}


def _cells(row: ModuleStatus, words: dict, lang: str, today: date, title: str) -> list[str]:
    due = long_date(lang, row.review_due) + (f" ({words['overdue']})" if row.review_overdue(today) else "")
    return [title, words[row.status], ", ".join(row.complete_languages) or "-",
            f"{row.objectives_covered}/{row.objectives}",
            " / ".join(f"{row.reading_minutes[code]} ({code})" for code in LANGUAGES), str(row.quiz_questions),
            " / ".join(f"{row.right_is_longest[code]} ({code})" for code in LANGUAGES), spread(row.right_answer_at),
            long_date(lang, row.last_reviewed), due, guide_summary(row, words["guide"])]
