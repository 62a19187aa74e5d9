"""Raw HTML in what authors write: none, HTML comments aside.

Lessons, mentor guides, docs pages, notebook cells and YAML texts are Markdown; the pages' own HTML
is written by the build. So any tag an author writes is refused, with its place, and never reaches
a page: no `<script>`, no event handler, no `javascript:` link (rule link-unsafe), no attribute
list that sets attributes (`{ onclick=... }`).

As a second net, each document is rendered with the site's Markdown dialect and the result is
searched for what would run: if the scanner missed it, the document is still refused.
"""
from __future__ import annotations

import html
import html.parser
import re
from datetime import date

from ..sources.markdown_scan import Markup, rendered, scan
from ..sources.markdown_sources import markdown_sources
from ..sources.model import Curriculum
from ..sources.problems import Problems
from .registry import rule

_ACTIVE_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                "button", "textarea", "select", "link", "meta", "base", "svg", "math", "template", "audio", "video",
                "source", "track", "picture", "portal"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|#|[^:]*$)", re.I)


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
    refused: set = set()
    for source in markdown_sources(cur):
        markup = _without_closing_twins(scan(source.text).markup)
        for item in markup:
            line, col, where = source.place(item.line, item.col)
            out.add(source.path, line, col, "html-not-allowed", where + describe(item))
        if markup:
            refused.add(source.path)
    for source in markdown_sources(cur):
        if source.kind != "yaml-text" and source.path not in refused:
            # what the scanner saw as links is the link rules' business
            seen = {html.unescape(ref.url) for ref in scan(source.text).references}
            active = active_markup(rendered(source.text)[0], seen)
            if active:
                line, _, where = source.place(1, 1)
                out.add(source.path, line, 1, "html-not-allowed",
                        f"{where}the page would hold {active[0]}: remove the HTML or the attribute list that makes it")
                refused.add(source.path)


def _without_closing_twins(markup: list[Markup]) -> list[Markup]:
    """`<b>` and `</b>` are one mistake: the closing tag is reported only when it stands alone."""
    opened = {re.sub(r"[^a-z0-9].*", "", item.text[1:].lower()) for item in markup if item.kind == "tag"
              and not item.text.startswith("</")}
    return [item for item in markup if not (item.text.startswith("</")
                                            and re.sub(r"[^a-z0-9].*", "", item.text[2:].lower()) in opened)]


class _ActiveMarkup(html.parser.HTMLParser):
    """What in a page could run code or fetch from another site."""

    def __init__(self, seen: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.seen = seen
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _ACTIVE_TAGS:
            self.found.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name == "style" and value and "url(" in value.lower():
                self.found.append(f"a `{name}` attribute on <{tag}>")
            elif value in self.seen:
                continue
            elif name in _URL_ATTRIBUTES and value and not _SAFE_URL.match(re.sub(r"[\x00-\x20]", "", value)):
                self.found.append(f"the address `{value[:40]}` on <{tag}>")
            elif tag == "img" and name == "src" and value and re.match(r"^\s*(https?:)?//", value):
                self.found.append(f"an image from another site, `{value[:60]}`")


def active_markup(page_html: str, seen: set[str] = frozenset()) -> list[str]:
    """What would run or fetch from another site in `page_html`, leaving out the addresses in `seen`."""
    parser = _ActiveMarkup(seen)
    parser.feed(page_html)
    parser.close()
    return parser.found
