"""Stage 4: the model, the lessons and the converted notebooks become one plain Markdown tree per
language (build/src/<lang>/), with its navigation. Nothing here knows about MkDocs."""
from __future__ import annotations

from .. import LANGUAGES
from ..sources.model import Curriculum
from .renderer import Renderer
from .site_pages import SitePages
from .tree import SiteTree, write_tree

__all__ = ["SiteTree", "render_site", "write_tree"]


def render_site(cur: Curriculum, notebook_pages: dict | None = None,
                languages: tuple[str, ...] = LANGUAGES) -> dict[str, SiteTree]:
    """One tree per language; `notebook_pages` maps (notebook path, lang) to its converted page."""
    return {lang: SitePages(Renderer(cur, lang, notebook_pages)).render() for lang in languages}
