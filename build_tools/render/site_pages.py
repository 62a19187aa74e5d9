"""The site-wide pages of one language (home, paths, glossary, progress...) and the renderer
that every page goes through. A module's own pages are in module_pages.py."""
from __future__ import annotations

import html
import re

from ..sources.model import LoadedModule
from .i18n import t
from .module_pages import ModulePages
from .paths import link, mentor_page, module_dir
from .renderer import Renderer
from .text import plain
from .tree import SiteTree


class SitePages:
    """The pages of one language that do not belong to a module, and the navigation."""

    def __init__(self, renderer: Renderer) -> None:
        self.r = renderer
        self.cur = renderer.cur
        self.lang = renderer.lang
        self.tree = renderer.tree

    def text(self, value, page: str) -> str:
        return self.r.text(value, page)

    def add(self, page: str, body: str, meta: dict | None = None) -> None:
        self.r.add(page, body, meta)

    def ordered_modules(self):
        return self.r.ordered_modules()

    def render(self) -> SiteTree:
        lang = self.lang
        tracks_nav: list = ["paths/index.md"]
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            track_nav: list = [f"paths/{track.id}/index.md"]
            for module in modules:
                track_nav.append({self.text(module.model.title, ""): ModulePages(self.r, module).render()})
            self.track_page(track, modules)
            tracks_nav.append({track.title.best(lang): track_nav})
        self.paths_page()
        mentors_nav = ["mentors/index.md"] + [mentor_page(m) for m in self.ordered_modules()
                                             if m.model.mentor_guide and m.mentor_guide]
        self.mentors_index()
        self.glossary_page()
        self.progress_page()
        self.self_assessment_page()
        self.home_page()
        self.tree.abbreviations = self.abbreviations()
        self.tree.nav = [{t(lang, "home"): "index.md"}, {t(lang, "self_assessment"): "self-assessment.md"},
                         {t(lang, "paths"): tracks_nav}, {t(lang, "mentor_guides"): mentors_nav},
                         {t(lang, "glossary"): "glossary.md"}, {t(lang, "progress"): "progress.md"}]
        for name, document in sorted(self.cur.docs.get(lang, {}).items()):
            if name != "index":
                first = next((p for p in document.body.split("\n\n") if p.strip() and not p.startswith("#")), "")
                self.add(f"{name}.md", document.text, {"description": plain(first)})
                self.tree.nav.append({document.title or name: f"{name}.md"})
        return self.tree

    def home_page(self) -> None:
        page = "index.md"
        intro = self.cur.docs.get(self.lang, {}).get("index")
        lines = [intro.text.strip() if intro else f"# {t(self.lang, 'home')}", "",
                 f"## {t(self.lang, 'paths')}", ""]
        for track in self.cur.tracks:
            lines.append(f"- [{track.title.best(self.lang)}]({link(page, f'paths/{track.id}/index.md')}): "
                         f"{track.summary.best(self.lang).strip()}")
        lines += ["", f"[{t(self.lang, 'self_assessment')}]({link(page, 'self-assessment.md')}){{ .md-button }}", "",
                  # raw HTML: the zip is added beside the site after MkDocs has checked the links
                  f'<p class="rm-offline"><a href="downloads/curriculum-offline-{self.lang}.zip" download>'
                  f"{html.escape(t(self.lang, 'offline'))}</a></p>"]
        self.add(page, "\n".join(lines), {"description": t(self.lang, "home_description")})

    def paths_page(self) -> None:
        page = "paths/index.md"
        lines = [f"# {t(self.lang, 'paths')}", "", t(self.lang, "paths_intro"), ""]
        for track in self.cur.tracks:
            lines += [f"## [{track.title.best(self.lang)}]({link(page, f'paths/{track.id}/index.md')})", "",
                      track.summary.best(self.lang).strip(), ""]
            for module in self.cur.track_modules(track.id):
                lines.append(f"1. [{self.text(module.model.title, page)}]"
                             f"({link(page, module_dir(module) + '/index.md')}) {progress_mark(module)}")
            lines.append("")
        self.add(page, "\n".join(lines), {"description": plain(t(self.lang, "paths_intro"))})

    def track_page(self, track, modules: list[LoadedModule]) -> None:
        page = f"paths/{track.id}/index.md"
        lines = [f"# {self.text(track.title, page)}", "", self.text(track.summary, page), "",
                 f"## {t(self.lang, 'modules')}", ""]
        for number, module in enumerate(modules, 1):
            m = module.model
            lines += [f"### {number}. [{self.text(m.title, page)}]({link(page, module_dir(module) + '/index.md')})",
                      "", self.text(m.summary, page), "",
                      f"*{t(self.lang, m.level)} · {t(self.lang, 'minutes', n=module.minutes(self.lang))}* "
                      f"{progress_mark(module)}", ""]
        self.add(page, "\n".join(lines), {"description": plain(self.text(track.summary, page))})

    def mentors_index(self) -> None:
        page = "mentors/index.md"
        lines = [f"# {t(self.lang, 'mentor_guides')}", "", t(self.lang, "mentors_intro"), ""]
        for track in self.cur.tracks:
            modules = [m for m in self.cur.track_modules(track.id) if m.model.mentor_guide and m.mentor_guide]
            if modules:
                lines += [f"## {track.title.best(self.lang)}", ""]
                lines += [f"- [{self.text(m.model.title, page)}]({link(page, mentor_page(m))})" for m in modules]
                lines.append("")
        self.add(page, "\n".join(lines), {"description": plain(t(self.lang, "mentors_intro"))})

    def glossary_page(self) -> None:
        page, lang = "glossary.md", self.lang
        users: dict[str, list[LoadedModule]] = {}
        for module in self.ordered_modules():
            for term in module.model.glossary:
                users.setdefault(term, []).append(module)
        lines = [f"# {t(lang, 'glossary')}", "", t(lang, "glossary_intro"), ""]
        for term_id, entry in sorted(self.cur.glossary.items(), key=lambda item: item[1].term.best(lang).casefold()):
            lines += [f"## {self.text(entry.term, page)} {{#{term_id}}}", "", self.text(entry.definition, page), ""]
            if term_id in users:
                used = ", ".join(f"[{self.text(m.model.title, page)}]({link(page, module_dir(m) + '/index.md')})"
                                 for m in users[term_id])
                lines += [f"*{t(lang, 'used_in')}{' :' if lang == 'fr' else ':'}* {used}", ""]
        self.add(page, "\n".join(lines), {"description": plain(t(lang, "glossary_intro"))})

    def abbreviations(self) -> dict[str, str]:
        """Each way a glossary term is written -> its definition, so lessons show it as a tooltip
        (Markdown's `abbr` extension takes them as its `glossary`). When two terms share a form,
        the later definition in sorted order wins, as it did with `*[Term]: ...` lines."""
        pairs = set()
        for entry in self.cur.glossary.values():
            definition = plain(entry.definition.best(self.lang), limit=300)
            pairs.update((form, definition) for form in surface_forms(entry.term.best(self.lang)))
        return dict(sorted(pairs))

    def scripted_page_head(self, title: str, intro: str, opening_tag: str) -> list[str]:
        """The top of a page that the browser script brings to life, with a note for readers without it."""
        return [f"# {t(self.lang, title)}", "", t(self.lang, intro), "", opening_tag, "",
                f'<p class="rm-needs-js">{html.escape(t(self.lang, "needs_js"))}</p>', ""]

    def progress_page(self) -> None:
        page, lang = "progress.md", self.lang
        lines = self.scripted_page_head("progress", "progress_intro",
                                        f'<div class="rm-progress" data-lang="{lang}" markdown>')
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            if modules:
                lines += [f"## {track.title.best(lang)}", ""]
                lines += [f"- [{self.text(m.model.title, page)}]({link(page, module_dir(m) + '/index.md')}) "
                          f"{progress_mark(m)}" for m in modules]
                lines.append("")
        lines += ["</div>", ""]
        self.add(page, "\n".join(lines), {"description": t(lang, "progress_description")})

    def self_assessment_page(self) -> None:
        page, lang = "self-assessment.md", self.lang
        lines = self.scripted_page_head("self_assessment", "self_assessment_intro",
                                        f'<form class="rm-assessment" data-lang="{lang}" markdown>')
        for track in self.cur.tracks:
            if not track.self_assessment:
                continue
            href = link(page, f"paths/{track.id}/index.md")
            lines += [f'<fieldset class="rm-assessment__track" data-track="{track.id}" markdown>',
                      f"<legend>{html.escape(track.title.best(lang))}</legend>",
                      f'<p class="rm-assessment__path" markdown="span">[{track.title.best(lang)}]({href})</p>']
            for number, statement in enumerate(track.self_assessment, 1):
                name = f"{track.id}-{number}"
                lines.append(f'<div class="rm-assessment__item" role="radiogroup" aria-labelledby="{name}-label">')
                lines.append(f'<p id="{name}-label">{html.escape(self.text(statement, page))}</p>')
                lines.append('<p class="rm-assessment__scale">' + " ".join(
                    f'<label><input type="radio" name="{name}" value="{score}"> {score}</label>' for score in range(1, 5))
                    + "</p>")
                lines.append("</div>")
            lines += ["</fieldset>", ""]
        lines += [f'<p class="rm-assessment__legend">{html.escape(t(lang, "scale"))}</p>',
                  '<div class="rm-assessment__result" role="status" aria-live="polite"></div>', "</form>", ""]
        self.add(page, "\n".join(lines), {"description": t(lang, "self_assessment_description")})


def progress_mark(module: LoadedModule) -> str:
    """An empty span that the browser fills with what the reader has done in this module."""
    lessons = " ".join(f"{module.id}/{lesson.slug}" for lesson in module.lessons)
    return f'<span class="rm-module-progress" data-module="{module.id}" data-lessons="{lessons}"></span>'


def surface_forms(term: str) -> list[str]:
    """'Hashtag (mot-dièse)' is written 'Hashtag' or 'mot-dièse' in lessons."""
    match = re.match(r"^(.*?)\s*\((.+)\)\s*$", term)
    forms = [match.group(1), match.group(2)] if match else [term]
    return [form.strip() for form in forms if len(form.strip()) > 2]
