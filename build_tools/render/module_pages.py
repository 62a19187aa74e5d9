"""A module's pages: overview, lessons, quiz, exercise and takeaways, the one-page brief, the
printable handout, and the mentor guide. Every author's text goes through the renderer's
`md`/`inline`/`label`; attributes through `attribute`."""
from __future__ import annotations

import re
from urllib.parse import quote

from babel import Locale

from ..sources.model import Document, Lesson, LoadedModule, Question, Source, quiz_minutes
from .i18n import LOCALES, colon, competence, long_date, t
from .paths import link, mentor_page, module_dir, tool_page
from .renderer import Renderer
from .text import attribute, html_text, markdown_inline, plain


class ModulePages:
    def __init__(self, renderer: Renderer, module: LoadedModule) -> None:
        self.r = renderer
        self.lang = renderer.lang
        self.module = module
        self.m = module.model
        self.base = module_dir(module)

    def page(self, name: str) -> str:
        return f"{self.base}/{name}.md"

    @property
    def title(self) -> str:
        return self.r.text(self.m.title, self.page("index"))

    def render(self) -> list:
        """Writes the module's pages and its mentor guide; returns the module's navigation, in
        reading order: overview, lessons, quiz, exercise. The brief and the printable edition are
        linked from the overview and the exercise, outside the reading order."""
        lang = self.lang
        lessons = [(lesson, self.lesson_document(lesson)) for lesson in self.module.lessons]
        for lesson, document in lessons:
            self.lesson_page(lesson, document)
        self.quiz_page()
        self.practice_page()
        self.brief_page()
        self.print_page(lessons)
        self.overview_page(lessons)
        self.mentor_guide_page()
        return ([self.page("index")] + [self.page(lesson.slug) for lesson, _ in lessons]
                + [{self.r.label(t(lang, "quiz_nav")): self.page("quiz")},
                   {self.r.label(t(lang, "practice_nav")): self.page("practice")}])

    # --- lessons ---------------------------------------------------------------------------------

    def lesson_document(self, lesson: Lesson) -> Document:
        page = self.page(lesson.slug)
        if lesson.notebook is None:
            return self.r.document(lesson.documents, page)
        converted = self.r.notebook_pages[(lesson.notebook.path, self.lang)]
        for name, data in converted.images.items():
            self.r.tree.files[f"{self.base}/{name}"] = data
        return Document(lesson.notebook.path, converted.markdown)

    def facts_line(self, lesson: Lesson) -> str:
        return (f"*{t(self.lang, 'read_minutes', n=self.module.lesson_minutes(lesson, self.lang))} · "
                f"{t(self.lang, 'last_reviewed')}"
                f"{colon(self.lang)} {long_date(self.lang, self.m.last_reviewed)}*")

    def lesson_page(self, lesson: Lesson, document: Document) -> None:
        page = self.page(lesson.slug)
        key = attribute(f"{self.module.id}/{lesson.slug}")
        body = (f"{self.facts_line(lesson)}\n\n{self.r.links.rewrite(document, document.body, page)}\n"
                f'<div class="rm-lesson-done" data-lesson="{key}" data-module="{attribute(self.module.id)}"></div>\n')
        first_paragraph = next((p for p in document.body.split("\n\n")
                                if p.strip() and not p.lstrip().startswith(("#", "!", "|", "<", "*", "-"))), "")
        title = document.title or lesson.slug
        self.r.add(page, plain(title, None), body, plain(first_paragraph) or self.r.text(self.m.summary, page),
                   {"schema": "LearningResource", "module": self.r.label(self.title)}, heading=markdown_inline(title))

    # --- overview --------------------------------------------------------------------------------

    def overview_page(self, lessons: list[tuple[Lesson, Document]]) -> None:
        m, lang, r = self.m, self.lang, self.r
        page = self.page("index")
        prerequisites = [r.cur.module(p) for p in m.prerequisites]
        prerequisite_links = ", ".join(f"[{r.inline(p.model.title, page)}]({link(page, module_dir(p) + '/index.md')})"
                                       for p in prerequisites if p) or t(lang, "none")
        lines = [r.md(m.summary, page), "",
                 "| | |", "|---|---|",
                 f"| {t(lang, 'level')} | {t(lang, m.level)} |",
                 f"| {t(lang, 'time')} | {t(lang, 'minutes', n=self.module.minutes(lang))} |",
                 f"| {t(lang, 'prerequisites')} | {prerequisite_links} |",
                 f"| {t(lang, 'last_reviewed')} | {long_date(lang, m.last_reviewed)} |", "",
                 f"## {t(lang, 'objectives')}", ""]
        lines += [f"- {r.inline(o.text, page)}" for o in m.objectives]
        lines += ["", f"## {t(lang, 'lessons')}", ""]
        for lesson, document in lessons:
            key = attribute(f"{self.module.id}/{lesson.slug}")
            lines.append(f"1. [{markdown_inline(document.title or lesson.slug)}]({lesson.slug}.md) "
                         f"({t(lang, 'read_minutes', n=self.module.lesson_minutes(lesson, lang))}) "
                         f'<span class="rm-lesson-mark" data-lesson="{key}"></span>')
        lines.append(f"1. [{t(lang, 'quiz')}](quiz.md) ({t(lang, 'minutes', n=quiz_minutes(len(m.quiz)))}) "
                     f'<span class="rm-quiz-mark" data-module="{attribute(self.module.id)}"></span>')
        lines.append(f"1. [{r.inline(m.exercise.title, page)}](practice.md) ({t(lang, 'minutes', n=m.exercise.minutes)})")
        lines += ["", self.printables_line(), ""]
        if m.glossary:
            lines += [f"## {t(lang, 'terms')}", ""]
            for term_id in m.glossary:
                entry = r.cur.glossary.get(term_id)
                if entry:
                    lines.append(f"- [{r.inline(entry.term, page)}]({link(page, r.glossary_pages[term_id] + '#' + term_id)})")
            lines.append("")
        lines += [f"## {t(lang, 'sources')}", ""] + self.source_lines()
        lines += ["", f"## {t(lang, 'for_sponsors')}", "", t(lang, "competences_intro"), ""]
        lines += [f"- {competence(lang, c)}" for c in m.competences]
        if m.mentor_guide:
            lines += ["", f"## {t(lang, 'for_mentor')}", "",
                      f"[{t(lang, 'mentor_guide_link')}]({link(page, mentor_page(self.module))})"]
        r.add(page, self.title, "\n".join(lines), r.text(m.summary, page),
              {"schema": "Course", "duration_minutes": self.module.minutes(lang), "level": m.level})

    def printables_line(self) -> str:
        lang = self.lang
        return (f"[{t(lang, 'brief_nav')}](brief.md){{ .md-button }} "
                f"[{t(lang, 'print_nav')}](print.md){{ .md-button }}")

    def source_lines(self) -> list[str]:
        return [f"- {self.source_line(s)}" for s in self.m.sources]

    def source_line(self, source: Source) -> str:
        note = ""
        if source.language != self.lang:
            name = Locale.parse(LOCALES[self.lang]).languages.get(source.language, source.language)
            note = f" ({t(self.lang, 'in_language', language=name)})"
        url = quote(source.url, safe=":/?#[]@!$&'()*+,;=%~")
        return (f"{markdown_inline(source.publisher)}, *{markdown_inline(source.title)}*{note}, "
                f"{source.year}. <{url}>")

    # --- quiz ------------------------------------------------------------------------------------

    def quiz_title(self) -> str:
        return f"{t(self.lang, 'quiz')}{colon(self.lang)} {self.title}"

    def quiz_page(self) -> None:
        page = self.page("quiz")
        lines = [t(self.lang, "quiz_intro"), "",
                 f'<div class="rm-quiz" data-module="{attribute(self.module.id)}" data-lang="{self.lang}" markdown>', "",
                 # filled by the script: the reader's best score so far, and which answer counts
                 '<p class="rm-quiz__best"></p>', "",
                 f'<p class="rm-quiz__rule">{html_text(t(self.lang, "quiz_first_counts"))}</p>', ""]
        for number, question in enumerate(self.m.quiz, 1):
            lines += self.question_form(number, question, page)
        # the progress line says which questions are still unanswered; the score is announced
        lines += ['<p class="rm-quiz__progress"></p>', "",
                  '<div class="rm-quiz__score" role="status" aria-live="polite"></div>', "", "</div>"]
        # the navigation says "Quiz"; the page's <title> says which module's quiz
        self.r.add(page, self.quiz_title(), "\n".join(lines),
                   t(self.lang, "quiz_description", title=self.title, n=len(self.m.quiz)))

    def question_form(self, number: int, question: Question, page: str) -> list[str]:
        """A fieldset the reader answers (radio, or checkboxes when several are right), then the
        answers in a <details> that the script uses for feedback and that print shows."""
        kind = "checkbox" if len(question.answer) > 1 else "radio"
        name = attribute(f"{self.module.id}--{question.id}")
        lines = [f'<form class="rm-question" id="question-{number}" data-number="{number}" '
                 f'data-question="{attribute(question.id)}" data-answer="{attribute(" ".join(question.answer))}" markdown>',
                 '<fieldset markdown>',
                 f'<legend markdown="span">**{t(self.lang, "quiz_question_label", n=number)}** '
                 f"{self.r.inline(question.question, page)}</legend>",
                 '<div class="rm-question__options" markdown>']
        for option in question.options:
            lines.append(f'<label markdown="span"><input type="{kind}" name="{name}" value="{attribute(option.id)}"> '
                         f"**{html_text(option.id)}.** {self.r.inline(option.text, page)}</label>")
        # The button is in the page from the start (shown only with JavaScript, site.css; enabled by
        # the script): added by the script, it pushed the rest of the quiz down after the first paint.
        lines += ["</div>", f'<button type="submit" class="md-button rm-question__check" disabled>{html_text(t(self.lang, "quiz_check"))}</button>',
                  "</fieldset>",
                  '<div class="rm-question__feedback" role="status" aria-live="polite"></div>', "</form>", ""]
        lines += self.answers(question, page)
        return lines

    def answers(self, question: Question, page: str, opened: bool = False) -> list[str]:
        lang = self.lang
        lines = [f'<details class="rm-answers"{" open" if opened else ""} markdown>',
                 f"<summary>{html_text(t(lang, 'answer'))}</summary>", "",
                 f"**{t(lang, 'right_answer')}{colon(lang)} {html_text(', '.join(question.answer))}**", "",
                 '<ul class="rm-answers__list" markdown>']
        for option in question.options:
            right = option.id in question.answer
            verdict = t(lang, "right") if right else t(lang, "wrong")
            explanation = self.r.inline(option.explanation, page) if option.explanation else ""
            lines.append(f'<li data-option="{attribute(option.id)}" data-right="{str(right).lower()}" markdown="span">'
                         f"**{html_text(option.id)}.** *{verdict}.* {explanation}</li>")
        lines += ["</ul>", "", "</details>", ""]
        return lines

    # --- exercise, brief, printable handout ------------------------------------------------------

    def practice_page(self) -> None:
        m, r, lang = self.m, self.r, self.lang
        page = self.page("practice")
        exercise_title = r.text(m.exercise.title, page)
        lines = [f"*{t(lang, 'about_minutes', n=m.exercise.minutes)}*", "",
                 r.md(m.exercise.instructions, page), "", f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {r.inline(takeaway, page)}" for takeaway in m.takeaways]
        lines += ["", self.printables_line()]
        description = r.text(m.brief.exercise, page) if m.brief else r.text(m.summary, page)
        r.add(page, f"{exercise_title}{colon(lang)} {self.title}", "\n".join(lines), description)

    def brief_page(self) -> None:
        """One A4 page an executive keeps or forwards: takeaways, the exercise, questions."""
        m, r, lang = self.m, self.r, self.lang
        if m.brief is None:
            return
        page = self.page("brief")
        lines = ['<div class="rm-sheet" markdown>', "",
                 f"*{t(lang, 'brief_intro', title=self.title, date=long_date(lang, m.last_reviewed))}*", "",
                 f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {r.inline(takeaway, page)}" for takeaway in m.takeaways]
        lines += ["", f"## {t(lang, 'brief_exercise')}", "", r.md(m.brief.exercise, page), "",
                  f"## {t(lang, 'brief_questions_session')}", ""]
        lines += [f"- {r.inline(question, page)}" for question in m.brief.questions_for_session]
        lines += ["", f"## {t(lang, 'brief_questions_team')}", ""]
        lines += [f"- {r.inline(question, page)}" for question in m.brief.questions_for_team]
        lines += ["", "</div>"]
        r.add(page, t(lang, "brief_title", title=self.title), "\n".join(lines),
              t(lang, "brief_description", title=self.title), {"print": True, "print_pages": 1, "search": {"exclude": True}})

    def print_page(self, lessons: list[tuple[Lesson, Document]]) -> None:
        """The whole module as a handout: the quiz without its answers, the answer key at the end."""
        m, r, lang = self.m, self.r, self.lang
        page = self.page("print")
        lines = [f"*{t(lang, 'print_intro')}*", "", r.md(m.summary, page), "", f"## {t(lang, 'objectives')}", ""]
        lines += [f"- {r.inline(o.text, page)}" for o in m.objectives]
        for _, document in lessons:
            lines += ["", f"## {markdown_inline(document.title or '')}", "", _demote(r.links.rewrite(document, document.body, page))]
        lines += ["", f"## {self.quiz_title()}", ""]
        for number, question in enumerate(m.quiz, 1):
            lines += [f"**{t(lang, 'quiz_question_label', n=number)}** {r.inline(question.question, page)}", ""]
            lines += [f"- **{html_text(o.id)}.** {r.inline(o.text, page)}" for o in question.options]
            lines.append("")
        lines += [f"## {r.inline(m.exercise.title, page)}", "", _demote(r.md(m.exercise.instructions, page)), "",
                  f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {r.inline(takeaway, page)}" for takeaway in m.takeaways]
        lines += ["", f"## {t(lang, 'sources')}", ""] + self.source_lines()
        lines += ["", f'## {t(lang, "answer_key")} {{ .rm-answer-key }}', ""]
        for number, question in enumerate(m.quiz, 1):
            lines += [f"### {t(lang, 'quiz_question_label', n=number)}", ""] + self.answers(question, page, opened=True)
        # the lessons are already in the search index on their own pages
        r.add(page, t(lang, "print_title", title=self.title), "\n".join(lines),
              t(lang, "print_description", title=self.title), {"print": True, "search": {"exclude": True}})

    # --- the mentor guide ------------------------------------------------------------------------

    def mentor_guide_page(self) -> None:
        guide, module, r, lang = self.m.mentor_guide, self.module, self.r, self.lang
        page = mentor_page(module)
        if guide is None or not module.mentor_guide:
            return
        document = r.document(module.mentor_guide, page)
        lines = [f"{t(lang, 'module_link')}{colon(lang)} [{r.inline(self.m.title, page)}]"
                 f"({link(page, self.base + '/index.md')})", "",
                 f"**{t(lang, 'session')}{colon(lang)}** {t(lang, 'minutes', n=guide.session_minutes)}", "",
                 f"## {t(lang, 'preparation')}", "", '<ul class="rm-checklist" markdown>']
        lines += [f'<li markdown="span">{r.inline(item, page)}</li>' for item in guide.preparation]
        lines += ["</ul>", "", f"## {t(lang, 'agenda')}", "",
                  f"| {t(lang, 'start')} | {t(lang, 'time')} | {t(lang, 'activity')} |", "|---|---|---|"]
        start = 0
        for item in guide.agenda:
            activity = r.inline(item.activity, page).replace("|", "\\|")
            lines.append(f"| {start // 60}:{start % 60:02d} | {item.minutes} min | {activity} |")
            start += item.minutes
        lines += ["", r.links.rewrite(document, document.body, page)]
        if r.cur.tools:
            lines += ["", f"## {t(lang, 'tools')} {{ #programme-tools }}", "", t(lang, "tools_for_mentors"), ""]
            lines += [f"- [{r.inline(tool.model.title, page)}]({link(page, tool_page(tool))})" for tool in r.cur.tools]
            lines.append(f"- [{t(lang, 'self_assessment_sheet')}]({link(page, 'self-assessment.md')})")
        title = document.title or t(lang, "mentor_guide")
        r.add(page, plain(title, None), "\n".join(lines),
              t(lang, "mentor_description", n=guide.session_minutes, title=self.title), {"print": True},
              heading=markdown_inline(title))


def _demote(markdown: str) -> str:
    """Headings one level down, so lessons nest under the printable page's sections."""
    return re.sub(r"^(#{1,5}) ", r"#\1 ", markdown, flags=re.M)

