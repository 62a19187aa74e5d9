"""One scanner of the Markdown that authors write: its links, images and raw HTML, each with its
offset and its line and column, skipping code. The checker reports from it and the renderer
rewrites links from it, so that both read a document the same way.

The dialect is Python-Markdown's with the extensions of mkdocs.yml (MARKDOWN_EXTENSIONS): code
fences may be indented inside admonitions and lists, `{#id}` sets a heading's id. Heading ids come
from Python-Markdown itself, so that they are the ids the site will have.
"""
from __future__ import annotations

import bisect
import functools
import re
import threading
from dataclasses import dataclass, field
from typing import Iterator

import markdown
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE

from .markdown_reach import MAY_UNDERLINE, READING_BUDGET, Brackets, pair, too_deep

# The Markdown extensions of mkdocs.yml (a test keeps the two lists equal); abbr is added by the build.
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
                       "pymdownx.superfences", "abbr"]
# Those that decide the id of a heading rendered alone: the others act on blocks that are not
# headings, and loading them (superfences brings Pygments) took a tenth of a check. A test keeps
# the ids equal with every extension on each heading of the curriculum.
HEADING_EXTENSIONS = ["attr_list", "toc"]


@dataclass(frozen=True)
class Reference:
    """A link or an image: `url` is as written; `start`/`end` delimit it in the text."""

    kind: str  # "link", "image", "definition" ([id]: url) or "autolink" (<https://...>)
    url: str
    label: str  # the link's text or the image's alt text
    start: int
    end: int
    line: int
    col: int

    @property
    def is_image(self) -> bool:
        return self.kind == "image"


@dataclass(frozen=True)
class Markup:
    """Raw HTML or an attribute list that sets attributes (`{ onclick=... }`)."""

    kind: str  # "tag", "comment" (unclosed or malformed), "attributes"
    text: str
    line: int
    col: int


@dataclass(frozen=True)
class TooComplex:
    """What Python-Markdown could not build in reasonable time or at all (see markdown_reach)."""

    what: str  # "brackets" or "underlines" (most of the characters read go there); "nesting": levels
    amount: int
    line: int
    col: int


@dataclass
class Scan:
    references: list[Reference] = field(default_factory=list)
    markup: list[Markup] = field(default_factory=list)
    too_complex: list[TooComplex] = field(default_factory=list)


_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_CONTAINER = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|!!![ \t+]|\?\?\?\+?[ \t])")
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")  # on one line: see _blank_code
# A comment a browser reads as we do: not `<!-->` or `<!--->`, no `--!>` or second `<!--` inside.
_COMMENT = re.compile(r"<!--(?!-?>)(?:(?!--!?>|<!--).)*?-->", re.S)
_AUTOLINK = re.compile(AUTOLINK_RE + "|" + AUTOMAIL_RE)
# Looser than any parser on purpose: whatever could open a tag is reported.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?=[\s/>]|$)|<![A-Za-z\[-]|<\?", re.M)
_DEFINITION = re.compile(r"^(?P<indent>[ ]{0,3})\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<open><?)(?P<url>[^\s>]+)", re.M)
_ATTRIBUTES = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)[ ]*\}")
_ATTRIBUTE_PAIR = re.compile(r"[\w:-]+\s*=")
# every link, image, tag, comment, autolink and attribute list starts with one of these
_MAY_HOLD_MARKUP = re.compile(r"[\[<{]")
_SPACES = re.compile(r"[ \t]*")


class _Positions:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer(r"\n", text)]

    def of(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


@functools.lru_cache(maxsize=8192)
def scan(text: str) -> Scan:
    """The links, images and raw HTML of a Markdown text, outside code, and what in it Python-Markdown
    could not build (markdown_reach). Several rules read the same texts: each is scanned once
    (callers only read the result)."""
    found = Scan()
    # looked for in the text as written first (quick), then again outside code, which Markdown does not nest
    if too_deep(text) is not None and (nested := too_deep(_blank_code(text))) is not None:
        found.too_complex.append(TooComplex("nesting", *nested, 1))
    # most texts (quiz options, titles) hold nothing to find
    if not _MAY_HOLD_MARKUP.search(text) and not MAY_UNDERLINE.search(text):
        return found
    prose = _blank_code(text)
    where = _Positions(text)

    def markup(kind: str, start: int, written: str) -> None:
        found.markup.append(Markup(kind, written[:80], *where.of(start)))

    prose = _blank_spans(prose, [match.span() for match in _COMMENT.finditer(prose)])
    autolinks = list(_AUTOLINK.finditer(prose))
    for match in autolinks:
        group = 1 if match.group(1) is not None else 2
        found.references.append(Reference("autolink", match.group(group), "", match.start(group), match.end(group),
                                          *where.of(match.start(group))))
    prose = _blank_spans(prose, [match.span() for match in autolinks])
    # a pattern is run only on a text that holds what it looks for (most lessons hold no
    # definition and no code): a pattern run on a text costs more than a search for a word
    for match in _DEFINITION.finditer(prose) if "]:" in prose else ():
        if match.start() > 0 and prose[match.start() - 1] == "*":
            continue  # `*[HTML]: ...` is an abbreviation, not a link
        found.references.append(Reference("definition", match.group("url"), match.group("label"), match.start("url"),
                                          match.end("url"), *where.of(match.start("url"))))
    brackets = pair(prose)
    if brackets.reading > READING_BUDGET:  # refused (markdown-too-complex): its links are not read
        found.too_complex.append(TooComplex("underlines" if brackets.costliest_underlines else "brackets",
                                            brackets.reading, *where.of(brackets.costliest)))
    else:
        found.references += _inline_links(prose, where, brackets)
    # a destination is an address, not HTML: `[x](<a b.md>)`
    prose = _blank_spans(prose, [(max(ref.start - 1, 0), min(ref.end + 1, len(prose))) for ref in found.references])
    for match in _TAG.finditer(prose):
        kind = "comment" if prose.startswith("<!-", match.start()) else "tag"
        near = prose[match.start():_line_end(prose, match.start(), 81)]  # what a message can show
        markup(kind, match.start(), near[:near.find(">") + 1] if ">" in near else near[:40].rstrip())
    for match in _attribute_lists(prose):
        if _ATTRIBUTE_PAIR.search(match.group(1)):
            markup("attributes", match.start(), match.group(0))
    found.references.sort(key=lambda ref: ref.start)
    found.markup.sort(key=lambda item: (item.line, item.col))
    return found


def _inline_links(prose: str, where: _Positions, brackets: Brackets) -> list[Reference]:
    """`[text](url "title")` and `![alt](url)`, nested or not, with the brackets paired in one pass."""
    references = []
    for opening, close in sorted(brackets.closing.items()):
        if not prose.startswith("(", close + 1):
            continue
        destination = _destination(prose, close + 2, brackets.destination_end.get(close + 1))
        if destination is None:
            continue
        start, end = destination
        image = opening > 0 and prose[opening - 1] == "!"
        references.append(Reference("image" if image else "link", prose[start:end], prose[opening + 1:close],
                                    start, end, *where.of(start)))
    return references


def _destination(prose: str, start: int, end: int | None) -> tuple[int, int] | None:
    """The span of the destination in `(url "title")`, read as leniently as Python-Markdown reads
    it: up to the matching parenthesis (`end`), spaces included, less an optional quoted title."""
    first = _SPACES.match(prose, start).end()  # not a slice of the rest: a text holds thousands of links
    if prose.startswith("<", first):
        angle = prose.find(">", first, _line_end(prose, first))
        if angle != -1:
            return first + 1, angle
    if end is None:
        return None
    inside = prose[start:end]
    titled = re.match(r"""^(\s*)(.*?)\s+(?:"[^"]*"|'[^']*')\s*$""", inside, re.S)
    lead, url = (titled.group(1), titled.group(2)) if titled else (inside[:len(inside) - len(inside.lstrip())],
                                                                    inside.strip())
    return (start + len(lead), start + len(lead) + len(url)) if url else None


def _attribute_lists(prose: str) -> Iterator[re.Match]:
    """Each `{...}` list, looked for between one `}` and the next on a line: the pattern run over
    the whole text would read on from every `{` to the end of its line."""
    done = 0
    while (close := prose.find("}", done)) != -1:
        match = _ATTRIBUTES.search(prose, max(done, prose.rfind("\n", done, close) + 1), close + 1)
        if match:
            yield match
        done = close + 1


def _line_end(text: str, start: int, within: int | None = None) -> int:
    """Where the line that holds `start` ends, looking no further than `within` characters."""
    limit = len(text) if within is None else min(len(text), start + within)
    end = text.find("\n", start, limit)
    return limit if end == -1 else end


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with spans (overlapping or not) replaced by spaces, newlines kept, so that offsets stay
    the same: one copy of the text, however many spans (a guide has hundreds)."""
    pieces, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end <= start:
            continue
        pieces += [text[done:start], _spaces(text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _blank_code(text: str) -> str:
    """The text with code fences, indented code blocks and code spans blanked out."""
    lines = text.splitlines(keepends=True)
    last_line_like = {line.strip(): number for number, line in enumerate(lines)}  # where a fence can close
    kept: list[str] = []
    fence: str | None = None
    in_container = previous_blank = False
    in_indented_code = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" \t"))
        if fence is not None:
            kept.append(_spaces(line))
            if stripped == fence:
                fence = None
            continue
        opening = _FENCE.match(line)
        # a fence closes on the same fence exactly; an unclosed one is no fence at all (superfences)
        if opening and last_line_like.get(opening.group("fence"), -1) > number:
            fence = opening.group("fence")
            kept.append(_spaces(line))
            previous_blank = False
            continue
        if not stripped:
            kept.append(line)
            previous_blank = True
            continue
        if indent >= 4 and (in_indented_code or (previous_blank and not in_container)):
            in_indented_code = True
            kept.append(_spaces(line))
            previous_blank = False
            continue
        in_indented_code = False
        if indent == 0:
            in_container = bool(_CONTAINER.match(line))  # a paragraph at the margin closes a list or admonition
        elif _CONTAINER.match(line.lstrip(" \t")):
            in_container = True
        kept.append(line)
        previous_blank = False
    prose = "".join(kept)
    # A span may cross lines in Python-Markdown, but a line that starts with a tag is HTML to it,
    # span or not: spans are taken on one line, so that such a tag is still seen.
    return _CODE_SPAN.sub(lambda match: _spaces(match.group()), prose) if "`" in prose else prose


def _spaces(text: str) -> str:
    """As many spaces as `text` has characters, its newlines kept."""
    return "\n".join(" " * len(part) for part in text.split("\n"))


# --- what Python-Markdown makes of a text ---------------------------------------------------------

_per_thread = threading.local()


def _converter() -> markdown.Markdown:
    """One converter per thread: building one loads every extension, and a converter is not shared."""
    if not hasattr(_per_thread, "md"):
        _per_thread.md = markdown.Markdown(extensions=HEADING_EXTENSIONS, extension_configs={"toc": {"permalink": False}})
    return _per_thread.md


_ATX_HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t].*)?$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")


@functools.lru_cache(maxsize=2048)
def heading_ids(text: str) -> frozenset[str]:
    """The ids the site gives the headings of `text`. Only the headings are rendered, in order (ids
    repeat as `_1`, `_2`), with the extensions that decide their ids: converting a whole lesson
    costs ten times more, and the checker needs these for every link with an anchor."""
    prose = _blank_code(text).split("\n")
    lines = text.split("\n")
    headings = []
    for number, line in enumerate(prose):
        if _ATX_HEADING.match(line):
            headings.append(lines[number].strip())
        elif (number and _SETEXT_UNDERLINE.match(line) and prose[number - 1].strip()
              and not _CONTAINER.match(prose[number - 1].lstrip())):
            headings.append(lines[number - 1].strip() + "\n" + line.strip())
    if not headings:
        return frozenset()
    md = _converter()
    md.reset()
    md.convert("\n\n".join(headings))
    ids: set[str] = set()
    stack = list(md.toc_tokens)
    while stack:
        token = stack.pop()
        ids.add(token["id"])
        stack += token["children"]
    return frozenset(ids)
