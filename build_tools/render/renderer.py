"""The renderer of one language: the helpers every page goes through (texts in the reader's
language, pages that fall back to the other language, titles and front matter)."""
from __future__ import annotations

import yaml

from ..sources.model import Curriculum, Document, LoadedModule, Text
from .i18n import t
from .glossary import term_pages
from .links import LinkRewriter
from .text import markdown_inline, markdown_text, meta_text
from .tree import SiteTree

# libyaml's writer when installed (the same text, eight times faster: a page's front matter was a
# fifth of a render at 200 modules), PyYAML's own otherwise
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Renderer:
    """Renders one language. Pages record when they fall back to the other language."""

    def __init__(self, cur: Curriculum, lang: str, notebook_pages: dict | None = None) -> None:
        self.cur = cur
        self.lang = lang
        self.notebook_pages = notebook_pages or {}
        self.tree = SiteTree(lang)
        self.glossary_pages = term_pages(cur, lang)  # term id -> the page that defines it
        self.links = LinkRewriter(cur, self.tree, self.glossary_pages)
        self._untranslated: set[str] = set()  # the same pages as tree.untranslated, for quick lookups

    # --- an author's texts, in the reader's language ---------------------------------------------

    def text(self, value: Text, page: str) -> str:
        """The raw text (for plain-text uses); `md` and `inline` are what goes into a page."""
        if not value.get(self.lang):
            self._mark_untranslated(page)
        return value.best(self.lang).strip()

    def md(self, value: Text, page: str) -> str:
        """A text as Markdown source that cannot open raw HTML."""
        return markdown_text(self.text(value, page))

    def inline(self, value: Text, page: str) -> str:
        """The same on one line, for a text inside an HTML element."""
        return markdown_inline(self.text(value, page))

    def label(self, text: str) -> str:
        """A navigation label or title, as the theme prints it (escaped, with typography)."""
        return meta_text(self.lang, text)

    def document(self, documents: dict[str, Document], page: str) -> Document:
        if self.lang not in documents:
            self._mark_untranslated(page)
            return next(iter(documents.values()))
        return documents[self.lang]

    def _mark_untranslated(self, page: str) -> None:
        if page not in self._untranslated:
            self._untranslated.add(page)
            self.tree.untranslated.append(page)

    # --- pages -------------------------------------------------------------------------------------

    def add(self, page: str, title: str, body: str, description: str, meta: dict | None = None,
            heading: str | None = None) -> None:
        """Adds a page: its `# heading` (the title, as Markdown, unless given), its body, and front
        matter with the title and description the theme and the social cards print."""
        front = dict(meta or {})
        front["title"] = self.label(title)
        front["description"] = self.label(description)
        head = "---\n" + yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
        notice = (f'!!! note ""\n    {t(self.lang, "untranslated")}\n\n' if page in self._untranslated else "")
        h1 = heading if heading is not None else markdown_inline(title)
        self.tree.pages[page] = f"{head}# {h1}\n\n{notice}{body.strip()}\n"

    def ordered_modules(self) -> list[LoadedModule]:
        return [m for track in self.cur.tracks for m in self.cur.track_modules(track.id)]
