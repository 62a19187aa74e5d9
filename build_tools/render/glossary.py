"""The glossary's pages, and where each term is defined.

Terms are filed in alphabetical order under their initial, accents and leading punctuation aside.
Up to SINGLE_PAGE_UP_TO terms, the glossary is one page with a heading per letter, so that a reader
can scroll or search it whole. Beyond, the glossary page lists the letters and each letter has its
own page (`glossary/<letter>.md`): a page of 1,800 terms took seconds to answer on a phone.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import groupby

from ..sources.model import Curriculum, GlossaryEntry, LoadedModule
from .i18n import colon, t
from .paths import link, module_dir
from .text import attribute

SINGLE_PAGE_UP_TO = 300
INDEX = "glossary.md"
LETTER_PAGES = "glossary/*.md"  # out of the menu: the glossary page links to them


def single_page(cur: Curriculum) -> bool:
    return len(cur.glossary) <= SINGLE_PAGE_UP_TO


def is_glossary_page(path: str) -> bool:
    """The glossary page or one of its letters' pages (a path in a language's tree)."""
    return path == INDEX or path.startswith("glossary/")


def filing_key(term: str) -> str:
    """How a glossary files a term: without accents, case or leading punctuation, so that
    "Écoute" sits among the E and '"See more" cut' among the S."""
    letters = "".join(char for char in unicodedata.normalize("NFKD", term) if not unicodedata.combining(char))
    return re.sub(r"^\W+", "", letters.casefold()) or letters.casefold()


def initial(term: str) -> tuple[str, str]:
    """The heading a term is filed under and that heading's anchor. An underscore never occurs in
    a term's id, so a letter's anchor cannot take a term's."""
    first = filing_key(term)[:1]
    if first.isalpha():
        return first.upper(), f"letter_{first}"
    return ("0–9", "letter_digits") if first.isdigit() else ("…", "letter_other")


def letters(cur: Curriculum, lang: str) -> list[tuple[str, str, list[tuple[str, GlossaryEntry]]]]:
    """(letter, anchor, [(term id, entry)...]) in the order the glossary shows them."""
    entries = sorted(cur.glossary.items(), key=lambda item: filing_key(item[1].term.best(lang)))
    return [(letter, anchor, list(group))
            for (letter, anchor), group in groupby(entries, key=lambda item: initial(item[1].term.best(lang)))]


def letter_page(anchor: str) -> str:
    return f"glossary/{anchor.removeprefix('letter_')}.md"


def term_pages(cur: Curriculum, lang: str) -> dict[str, str]:
    """Each term id -> the page of the language's tree that defines it."""
    if single_page(cur):
        return dict.fromkeys(cur.glossary, INDEX)
    return {term_id: letter_page(anchor) for _, anchor, group in letters(cur, lang) for term_id, _ in group}


class GlossaryPages:
    def __init__(self, renderer) -> None:
        self.r = renderer
        self.lang = renderer.lang
        self.users: dict[str, list[LoadedModule]] = {}
        for module in renderer.ordered_modules():
            for term in module.model.glossary:
                self.users.setdefault(term, []).append(module)

    def render(self) -> None:
        r, lang = self.r, self.lang
        groups = letters(r.cur, lang)
        intro = [t(lang, "glossary_intro"), ""]
        if single_page(r.cur):
            lines = intro
            for letter, anchor, group in groups:
                lines += [f"## {letter} {{#{attribute(anchor)}}}", ""] + self.entries(group, INDEX)
            r.add(INDEX, t(lang, "glossary"), "\n".join(lines), t(lang, "glossary_intro"))
            return
        r.add(INDEX, t(lang, "glossary"), "\n".join(intro + self.letter_links(groups, INDEX, None)),
              t(lang, "glossary_intro"))
        for letter, anchor, group in groups:
            page = letter_page(anchor)
            title = t(lang, "glossary_letter", letter=letter)
            lines = self.letter_links(groups, page, anchor) + self.entries(group, page)
            r.add(page, title, "\n".join(lines), t(lang, "glossary_letter_description", letter=letter))

    def letter_links(self, groups, page: str, current: str | None) -> list[str]:
        """The letters as links, the current one as plain text: the way between the letters' pages."""
        items = [f"**{letter}**" if anchor == current else f"[{letter}]({link(page, letter_page(anchor))})"
                 for letter, anchor, _ in groups]
        label = attribute(t(self.lang, "glossary_letters"))
        return [f'<div class="rm-glossary__letters" role="navigation" aria-label="{label}" markdown>', "",
                " · ".join(items), "", "</div>", ""]

    def entries(self, group: list[tuple[str, GlossaryEntry]], page: str) -> list[str]:
        """A definition list; each entry is one block that the browser skips while it is off screen (site.css)."""
        r, lang = self.r, self.lang
        lines = ['<dl class="rm-glossary" markdown>']
        for term_id, entry in group:
            lines += [f'<div class="rm-glossary__entry" id="{attribute(term_id)}" markdown>',
                      f'<dt markdown="span">{r.inline(entry.term, page)}</dt>', '<dd markdown="block">',
                      r.md(entry.definition, page), ""]
            if term_id in self.users:
                used = ", ".join(f"[{r.inline(m.model.title, page)}]({link(page, module_dir(m) + '/index.md')})"
                                 for m in self.users[term_id])
                lines += [f"*{t(lang, 'used_in')}{colon(lang)}* {used}", ""]
            lines += ["</dd>", "</div>"]
        return lines + ["</dl>", ""]
