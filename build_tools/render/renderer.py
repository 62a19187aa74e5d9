"""The renderer of one language: the helpers every page goes through (texts in the reader's
language, pages that fall back to the other language, front matter)."""
from __future__ import annotations

import yaml

from ..sources.model import Curriculum, Document, LoadedModule, Text
from .i18n import t
from .tree import SiteTree


class Renderer:
    """Renders one language. Pages record when they fall back to the other language."""

    def __init__(self, cur: Curriculum, lang: str, notebook_pages: dict | None = None) -> None:
        self.cur = cur
        self.lang = lang
        self.notebook_pages = notebook_pages or {}
        self.tree = SiteTree(lang)
        self._untranslated: set[str] = set()  # the same pages as tree.untranslated, for quick lookups

    # --- helpers used by every page -------------------------------------------------------------

    def text(self, value: Text, page: str) -> str:
        if not value.get(self.lang):
            self._mark_untranslated(page)
        return value.best(self.lang).strip()

    def document(self, documents: dict[str, Document], page: str) -> Document:
        if self.lang not in documents:
            self._mark_untranslated(page)
            return next(iter(documents.values()))
        return documents[self.lang]

    def _mark_untranslated(self, page: str) -> None:
        if page not in self._untranslated:
            self._untranslated.add(page)
            self.tree.untranslated.append(page)

    def add(self, page: str, body: str, meta: dict | None = None) -> None:
        """Adds a page; `meta` becomes its front matter (description, schema type...)."""
        head = ""
        if meta:
            head = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
        notice = (f'!!! note ""\n    {t(self.lang, "untranslated")}\n\n' if page in self._untranslated else "")
        self.tree.pages[page] = head + notice + body.strip() + "\n"

    def ordered_modules(self) -> list[LoadedModule]:
        return [m for track in self.cur.tracks for m in self.cur.track_modules(track.id)]
