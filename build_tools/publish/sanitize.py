"""The last gate before a page is written: every page's content HTML is sanitised.

The renderer already escapes every author's text for the place it lands in (render/text.py), and
the checker refuses raw HTML in lessons; this plugin makes sure that whatever Markdown produced
(a `javascript:` link, an attribute added with `{onclick=...}`, a remote image) never reaches a
reader. It keeps exactly what the site's own pages use: Markdown's elements, the quiz and
self-assessment forms, details blocks, glossary abbreviations, tables and local images.
"""
from __future__ import annotations

import nh3
from mkdocs.plugins import BasePlugin

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "legend", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "button": {"type", "disabled"},
    "details": {"open"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "abbr": {"title"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Markdown's tables align columns with an inline style; nothing else may be styled by a page.
STYLE_PROPERTIES = {"text-align"}


def _local_sources_only(element: str, attribute: str, value: str) -> str | None:
    """An image or a media file from another host would make the page ask it for something."""
    if element == "img" and attribute == "src" and (":" in value.split("/", 1)[0] or value.startswith("//")):
        return None
    return value


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     generic_attribute_prefixes={"data-", "aria-"}, filter_style_properties=STYLE_PROPERTIES,
                     attribute_filter=_local_sources_only, clean_content_tags={"script", "style"})


class ContentSanitizer(BasePlugin):
    """Registered by publish/mkdocs_build.py for every language and the offline edition."""

    def on_page_content(self, html: str, **kwargs) -> str:
        return sanitize(html)
