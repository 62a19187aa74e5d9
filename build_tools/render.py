"""Render: the curriculum becomes one plain Markdown tree per language, plus its navigation.

The tree is a value (path -> content) so it can be tested without a site generator; `write_tree`
puts it on disk, rewriting a file only when its content changed so live reload stays calm.
Site-wide pages are here; a module's pages are in render_module.py.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import LANGUAGES
from .i18n import t
from .model import Curriculum, Document, LoadedModule, Text


@dataclass
class SiteTree:
    lang: str
    pages: dict[str, str] = field(default_factory=dict)  # "modules/x/index.md" -> Markdown
    nav: list = field(default_factory=list)  # MkDocs nav, titles in this language
    untranslated: list[str] = field(default_factory=list)  # pages shown in the other language
    files: dict[str, bytes] = field(default_factory=dict)  # images beside notebook pages
    abbreviations: str = ""  # glossary terms as Markdown abbreviations, for tooltips


def module_dir(module: LoadedModule) -> str:
    return f"modules/{module.id}"


def mentor_page(module: LoadedModule) -> str:
    return f"mentors/{module.id}.md"


def link(source: str, target: str) -> str:
    """A relative Markdown link from page `source` to page `target` (anchors kept)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def plain(markdown: str, limit: int = 160) -> str:
    """Markdown reduced to one line of plain text, cut at a word, for meta descriptions."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|]|^!!!.*$|^\s*[-\d]+\.?\s", " ", text, flags=re.M)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Renderer:
    """Renders one language. Pages record when they fall back to the other language."""

    def __init__(self, cur: Curriculum, lang: str, notebook_pages: dict | None = None) -> None:
        self.cur = cur
        self.lang = lang
        self.notebook_pages = notebook_pages or {}
        self.tree = SiteTree(lang)

    # --- helpers used by every page -------------------------------------------------------------

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

    def add(self, page: str, body: str, meta: dict | None = None) -> None:
        """Adds a page; `meta` becomes its front matter (description, schema type...)."""
        head = ""
        if meta:
            head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
        notice = (f'!!! note ""\n    {t(self.lang, "untranslated")}\n\n' if page in self.tree.untranslated else "")
        self.tree.pages[page] = head + notice + body.strip() + "\n"

    def ordered_modules(self) -> list[LoadedModule]:
        return [m for track in self.cur.tracks for m in self.cur.track_modules(track.id)]

    # --- the whole site ----------------------------------------------------------------------------

    def render(self) -> SiteTree:
        from .render_module import ModulePages

        lang = self.lang
        tracks_nav: list = ["paths/index.md"]
        for track in self.cur.tracks:
            modules = self.cur.track_modules(track.id)
            track_nav: list = [f"paths/{track.id}/index.md"]
            for module in modules:
                track_nav.append({self.text(module.model.title, ""): ModulePages(self, module).render()})
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
                      f"*{t(self.lang, m.level)} · {t(self.lang, 'minutes', n=m.duration_minutes)}* "
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

    def abbreviations(self) -> str:
        """`*[Term]: definition` for every glossary term, so lessons show it as a tooltip."""
        lines = []
        for entry in self.cur.glossary.values():
            definition = plain(entry.definition.best(self.lang), limit=300).replace("]", ")")
            for form in surface_forms(entry.term.best(self.lang)):
                lines.append(f"*[{form}]: {definition}")
        return "\n".join(sorted(set(lines))) + "\n"

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


def render_site(cur: Curriculum, notebook_pages: dict | None = None) -> dict[str, SiteTree]:
    """One tree per language; `notebook_pages` maps (notebook path, lang) to its converted page."""
    return {lang: Renderer(cur, lang, notebook_pages).render() for lang in LANGUAGES}


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

