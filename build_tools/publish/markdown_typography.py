"""A Markdown extension that gives French pages their non-breaking spaces (render/typography.py).

It walks the element tree after inline parsing and after `abbr` (so glossary tooltips get them
too), before the table of contents and MkDocs' title are taken from the headings: page text,
headings, the TOC, tooltips and alt text all read the same. Code, preformatted text and
keyboard keys are left as written, and so are URLs, which live in attributes it never touches.
"""
from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..render.typography import french_spacing

_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "math"}
_TEXT_ATTRIBUTES = ("title", "alt", "aria-label")


class FrenchSpacing(Treeprocessor):
    def run(self, root: Element) -> None:
        self._element(root)

    def _element(self, element: Element) -> None:
        if element.tag in _VERBATIM:
            return
        for name in _TEXT_ATTRIBUTES:
            if element.get(name):
                element.set(name, french_spacing(element.get(name)))
        children = list(element)
        if element.text:
            element.text = type(element.text)(french_spacing(element.text, joined_after=bool(children)))
        for index, child in enumerate(children):
            self._element(child)
            if child.tail:
                child.tail = type(child.tail)(french_spacing(child.tail, joined_before=True,
                                                             joined_after=index + 1 < len(children)))


class FrenchTypographyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after abbr (7), before toc (5) and MkDocs' title extraction (1)
        md.treeprocessors.register(FrenchSpacing(md), "french_spacing", 6)


def makeExtension(**kwargs) -> FrenchTypographyExtension:  # noqa: N802 (the name Markdown looks for)
    return FrenchTypographyExtension(**kwargs)
