"""The pages of one language that do not belong to a module (home, paths, glossary, progress,
self-assessment, tools, hand-written pages) and the navigation. A module's own pages are in
module_pages.py. Every author's text goes through the renderer's `md`/`inline`/`label`."""
from __future__ import annotations

import re

from ..sources.model import LoadedModule, LoadedTool, Track
from .editorial_status import editorial_status_page
from .glossary import GlossaryPages
from .i18n import colon, t
from .module_pages import ModulePages
from .paths import OFFLINE_DOWNLOAD, link, mentor_page, module_dir, tool_page
from .renderer import Renderer
from .text import attribute, html_text, markdown_inline, plain
from .tree import SiteTree

SELF_ASSESSMENT_PRINT_PAGES = 2  # the questionnaire as a printed tool (checked by a print test)


class SitePages:
    def __init__(self, renderer: Renderer) -> None:
        self.r = renderer
        self.cur = renderer.cur
        self.lang = renderer.lang
        self.tree = renderer.tree

    def render(self) -> SiteTree:
        r, lang = self.r, self.lang
        tracks_nav: list = [{r.label(t(lang, "paths")): "paths/index.md"}]
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            track_nav: list = [f"paths/{track.id}/index.md"]
            for module in modules:
                track_nav.append({r.label(r.text(module.model.title, "")): ModulePages(r, module).render()})
            self.track_page(track, modules)
            tracks_nav.append({r.label(track.title.best(lang)): track_nav})
        self.paths_page()
        mentors_nav = ["mentors/index.md"] + [mentor_page(m) for m in r.ordered_modules()
                                             if m.model.mentor_guide and m.mentor_guide]
        self.mentors_index()
        tools_nav = ["tools/index.md"] + [tool_page(tool) for tool in self.cur.tools]
        self.tools_pages()
        GlossaryPages(self.r).render()
        self.progress_page()
        self.self_assessment_page()
        self.home_page()
        self.tree.abbreviations = self.abbreviations()
        self.tree.nav = [{r.label(t(lang, "home")): "index.md"},
                         {r.label(t(lang, "self_assessment")): "self-assessment.md"},
                         {r.label(t(lang, "paths")): tracks_nav},
                         {r.label(t(lang, "mentor_guides")): mentors_nav}]
        if self.cur.tools:
            self.tree.nav.append({r.label(t(lang, "tools")): tools_nav})
        self.tree.nav += [{r.label(t(lang, "glossary")): "glossary.md"}, {r.label(t(lang, "progress")): "progress.md"}]
        for name, document in sorted(self.cur.docs.get(lang, {}).items()):
            if name != "index":
                first = next((p for p in document.body.split("\n\n") if p.strip() and not p.startswith("#")), "")
                title = document.title or name
                body = r.links.rewrite(document, document.body, f"{name}.md")
                r.add(f"{name}.md", plain(title, None), body, plain(first), heading=markdown_inline(title))
                self.tree.nav.append({r.label(plain(title, None)): f"{name}.md"})
        self.tree.nav.append(editorial_status_page(self.r))
        return self.tree

    # --- home and paths ----------------------------------------------------------------------------

    def home_page(self) -> None:
        page, r, lang = "index.md", self.r, self.lang
        intro = self.cur.docs.get(lang, {}).get("index")
        title = (intro.title if intro and intro.title else t(lang, "home"))
        lines = [r.links.rewrite(intro, intro.body, page).strip() if intro else "", "",
                 # the script offers "resume where I left off": the last module page the reader opened
                 f'<div class="rm-resume" data-label="{attribute(t(lang, "resume_label"))}" hidden></div>', "",
                 f"## {t(lang, 'paths')}", ""]
        for track in self.cur.tracks:
            lines.append(f"- [{r.inline(track.title, page)}]({link(page, f'paths/{track.id}/index.md')}){colon(lang)} "
                         f"{r.inline(track.summary, page)}")
        lines += ["", f"[{t(lang, 'self_assessment')}]({link(page, 'self-assessment.md')}){{ .md-button }}", "",
                  # raw HTML: the zip is added beside the language folders after MkDocs has checked the links
                  f'<p class="rm-offline"><a href="../{OFFLINE_DOWNLOAD}" download>'
                  f"{html_text(t(lang, 'offline'))}</a></p>"]
        r.add(page, plain(title, None), "\n".join(lines), t(lang, "home_description"),
              heading=markdown_inline(title))

    def paths_page(self) -> None:
        page, r = "paths/index.md", self.r
        lines = [t(self.lang, "paths_intro"), ""]
        for track in self.cur.tracks:
            lines += [f"## [{r.inline(track.title, page)}]({link(page, f'paths/{track.id}/index.md')})", "",
                      r.md(track.summary, page), ""]
            for module in self.cur.track_modules(track.id):
                lines.append(f"1. [{r.inline(module.model.title, page)}]"
                             f"({link(page, module_dir(module) + '/index.md')}) {progress_mark(module)}")
            lines.append("")
        r.add(page, t(self.lang, "paths"), "\n".join(lines), t(self.lang, "paths_intro"))

    def track_page(self, track: Track, modules: list[LoadedModule]) -> None:
        page, r, lang = f"paths/{track.id}/index.md", self.r, self.lang
        lines = [r.md(track.summary, page), "", f"## {t(lang, 'modules')}", ""]
        for number, module in enumerate(modules, 1):
            m = module.model
            lines += [f"### {number}. [{r.inline(m.title, page)}]({link(page, module_dir(module) + '/index.md')})",
                      "", r.md(m.summary, page), "",
                      f"*{t(lang, m.level)} · {t(lang, 'minutes', n=module.minutes(lang))}* {progress_mark(module)}", ""]
        tools = [tool for tool in self.cur.tools if tool.model.track == track.id]
        if tools:
            lines += [f"## {t(lang, 'tools')}", "", t(lang, "tools_intro"), ""]
            lines += [self.tool_item(page, tool) for tool in tools]
        r.add(page, r.text(track.title, page), "\n".join(lines), r.text(track.summary, page))

    # --- mentors and tools -------------------------------------------------------------------------

    def mentors_index(self) -> None:
        page, r = "mentors/index.md", self.r
        lines = [t(self.lang, "mentors_intro"), ""]
        for track in self.cur.tracks:
            modules = [m for m in self.cur.track_modules(track.id) if m.model.mentor_guide and m.mentor_guide]
            if modules:
                lines += [f"## {r.inline(track.title, page)}", ""]
                lines += [f"- [{r.inline(m.model.title, page)}]({link(page, mentor_page(m))})" for m in modules]
                lines.append("")
        if self.cur.tools:
            lines += [f"## {t(self.lang, 'tools')}", "", f"[{t(self.lang, 'tools_intro')}]({link(page, 'tools/index.md')})"]
        r.add(page, t(self.lang, "mentor_guides"), "\n".join(lines), t(self.lang, "mentors_intro"))

    def tool_item(self, page: str, tool: LoadedTool) -> str:
        r = self.r
        return (f"- [{r.inline(tool.model.title, page)}]({link(page, tool_page(tool))}){colon(self.lang)} "
                f"{r.inline(tool.model.summary, page)} *({t(self.lang, 'prints_on', n=tool.model.print_pages)})*")

    def tools_pages(self) -> None:
        if not self.cur.tools:
            return
        r, lang = self.r, self.lang
        page = "tools/index.md"
        lines = [t(lang, "tools_intro"), ""] + [self.tool_item(page, tool) for tool in self.cur.tools]
        lines.append(f"- [{t(lang, 'self_assessment_sheet')}]({link(page, 'self-assessment.md')}){colon(lang)} "
                     f"{t(lang, 'self_assessment_sheet_summary')} "
                     f"*({t(lang, 'prints_on', n=SELF_ASSESSMENT_PRINT_PAGES)})*")
        r.add(page, t(lang, "tools"), "\n".join(lines), t(lang, "tools_description"))
        for tool in self.cur.tools:
            page = tool_page(tool)
            document = r.document(tool.documents, page)
            body = (f'<p class="rm-print-note">{html_text(t(lang, "prints_on", n=tool.model.print_pages))}</p>\n\n'
                    f'<div class="rm-sheet" markdown>\n\n{r.links.rewrite(document, document.body, page)}\n\n</div>')
            r.add(page, plain(document.title or r.text(tool.model.title, page), None), body,
                  r.text(tool.model.summary, page), {"print": True, "print_pages": tool.model.print_pages},
                  heading=markdown_inline(document.title or r.text(tool.model.title, page)))

    # --- glossary ----------------------------------------------------------------------------------

    def abbreviations(self) -> dict[str, str]:
        """Each way a glossary term is written -> its definition, so lessons show it as a tooltip
        (Markdown's `abbr` extension takes them as its `glossary`). When two terms share a form,
        the later definition in sorted order wins, as it did with `*[Term]: ...` lines."""
        pairs = set()
        for entry in self.cur.glossary.values():
            definition = plain(entry.definition.best(self.lang), limit=300)
            pairs.update((form, definition) for form in surface_forms(entry.term.best(self.lang)))
        return dict(sorted(pairs))

    # --- pages the browser script brings to life -----------------------------------------------------

    def scripted_page_intro(self, intro: str, opening_tag: str) -> list[str]:
        """The top of a page that the script brings to life, with a note for readers without it."""
        return [t(self.lang, intro), "", opening_tag, "",
                f'<p class="rm-needs-js">{html_text(t(self.lang, "needs_js"))}</p>', ""]

    def progress_page(self) -> None:
        page, lang, r = "progress.md", self.lang, self.r
        lines = self.scripted_page_intro("progress_intro", f'<div class="rm-progress" data-lang="{lang}" markdown>')
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            if modules:
                lines += [f"## {r.inline(track.title, page)}", ""]
                lines += [f"- [{r.inline(m.model.title, page)}]({link(page, module_dir(m) + '/index.md')}) "
                          f"{progress_mark(m)}" for m in modules]
                lines.append("")
        # The script puts the export, import and share tools here, after the lists: inserted above
        # them, they pushed the lists down once the page had painted (a layout shift).
        lines += [f"## {html_text(t(lang, 'progress_manage'))}", "", '<div class="rm-progress__manage"></div>', "",
                  "</div>", ""]
        r.add(page, t(lang, "progress"), "\n".join(lines), t(lang, "progress_description"))

    def assessment_track_head(self, page: str, track: Track) -> list[str]:
        """A track's fieldset opening: the script suggests only a track with a published module, and
        names its first module (data-first-module, and the link beside the track's)."""
        lang, r = self.lang, self.r
        modules = self.cur.track_modules(track.id)
        path = f"[{r.inline(track.title, page)}]({link(page, f'paths/{track.id}/index.md')})"
        if modules:
            first = modules[0].model.title
            attributes = f'data-published="true" data-first-module="{attribute(r.text(first, page))}"'
            path += (f" · {t(lang, 'assessment_first_module')}{colon(lang)} "
                     f"[{r.inline(first, page)}]({link(page, module_dir(modules[0]) + '/index.md')}){{ .rm-assessment__first }}")
        else:
            attributes = 'data-published="false"'
            path += f" ({t(lang, 'assessment_no_module')})"
        return [f'<fieldset class="rm-assessment__track" data-track="{attribute(track.id)}" {attributes} markdown>',
                f'<legend markdown="span">{r.inline(track.title, page)}</legend>',
                f'<p class="rm-assessment__path" markdown="span">{path}</p>']

    def self_assessment_page(self) -> None:
        page, lang, r = "self-assessment.md", self.lang, self.r
        lines = self.scripted_page_intro("self_assessment_intro",
                                         f'<form class="rm-assessment" data-lang="{lang}" markdown>')
        for track in self.cur.tracks:
            if not track.self_assessment:
                continue
            lines += self.assessment_track_head(page, track)
            for number, statement in enumerate(track.self_assessment, 1):
                name = attribute(f"{track.id}-{number}")
                lines.append(f'<div class="rm-assessment__item" role="radiogroup" aria-labelledby="{name}-label" markdown>')
                lines.append(f'<p id="{name}-label" markdown="span">{r.inline(statement, page)}</p>')
                lines.append('<p class="rm-assessment__scale">' + " ".join(
                    f'<label><input type="radio" name="{name}" value="{score}"> {score}</label>' for score in range(1, 5))
                    + "</p>")
                lines.append("</div>")
            lines += ["</fieldset>", ""]
        lines += [f'<p class="rm-assessment__legend">{html_text(t(lang, "scale"))}</p>',
                  '<div class="rm-assessment__result" role="status" aria-live="polite"></div>', "</form>", ""]
        r.add(page, t(lang, "self_assessment"), "\n".join(lines), t(lang, "self_assessment_description"),
              {"print": True, "print_pages": SELF_ASSESSMENT_PRINT_PAGES})


def progress_mark(module: LoadedModule) -> str:
    """An empty span that the browser fills with what the reader has done in this module."""
    lessons = " ".join(f"{module.id}/{lesson.slug}" for lesson in module.lessons)
    return f'<span class="rm-module-progress" data-module="{attribute(module.id)}" data-lessons="{attribute(lessons)}"></span>'


def surface_forms(term: str) -> list[str]:
    """How lessons write a term: 'Click-through rate (CTR)' is written in full or 'CTR'. Only an
    acronym in parentheses counts: '(product as a service)' explains, it is not a way of writing it."""
    match = re.match(r"^(.*?)\s*\((.+)\)\s*$", term)
    forms = [match.group(1), match.group(2)] if match and _ACRONYM.match(match.group(2)) else [match.group(1) if match else term]
    return [form.strip() for form in forms if len(form.strip()) > 2]


_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&-]{1,7}$")

