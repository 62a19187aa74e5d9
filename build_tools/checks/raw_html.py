"""Raw HTML in what authors write: none, HTML comments aside.

Lessons, mentor guides, docs pages, notebook cells and YAML texts are Markdown; the pages' own HTML
is written by the build. So any tag an author writes is refused, with its place, and never reaches
a page: no `<script>`, no event handler, no `javascript:` link (rule link-unsafe), no attribute
list that sets attributes (`{ onclick=... }`).

The second net is at build time: every page's HTML goes through the sanitiser
(publish/sanitize.py), so that what the scanner might miss still never reaches a reader.
"""
from __future__ import annotations

import re
from datetime import date

from ..sources.markdown_scan import Markup, scan
from ..sources.markdown_sources import markdown_sources
from ..sources.model import Curriculum
from ..sources.problems import Problems
from .registry import rule

def describe(item: Markup) -> str:
    if item.kind == "attributes":
        return (f"`{item.text}` sets HTML attributes: an attribute list may only give an id or a class, like "
                "`{#id}` or `{.class}`")
    if item.kind == "comment":
        return (f"`{item.text}` is not an HTML comment that browsers read the same way: write `<!-- note -->`, "
                "with text between the dashes")
    return (f"`{item.text}` is HTML, and what authors write is Markdown only (the site's own HTML comes from "
            "the build): write it in Markdown, or between backticks if the angle brackets are meant to be "
            "read, like `<track>`")


@rule("html-not-allowed")
def no_raw_html(cur: Curriculum, out: Problems, today: date) -> None:
    for source in markdown_sources(cur):
        for item in _without_closing_twins(scan(source.text).markup):
            line, col, where = source.place(item.line, item.col)
            out.add(source.path, line, col, "html-not-allowed", where + describe(item))


def _without_closing_twins(markup: list[Markup]) -> list[Markup]:
    """`<b>` and `</b>` are one mistake: the closing tag is reported only when it stands alone."""
    opened = {re.sub(r"[^a-z0-9].*", "", item.text[1:].lower()) for item in markup if item.kind == "tag"
              and not item.text.startswith("</")}
    return [item for item in markup if not (item.text.startswith("</")
                                            and re.sub(r"[^a-z0-9].*", "", item.text[2:].lower()) in opened)]
