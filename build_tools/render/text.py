"""An author's text becomes what each place in a page needs, and nothing more.

Texts from YAML are data until they are written into a page; each context has its function:
- `markdown_text`: Markdown source. Formatting (`**bold**`, links) is kept, but a `<` that would
  open raw HTML is written `&lt;`, so `<script>` shows as text, and braces are escaped so that a
  text cannot add attributes (`{: onclick=...}`) or take the place of an id the renderer gives a
  heading. Code spans and fenced code keep their characters as typed. Links and attributes that Markdown itself produces (`javascript:` URLs,
  `{onclick=...}`) are removed by the sanitiser that every page's HTML goes through
  (publish/sanitize.py).
- `html_text`, `attribute`: text inside, or as the value of, HTML that the renderer writes.
- `meta_text`: one line of plain text for a page title, a navigation label or a description,
  HTML-escaped because the theme's templates print these values as they are; the typography of
  the language is applied first.
"""
from __future__ import annotations

import html
import re

from .typography import spacing_for

_RAW_HTML = re.compile(r"<(?!https?://[^\s<>]+>|mailto:[^\s<>]+>)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_text(text: str) -> str:
    """An author's text as Markdown source that cannot open raw HTML."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
        else:
            lines.append(line if fenced else _outside_code_spans(line))
    return "\n".join(lines)


def _outside_code_spans(line: str) -> str:
    parts, last = [], 0
    for match in _CODE_SPAN.finditer(line):
        parts += [_escape(line[last:match.start()]), match.group(0)]
        last = match.end()
    parts.append(_escape(line[last:]))
    return "".join(parts)


def _escape(prose: str) -> str:
    return _RAW_HTML.sub("&lt;", prose).replace("{", "\\{").replace("}", "\\}")


def markdown_inline(text: str) -> str:
    """`markdown_text` on one line, for a text that sits inside an HTML element."""
    return markdown_text(" ".join(text.split()))


def html_text(text: str) -> str:
    return html.escape(text, quote=False)


def attribute(value: str) -> str:
    return html.escape(str(value), quote=True)


def meta_text(lang: str, text: str) -> str:
    """A title, navigation label or description: plain, with the language's typography, escaped.
    The theme prints these in double-quoted attributes, so an apostrophe may stay as it is."""
    return html.escape(spacing_for(lang, plain(text, limit=None)), quote=False).replace('"', "&quot;")


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MARKS = re.compile(r"[*_`]+|^\s*#+\s|^\s*>\s?|^!!!.*$|^\s*(?:[-*+]|\d+\.)\s+|\{[#.][^}]*\}\s*$", re.M)


def plain(markdown: str, limit: int | None = 160) -> str:
    """Markdown reduced to one line of plain text, cut at a word, for descriptions and titles.

    Markers go without leaving a space behind them: `(*Pew*, 2025)` reads `(Pew, 2025)`."""
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _MARKS.sub("", text)
    text = text.replace("|", " ")
    text = " ".join(text.split())
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+([),.])", r"\1", text))
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
