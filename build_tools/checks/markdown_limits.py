"""Rules on what Python-Markdown can build: brackets or underlined headings it would read for
minutes, lists and quotes nested past its recursion (see sources/markdown_reach.py). The build runs only after a clean
check, so a text refused here never reaches it."""
from __future__ import annotations

from datetime import date

from ..sources.markdown_reach import MAX_NESTING, READING_BUDGET
from ..sources.markdown_scan import TooComplex, scan
from ..sources.markdown_sources import markdown_sources
from ..sources.model import Curriculum
from ..sources.problems import Problems
from .registry import rule


@rule("markdown-too-complex")
def markdown_within_reach(cur: Curriculum, out: Problems, today: date) -> None:
    for source in markdown_sources(cur):
        for item in scan(source.text).too_complex:
            line, col, where = source.place(item.line, item.col)
            out.add(source.path, line, col, "markdown-too-complex", where + _message(item))


def _message(item: TooComplex) -> str:
    if item.what == "nesting":
        return (f"lists or quotes nested {item.amount} levels deep here (at most {MAX_NESTING}): Markdown cannot "
                "build a page that deep; flatten them")
    if item.what == "underlines":
        where, fix = ("from this underlined heading on", "put an empty line after each heading, or remove the lines "
                      "of = or - under text that is not a heading")
    else:
        where, fix = ("from this bracket on", "remove the brackets that open nothing or that nest, or split the "
                      "paragraph")
    return (f"Markdown would read {item.amount:,} characters to pair this text's brackets and find its headings "
            f"(at most {READING_BUDGET:,}), most of them {where}: building it would take minutes; {fix}")
