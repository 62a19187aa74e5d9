"""What building a Markdown text would ask of Python-Markdown, and its brackets paired in one pass.

Python-Markdown looks for the `]` of each `[`, and for the `)` of each `](`, by reading on from
each one, and reads a paragraph again from each underlined (setext) heading in it: a paragraph of
nested or unmatched brackets, or of underline lines, takes time that grows with their number
times its length (ten thousand `[` in a row take 15 s; a lesson of them, days). Lists and quotes
nested a few hundred deep overflow its recursion. The checker measures both before any build, so
that such a text is refused at its place instead of hanging or crashing the build; the scanner
pairs brackets here in one pass, so that it does not hang on them either.
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field
from typing import Iterator

# Characters Python-Markdown may read over to pair a text's brackets and find its underlined
# headings: a third of a second. The curriculum's texts need a few thousand at most.
READING_BUDGET = 1_000_000
# Levels of lists, quotes and indented blocks; Python-Markdown's recursion gives out near 250,
# and the curriculum's texts use three.
MAX_NESTING = 40

_BLANK_AFTER = re.compile(r"\n(?=\n)")  # a link's text does not cross an empty line
_BLANKS_AFTER = re.compile(r"\n[^\S\n]*(?=\n|\Z)")  # a destination does not cross a line of blanks
_UNDERLINE = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
MAY_UNDERLINE = re.compile(r"\n {0,3}(?:=+|-+)[ \t]*(?:\n|\Z)")  # a line that makes the one above a heading
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_NESTING = re.compile(r"([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*)")
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")
_MAY_OPEN_A_LEVEL = " \t-*+>0123456789.)"


@dataclass
class Brackets:
    closing: dict[int, int] = field(default_factory=dict)  # a link text's `[` -> its `]`
    destination_end: dict[int, int] = field(default_factory=dict)  # a destination's `(` -> its `)`
    reading: int = 0  # characters Python-Markdown reads over to pair them and find underlined headings
    costliest: int = 0  # the offset of the bracket or underline that asks the most of it
    costliest_underlines: bool = False  # whether that is an underline


def pair(prose: str) -> Brackets:
    """The brackets of `prose` (code already blanked) paired as Python-Markdown pairs them, and
    what it would read to pair them and to find the underlined headings."""
    found = Brackets()
    reads: dict[int, int] = {}  # opening -> characters read from it
    unclosed: list[int] = []
    for at in _each(prose, "[", "]", _BLANK_AFTER):
        if prose[at] == "\n":
            reads.update((opening, at - opening) for opening in unclosed)
            unclosed.clear()
        elif at > 0 and prose[at - 1] == "\\":
            continue
        elif prose[at] == "[":
            unclosed.append(at)
        elif unclosed:
            opening = unclosed.pop()
            found.closing[opening] = at
            reads[opening] = at - opening
    reads.update((opening, len(prose) - opening) for opening in unclosed)
    destinations = [close + 1 for close in found.closing.values() if prose.startswith("(", close + 1)]
    ends = _parenthesis_ends(prose) if destinations else {}
    for opening in destinations:
        end, matched = ends[opening]
        reads[opening] = end - opening
        if matched:
            found.destination_end[opening] = end
    underlines = set()
    if "\n=" in prose or "\n-" in prose or "\n " in prose:  # what an underline line can start with
        paragraph_ends = [match.start() for match in _BLANK_LINE.finditer(prose)] + [len(prose)]
        for underline in _UNDERLINE.finditer(prose):
            underlines.add(underline.start())
            reads[underline.start()] = paragraph_ends[bisect.bisect_left(paragraph_ends, underline.start())] - \
                underline.start()
    if reads:
        found.reading = sum(reads.values())
        found.costliest = max(reads, key=reads.get)
        found.costliest_underlines = found.costliest in underlines
    return found


def _parenthesis_ends(prose: str) -> dict[int, tuple[int, bool]]:
    """Each `(` -> (where reading it stops, whether a `)` closes it there): nested parentheses
    pair up, a backslash escapes the next character, a line of blanks ends them all."""
    ends: dict[int, tuple[int, bool]] = {}
    unclosed: list[int] = []
    for at in _each(prose, "(", ")", _BLANKS_AFTER):
        if _escaped(prose, at):
            continue
        if prose[at] == "\n":
            ends.update((opening, (at, False)) for opening in unclosed)
            unclosed.clear()
        elif prose[at] == "(":
            unclosed.append(at)
        elif unclosed:
            ends[unclosed.pop()] = (at, True)
    ends.update((opening, (len(prose), False)) for opening in unclosed)
    return ends


def _each(text: str, first: str, second: str, pattern: re.Pattern) -> Iterator[int]:
    """The offsets of two characters and of a pattern's matches, in order. Searching for each on
    its own is several times faster than one pattern for all: most texts hold few of them."""
    return heapq.merge(_offsets(text, first), _offsets(text, second), (match.start() for match in pattern.finditer(text)))


def _offsets(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at != -1:
        yield at
        at = text.find(char, at + 1)


def _escaped(text: str, at: int) -> bool:
    """Whether an odd run of backslashes stands right before `at`."""
    run = 0
    while run < at and text[at - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def too_deep(prose: str) -> tuple[int, int] | None:
    """(levels, line) of the first line nested more than MAX_NESTING levels deep: its indentation
    in steps of four columns, plus the list markers and quote signs that open it (code blanked)."""
    lines = prose.split("\n") if "\n" in prose else (prose,)  # most texts are a line
    for number, line in enumerate(lines, 1):
        if len(line) - len(line.lstrip(_MAY_OPEN_A_LEVEL)) <= MAX_NESTING or not line.strip():
            continue  # a level takes a character at least; a line of blanks opens none
        match = _NESTING.match(line)
        levels = len(match.group(1).expandtabs(4)) // 4 + len(_MARKER.findall(match.group(2)))
        if levels > MAX_NESTING:
            return levels, number
    return None
