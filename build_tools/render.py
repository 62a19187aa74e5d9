"""Render: the curriculum becomes one plain Markdown tree per language, plus its navigation.

The tree is a value (path -> content) so it can be tested without a site generator; `write_tree`
puts it on disk, rewriting a file only when its content changed so live reload stays calm.
"""
from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES
from .i18n import competence, long_date, t
from .model import Curriculum, Document, LoadedModule, Text

NavItem = "str | dict[str, list[NavItem] | str]"


@dataclass
class SiteTree:
    lang: str
    pages: dict[str, str] = field(default_factory=dict)  # "modules/x/index.md" -> Markdown
    nav: list = field(default_factory=list)  # MkDocs nav, titles in this language
    untranslated: list[str] = field(default_factory=list)  # pages shown in the other language
    files: dict[str, bytes] = field(default_factory=dict)  # images beside notebook pages


def module_dir(module: LoadedModule) -> str:
    return f"modules/{module.id}"


def mentor_page(module: LoadedModule) -> str:
    return f"mentors/{module.id}.md"


def link(source: str, target: str) -> str:
    """A relative Markdown link from page `source` to page `target` (anchors kept)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def indent(text: str, spaces: int = 4) -> str:
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.strip().splitlines())


class _Renderer:
    def __init__(self, cur: Curriculum, lang: str, notebook_pages: dict | None = None) -> None:
        self.cur = cur
        self.lang = lang
        self.notebook_pages = notebook_pages or {}
        self.tree = SiteTree(lang)

    def text(self, value: Text, page: str) -> str:
        if not value.get(self.lang) and page not in self.tree.untranslated:
            self.tree.untranslated.append(page)
        return value.best(self.lang).strip()

    def document(self, documents: dict[str, Document], page: str) -> Document:
        if self.lang not in documents:
            if page not in self.tree.untranslated:
                self.tree.untranslated.append(page)
            return next(iter(documents.values()))
        return documents[self.lang]

    def notice(self, page: str) -> str:
        return f'!!! note ""\n    {t(self.lang, "untranslated")}\n\n' if page in self.tree.untranslated else ""

    def add(self, page: str, body: str, title: str | None = None) -> None:
        head = f"---\ntitle: {_yaml_string(title)}\n---\n\n" if title else ""
        self.tree.pages[page] = head + self.notice(page) + body.strip() + "\n"

    # --- pages --------------------------------------------------------------------------------

    def render(self) -> SiteTree:
        lang = self.lang
        tracks_nav = ["paths/index.md"]
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            track_nav: list = [f"paths/{track.id}.md"]
            for module in modules:
                track_nav.append({self.text(module.model.title, ""): self.module(module)})
            self.track_page(track, modules)
            tracks_nav.append({track.title.best(lang): track_nav})
        self.paths_page()
        mentors_nav = ["mentors/index.md"] + [self.mentor_guide(m) for m in self.ordered_modules()]
        self.mentors_index()
        self.glossary_page()
        home = self.home_page()
        self.tree.nav = [{t(lang, "home"): home}, {t(lang, "paths"): tracks_nav},
                         {t(lang, "mentor_guides"): mentors_nav}, {t(lang, "glossary"): "glossary.md"}]
        for name, document in sorted(self.cur.docs.get(lang, {}).items()):
            if name != "index":
                self.tree.pages[f"{name}.md"] = document.text
                self.tree.nav.append({document.title or name: f"{name}.md"})
        return self.tree

    def ordered_modules(self) -> list[LoadedModule]:
        return [m for track in self.cur.tracks for m in self.cur.track_modules(track.id)]

    def home_page(self) -> str:
        page = "index.md"
        intro = self.cur.docs.get(self.lang, {}).get("index")
        lines = [intro.text.strip() if intro else f"# {t(self.lang, 'home')}", "", f"## {t(self.lang, 'paths')}", ""]
        for track in self.cur.tracks:
            lines.append(f"- [{track.title.best(self.lang)}]({link(page, f'paths/{track.id}.md')}): "
                         f"{track.summary.best(self.lang).strip()}")
        self.tree.pages[page] = "\n".join(lines) + "\n"
        return page

    def paths_page(self) -> None:
        page = "paths/index.md"
        lines = [f"# {t(self.lang, 'paths')}", "", t(self.lang, "paths_intro"), ""]
        for track in self.cur.tracks:
            lines += [f"## [{track.title.best(self.lang)}]({link(page, f'paths/{track.id}.md')})", "",
                      track.summary.best(self.lang).strip(), ""]
            for module in self.cur.track_modules(track.id):
                lines.append(f"1. [{self.text(module.model.title, page)}]"
                             f"({link(page, module_dir(module) + '/index.md')})")
            lines.append("")
        self.add(page, "\n".join(lines))

    def track_page(self, track, modules: list[LoadedModule]) -> None:
        page = f"paths/{track.id}.md"
        lines = [f"# {self.text(track.title, page)}", "", self.text(track.summary, page), "",
                 f"## {t(self.lang, 'modules')}", ""]
        for number, module in enumerate(modules, 1):
            m = module.model
            lines += [f"### {number}. [{self.text(m.title, page)}]({link(page, module_dir(module) + '/index.md')})", "",
                      self.text(m.summary, page), "",
                      f"*{t(self.lang, m.level)} · {t(self.lang, 'minutes', n=m.duration_minutes)}*", ""]
        self.add(page, "\n".join(lines))

    def module(self, module: LoadedModule) -> list:
        """Writes the module's pages and returns its navigation."""
        base = module_dir(module)
        nav = [f"{base}/index.md"]
        for lesson in module.lessons:
            page = f"{base}/{lesson.slug}.md"
            document = self.document(lesson.documents, page)
            if lesson.notebook is not None:
                converted = self.notebook_pages[(lesson.notebook.path, self.lang)]
                document = Document(lesson.notebook.path, converted.markdown)
                for name, data in converted.images.items():
                    self.tree.files[f"{base}/{name}"] = data
            facts = (f"*{t(self.lang, 'read_minutes', n=document.reading_minutes)} · "
                     f"{t(self.lang, 'last_reviewed')} : " if self.lang == "fr" else
                     f"*{t(self.lang, 'read_minutes', n=document.reading_minutes)} · {t(self.lang, 'last_reviewed')}: ")
            facts += f"{long_date(self.lang, module.model.last_reviewed)}*"
            self.add(page, f"# {document.title}\n\n{facts}\n\n{document.body}")
            nav.append(page)
        self.quiz(module)
        self.practice(module)
        self.overview(module)
        return nav + [f"{base}/quiz.md", f"{base}/practice.md"]

    def overview(self, module: LoadedModule) -> None:
        m, lang = module.model, self.lang
        page = f"{module_dir(module)}/index.md"
        colon = " :" if lang == "fr" else ":"
        prerequisites = [self.cur.module(p) for p in m.prerequisites]
        prerequisite_links = ", ".join(f"[{self.text(p.model.title, page)}]({link(page, module_dir(p) + '/index.md')})"
                                       for p in prerequisites if p) or t(lang, "none")
        lines = [f"# {self.text(m.title, page)}", "", self.text(m.summary, page), "",
                 f"| | |", "|---|---|",
                 f"| {t(lang, 'level')} | {t(lang, m.level)} |",
                 f"| {t(lang, 'time')} | {t(lang, 'minutes', n=m.duration_minutes)} |",
                 f"| {t(lang, 'prerequisites')} | {prerequisite_links} |",
                 f"| {t(lang, 'competences')} | {'<br>'.join(competence(lang, c) for c in m.competences)} |",
                 f"| {t(lang, 'last_reviewed')} | {long_date(lang, m.last_reviewed)} |", "",
                 f"## {t(lang, 'objectives')}", ""]
        lines += [f"- {self.text(o.text, page)}" for o in m.objectives]
        lines += ["", f"## {t(lang, 'lessons')}", ""]
        for lesson in module.lessons:
            document = lesson.document(lang)
            lines.append(f"1. [{document.title}]({lesson.slug}.md) "
                         f"({t(lang, 'read_minutes', n=document.reading_minutes)})")
        lines.append(f"1. [{t(lang, 'quiz')}](quiz.md)")
        lines.append(f"1. [{self.text(m.exercise.title, page)}](practice.md)")
        if m.glossary:
            lines += ["", f"## {t(lang, 'terms')}", ""]
            for term_id in m.glossary:
                entry = self.cur.glossary.get(term_id)
                if entry:
                    lines.append(f"- [{entry.term.best(lang)}]({link(page, 'glossary.md#' + term_id)})")
        lines += ["", f"## {t(lang, 'sources')}", ""]
        lines += [f"- {s.publisher}, *{s.title}*, {s.year}. <{s.url}>" for s in m.sources]
        if m.mentor_guide:
            lines += ["", f"## {t(lang, 'for_mentor')}", "",
                      f"[{t(lang, 'mentor_guide_link')}]({link(page, mentor_page(module))})"]
        self.add(page, "\n".join(lines), title=None)
        del colon

    def quiz(self, module: LoadedModule) -> None:
        m, lang = module.model, self.lang
        page = f"{module_dir(module)}/quiz.md"
        lines = [f"# {t(lang, 'quiz')} : {self.text(m.title, page)}" if lang == "fr"
                 else f"# {t(lang, 'quiz')}: {self.text(m.title, page)}", "", t(lang, "quiz_intro"), ""]
        for number, question in enumerate(m.quiz, 1):
            lines += [f"## {t(lang, 'question', n=number)}", "", self.text(question.question, page), ""]
            lines += [f"- **{o.id}.** {self.text(o.text, page)}" for o in question.options]
            right = ", ".join(question.answer)
            details = [f"**{t(lang, 'right_answer')}{' :' if lang == 'fr' else ':'} {right}**", ""]
            for option in question.options:
                verdict = t(lang, "right") if option.id in question.answer else t(lang, "wrong")
                explanation = self.text(option.explanation, page) if option.explanation else ""
                details.append(f"- **{option.id}.** *{verdict}.* {explanation}")
            lines += ["", f'??? question "{t(lang, "answer")}"', "", indent("\n".join(details)), ""]
        self.add(page, "\n".join(lines))

    def practice(self, module: LoadedModule) -> None:
        m, lang = module.model, self.lang
        page = f"{module_dir(module)}/practice.md"
        lines = [f"# {self.text(m.exercise.title, page)}", "", self.text(m.exercise.instructions, page), "",
                 f"## {t(lang, 'takeaways')}", ""]
        lines += [f"- {self.text(takeaway, page)}" for takeaway in m.takeaways]
        self.add(page, "\n".join(lines), title=None)

    def mentor_guide(self, module: LoadedModule) -> str:
        page = mentor_page(module)
        guide, lang = module.model.mentor_guide, self.lang
        if guide is None or not module.mentor_guide:
            return page
        document = self.document(module.mentor_guide, page)
        colon = " :" if lang == "fr" else ":"
        lines = [f"# {document.title}", "",
                 f"{t(lang, 'module_link')}{colon} [{self.text(module.model.title, page)}]"
                 f"({link(page, module_dir(module) + '/index.md')})", "",
                 f"**{t(lang, 'session')}{colon}** {t(lang, 'minutes', n=guide.session_minutes)}", "",
                 f"## {t(lang, 'preparation')}", ""]
        lines += [f"- [ ] {self.text(item, page)}" for item in guide.preparation]
        lines += ["", f"## {t(lang, 'agenda')}", "",
                  f"| {t(lang, 'start')} | {t(lang, 'time')} | {t(lang, 'activity')} |", "|---|---|---|"]
        start = 0
        for item in guide.agenda:
            lines.append(f"| {start // 60}:{start % 60:02d} | {item.minutes} min | {self.text(item.activity, page)} |")
            start += item.minutes
        lines += ["", document.body]
        self.add(page, "\n".join(lines))
        return page

    def mentors_index(self) -> None:
        page = "mentors/index.md"
        lines = [f"# {t(self.lang, 'mentor_guides')}", "", t(self.lang, "mentors_intro"), ""]
        for track in self.cur.tracks:
            modules = [m for m in self.cur.track_modules(track.id) if m.model.mentor_guide and m.mentor_guide]
            if modules:
                lines += [f"## {track.title.best(self.lang)}", ""]
                lines += [f"- [{self.text(m.model.title, page)}]({link(page, mentor_page(m))})" for m in modules]
                lines.append("")
        self.add(page, "\n".join(lines))

    def glossary_page(self) -> None:
        page, lang = "glossary.md", self.lang
        users: dict[str, list[LoadedModule]] = {}
        for module in self.ordered_modules():
            for term in module.model.glossary:
                users.setdefault(term, []).append(module)
        lines = [f"# {t(lang, 'glossary')}", "", t(lang, "glossary_intro"), ""]
        colon = " :" if lang == "fr" else ":"
        for term_id, entry in sorted(self.cur.glossary.items(), key=lambda item: item[1].term.best(lang).casefold()):
            lines += [f"## {self.text(entry.term, page)} {{#{term_id}}}", "", self.text(entry.definition, page), ""]
            if term_id in users:
                used = ", ".join(f"[{self.text(m.model.title, page)}]({link(page, module_dir(m) + '/index.md')})"
                                 for m in users[term_id])
                lines += [f"*{t(lang, 'used_in')}{colon}* {used}", ""]
        self.add(page, "\n".join(lines))


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_site(cur: Curriculum, notebook_pages: dict | None = None) -> dict[str, SiteTree]:
    """One tree per language; `notebook_pages` maps (notebook path, lang) to its converted page."""
    return {lang: _Renderer(cur, lang, notebook_pages).render() for lang in LANGUAGES}


def write_tree(tree: SiteTree, destination: Path, assets: Path | None = None) -> int:
    """Writes the tree under `destination`; returns how many files changed. Stale files go."""
    wanted: dict[Path, bytes] = {destination / page: text.encode("utf-8") for page, text in tree.pages.items()}
    wanted.update({destination / name: data for name, data in tree.files.items()})
    if assets and assets.is_dir():
        for file in assets.rglob("*"):
            if file.is_file():
                wanted[destination / "assets" / file.relative_to(assets)] = file.read_bytes()
    changed = 0
    for path, content in wanted.items():
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            changed += 1
    if destination.is_dir():
        for path in sorted(destination.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def clear(destination: Path) -> None:
    shutil.rmtree(destination, ignore_errors=True)
