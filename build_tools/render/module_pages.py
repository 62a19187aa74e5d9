"""A module's pages: overview, lessons, quiz, exercise and takeaways, printable edition, mentor guide."""
from __future__ import annotations

import re

from ..sources.model import Document, Lesson, LoadedModule, Question
from .i18n import colon, competence, long_date, t
from .paths import link, mentor_page, module_dir
from .renderer import Renderer
from .text import plain


class ModulePages:
    def __init__(self, renderer: Renderer, module: LoadedModule) -> None:
        self.r = renderer
        self.lang = renderer.lang
        self.module = module
        self.m = module.model
        self.base = module_dir(module)

    def render(self) -> list:
        """Writes the module's pages and its mentor guide; returns the module's navigation."""
        lang = self.lang
        nav: list = [f"{self.base}/index.md"]
        lessons = [(lesson, self.lesson_document(lesson)) for lesson in self.module.lessons]
        for lesson, document in lessons:
            self.lesson_page(lesson, document)
            nav.append(f"{self.base}/{lesson.slug}.md")
        self.quiz_page()
        self.practice_page()
        self.print_page(lessons)
        self.overview_page(lessons)
        self.mentor_guide_page()
        return nav + [{t(lang, "quiz_nav"): f"{self.base}/quiz.md"},
                      {t(lang, "practice_nav"): f"{self.base}/practice.md"},
                      {t(lang, "print_nav"): f"{self.base}/print.md"}]

    # --- lessons ---------------------------------------------------------------------------------

    def lesson_document(self, lesson: Lesson) -> Document:
        page = f"{self.base}/{lesson.slug}.md"
        if lesson.notebook is None:
            return self.r.document(lesson.documents, page)
        converted = self.r.notebook_pages[(lesson.notebook.path, self.lang)]
        for name, data in converted.images.items():
            self.r.tree.files[f"{self.base}/{name}"] = data
        return Document(lesson.notebook.path, converted.markdown)

    def facts_line(self, document: Document) -> str:
        return (f"*{t(self.lang, 'read_minutes', n=document.reading_minutes)} · {t(self.lang, 'last_reviewed')}"
                f"{colon(self.lang)} {long_date(self.lang, self.m.last_reviewed)}*")

    def lesson_page(self, lesson: Lesson, document: Document) -> None:
        page = f"{self.base}/{lesson.slug}.md"
        key = f"{self.module.id}/{lesson.slug}"
        body = (f"# {document.title}\n\n{self.facts_line(document)}\n\n{self.r.links.rewrite(document, document.body, page)}\n"
                f'<div class="rm-lesson-done" data-lesson="{key}" data-module="{self.module.id}"></div>\n')
        first_paragraph = next((p for p in document.body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "!", "|", "<"))), "")
        self.r.add(page, body, {"description": plain(first_paragraph) or plain(self.r.text(self.m.summary, page)),
                                "schema": "LearningResource", "module": self.r.text(self.m.title, page)})

    # --- overview --------------------------------------------------------------------------------

    def overview_page(self, lessons: list[tuple[Lesson, Document]]) -> None:
        m, lang, r = self.m, self.lang, self.r
        page = f"{self.base}/index.md"
        prerequisites = [r.cur.module(p) for p in m.prerequisites]
        prerequisite_links = ", ".join(f"[{r.text(p.model.title, page)}]({link(page, module_dir(p) + '/index.md')})"
                                       for p in prerequisites if p) or t(lang, "none")
        lines = [f"# {r.text(m.title, page)}", "", r.text(m.summary, page), "",
                 "| | |", "|---|---|",
                 f"| {t(lang, 'level')} | {t(lang, m.level)} |",
                 f"| {t(lang, 'time')} | {t(lang, 'minutes', n=self.module.minutes(lang))} |",
                 f"| {t(lang, 'prerequisites')} | {prerequisite_links} |",
                 f"| {t(lang, 'competences')} | {'<br>'.join(competence(lang, c) for c in m.competences)} |",
                 f"| {t(lang, 'last_reviewed')} | {long_date(lang, m.last_reviewed)} |", "",
                 f"## {t(lang, 'objectives')}", ""]
        lines += [f"- {r.text(o.text, page)}" for o in m.objectives]
        lines += ["", f"## {t(lang, 'lessons')}", ""]
        for lesson, document in lessons:
            key = f"{self.module.id}/{lesson.slug}"
            lines.append(f"1. [{document.title}]({lesson.slug}.md) ({t(lang, 'read_minutes', n=document.reading_minutes)}) "
                         f'<span class="rm-lesson-mark" data-lesson="{key}"></span>')
        lines.append(f"1. [{t(lang, 'quiz')}](quiz.md) "
                     f'<span class="rm-quiz-mark" data-module="{self.module.id}"></span>')
        lines.append(f"1. [{r.text(m.exercise.title, page)}](practice.md)")
        lines += ["", f"[{t(lang, 'print_nav')}](print.md)", ""]
        if m.glossary:
            lines += [f"## {t(lang, 'terms')}", ""]
            for term_id in m.glossary:
                entry = r.cur.glossary.get(term_id)
                if entry:
                    lines.append(f"- [{entry.term.best(lang)}]({link(page, 'glossary.md#' + term_id)})")
            lines.append("")
        lines += [f"## {t(lang, 'sources')}", ""]
        lines += [f"- {s.publisher}, *{s.title}*, {s.year}. <{s.url}>" for s in m.sources]
        if m.mentor_guide:
            lines += ["", f"## {t(lang, 'for_mentor')}", "",
                      f"[{t(lang, 'mentor_guide_link')}]({link(page, mentor_page(self.module))})"]
        r.add(page, "\n".join(lines), {"description": plain(r.text(m.summary, page)), "schema": "Course",
                                       "duration_minutes": self.module.minutes(lang), "level": m.level})

    # --- quiz ------------------------------------------------------------------------------------

    def quiz_title(self, page: str) -> str:
        return f"{t(self.lang, 'quiz')}{colon(self.lang)} {self.r.text(self.m.title, page)}"

    def quiz_page(self) -> None:
        page = f"{self.base}/quiz.md"
        lines = [f"# {self.quiz_title(page)}", "", t(self.lang, "quiz_intro"), "",
                 f'<div class="rm-quiz" data-module="{self.module.id}" data-lang="{self.lang}" markdown>', ""]
        for number, question in enumerate(self.m.quiz, 1):
            lines += self.question_form(number, question, page)
        lines += ['<div class="rm-quiz__score" role="status" aria-live="polite"></div>', "", "</div>"]
        # the navigation says "Quiz"; the page's <title> says which module's quiz
        self.r.add(page, "\n".join(lines), {"title": self.quiz_title(page),
                                            "description": t(self.lang, "quiz_description",
                                                             title=self.r.text(self.m.title, page), n=len(self.m.quiz))})

    def question_form(self, number: int, question: Question, page: str) -> list[str]:
        """A fieldset the reader answers (radio, or checkboxes when several are right), then the
        answers in a <details> that the script uses for feedback and that print shows."""
        kind = "checkbox" if len(question.answer) > 1 else "radio"
        name = f"{self.module.id}--{question.id}"
        lines = [f'<form class="rm-question" data-question="{question.id}" data-answer="{" ".join(question.answer)}" markdown>',
                 '<fieldset markdown>',
                 f'<legend markdown="span">**{t(self.lang, "quiz_question_label", n=number)}** '
                 f"{_inline(self.r.text(question.question, page))}</legend>",
                 '<div class="rm-question__options" markdown>']
        for option in question.options:
            lines.append(f'<label markdown="span"><input type="{kind}" name="{name}" value="{option.id}"> '
                         f"**{option.id}.** {_inline(self.r.text(option.text, page))}</label>")
        lines += ["</div>", "</fieldset>",
                  '<div class="rm-question__feedback" role="status" aria-live="polite"></div>', "</form>", ""]
        lines += self.answers(question, page)
        return lines

    def answers(self, question: Question, page: str, opened: bool = False) -> list[str]:
        lang = self.lang
        lines = [f'<details class="rm-answers"{" open" if opened else ""} markdown>',
                 f"<summary>{t(lang, 'answer')}</summary>", "",
                 f"**{t(lang, 'right_answer')}{colon(lang)} {', '.join(question.answer)}**", "",
                 '<ul class="rm-answers__list" markdown>']
        for option in question.options:
            right = option.id in question.answer
            verdict = t(lang, "right") if right else t(lang, "wrong")
            explanation = self.r.text(option.explanation, page) if option.explanation else ""
            lines.append(f'<li data-option="{option.id}" data-right="{str(right).lower()}" markdown="span">'
                         f"**{option.id}.** *{verdict}.* {_inline(explanation)}</li>")
        lines += ["</ul>", "", "</details>", ""]
        return lines

    # --- exercise, printable edition, mentor guide -----------------------------------------------

    def practice_page(self) -> None:
        m, r, lang = self.m, self.r, self.lang
        page = f"{self.base}/practice.md"
        title = f"{r.text(m.exercise.title, page)}{colon(lang)} {r.text(m.title, page)}"
        lines = [f"# {title}", "",
                 r.text(m.exercise.instructions, page), "", f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {r.text(takeaway, page)}" for takeaway in m.takeaways]
        r.add(page, "\n".join(lines), {"title": title,
                                       "description": t(lang, "practice_description", title=r.text(m.title, page))})

    def print_page(self, lessons: list[tuple[Lesson, Document]]) -> None:
        m, r, lang = self.m, self.r, self.lang
        page = f"{self.base}/print.md"
        title = t(lang, "print_title", title=r.text(m.title, page))
        lines = [f"# {title}", "", f"*{t(lang, 'print_intro')}*", "",
                 r.text(m.summary, page), "", f"## {t(lang, 'objectives')}", ""]
        lines += [f"- {r.text(o.text, page)}" for o in m.objectives]
        for _, document in lessons:
            lines += ["", f"## {document.title}", "", _demote(r.links.rewrite(document, document.body, page))]
        lines += ["", f"## {self.quiz_title(page)}", ""]
        for number, question in enumerate(m.quiz, 1):
            lines += [f"**{t(lang, 'quiz_question_label', n=number)}** {r.text(question.question, page)}", ""]
            lines += [f"- **{o.id}.** {r.text(o.text, page)}" for o in question.options]
            lines += [""] + self.answers(question, page, opened=True)
        lines += [f"## {r.text(m.exercise.title, page)}", "", _demote(r.text(m.exercise.instructions, page)), "",
                  f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {r.text(takeaway, page)}" for takeaway in m.takeaways]
        lines += ["", f"## {t(lang, 'sources')}", ""]
        lines += [f"- {s.publisher}, *{s.title}*, {s.year}. <{s.url}>" for s in m.sources]
        # the lessons are already in the search index on their own pages
        r.add(page, "\n".join(lines), {"title": title, "print": True, "search": {"exclude": True},
                                       "description": t(lang, "print_description", title=r.text(m.title, page))})

    def mentor_guide_page(self) -> None:
        guide, module, r, lang = self.m.mentor_guide, self.module, self.r, self.lang
        page = mentor_page(module)
        if guide is None or not module.mentor_guide:
            return
        document = r.document(module.mentor_guide, page)
        lines = [f"# {document.title}", "",
                 f"{t(lang, 'module_link')}{colon(lang)} [{r.text(self.m.title, page)}]"
                 f"({link(page, self.base + '/index.md')})", "",
                 f"**{t(lang, 'session')}{colon(lang)}** {t(lang, 'minutes', n=guide.session_minutes)}", "",
                 f"## {t(lang, 'preparation')}", "", '<ul class="rm-checklist" markdown>']
        lines += [f'<li markdown="span">{_inline(r.text(item, page))}</li>' for item in guide.preparation]
        lines += ["</ul>", "", f"## {t(lang, 'agenda')}", "",
                  f"| {t(lang, 'start')} | {t(lang, 'time')} | {t(lang, 'activity')} |", "|---|---|---|"]
        start = 0
        for item in guide.agenda:
            lines.append(f"| {start // 60}:{start % 60:02d} | {item.minutes} min | {r.text(item.activity, page)} |")
            start += item.minutes
        lines += ["", r.links.rewrite(document, document.body, page)]
        r.add(page, "\n".join(lines), {"description": t(lang, "mentor_description", n=guide.session_minutes,
                                                         title=r.text(self.m.title, page))})


def _inline(text: str) -> str:
    """Text that must stay on one line inside an HTML element."""
    return " ".join(text.split())


def _demote(markdown: str) -> str:
    """Headings one level down, so lessons nest under the printable page's sections."""
    return re.sub(r"^(#{1,5}) ", r"#\1 ", markdown, flags=re.M)
