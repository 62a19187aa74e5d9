"""Rules on links and images: everything the strict site build would refuse, said against the
author's own file, line and column, with how to write it."""
from __future__ import annotations

import difflib
import re
from datetime import date

from .. import LANGUAGES
from ..sources.link_targets import LinkTargets, Resolution
from ..sources.markdown_scan import Reference, scan
from ..sources.markdown_sources import MarkdownSource, markdown_sources
from ..sources.model import Curriculum
from ..sources.problems import Problems
from .registry import at, rule

_NOT_IN_AN_ADDRESS = re.compile(r'[<>"`]')
_PAGE_NAMES = {"lesson": "the lesson", "mentor-guide": "the mentor guide", "docs": "the page", "tool": "the tool"}


@rule("link-broken", "link-anchor-unknown", "link-unsafe", "image-missing", "image-misplaced", "image-format",
      "image-alt-missing", "remote-resource")
def links_and_images_resolve(cur: Curriculum, out: Problems, today: date) -> None:
    targets = LinkTargets(cur)
    for source in markdown_sources(cur):
        for ref in scan(source.text).references:
            for rule_id, message in _problems(targets, source, ref):
                line, col, where = source.place(ref.line, ref.col)
                out.add(source.path, line, col, rule_id, where + message)
    for m in cur.modules:
        for index, item in enumerate(m.model.sources):
            if _NOT_IN_AN_ADDRESS.search(item.url):
                out.add(*at(m, "sources", index, "url"), "link-unsafe",
                        "this address holds a quote or an angle bracket, which no address has (and which could end "
                        "it inside a page): copy the address again from the browser's address bar")


def _problems(targets: LinkTargets, source: MarkdownSource, ref: Reference) -> list[tuple[str, str]]:
    found = []
    if ref.is_image and not ref.label.strip():
        found.append(("image-alt-missing", "the image has no text alternative: say what it shows between the "
                      "brackets, like ![Share of clicks by position, 2025](clicks.png), for readers who cannot see it"))
    resolution = targets.resolve(source.path, ref.url, ref.is_image)
    if source.kind == "yaml-text" and not resolution.external and resolution.problem is None:
        return found + [_in_yaml(ref)]
    if resolution.problem is not None:
        rule_id, message = resolution.problem
        return found + [(rule_id, message)]
    if resolution.anchor and resolution.page is not None:
        found += _anchor_problems(resolution, source, ref)
    return found


def _in_yaml(ref: Reference) -> tuple[str, str]:
    if ref.is_image:
        return ("image-misplaced", "a text in a YAML file cannot show an image: put the image in a lesson")
    return ("link-broken", f"`{ref.url}`: a text in a YAML file links only to full addresses (https://...), as the "
            "same text appears on several pages; link to other pages from the lessons' Markdown files")


def _anchor_problems(resolution: Resolution, source: MarkdownSource, ref: Reference) -> list[tuple[str, str]]:
    page, anchor = resolution.page, resolution.anchor
    found = []
    for lang in [source.lang] if source.lang else list(LANGUAGES):
        anchors = page.anchors(lang)
        if anchor in anchors:
            continue
        if page.kind == "module":
            found.append(("link-anchor-unknown", f"`#{anchor}`: a module's overview has no anchors of its own: "
                          "link to `module.yml` alone"))
            break
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
        hint = f"did you mean `#{close[0]}`?" if close else (
            f"its ids are {', '.join(f'`{a}`' for a in sorted(anchors))}" if anchors else "it has no heading")
        if page.kind == "glossary":
            found.append(("link-anchor-unknown", f"`#{anchor}` is not a term id of modules/glossary.yml ({hint})"))
            break
        document = page.document(lang)
        name = document.path.name if document else _PAGE_NAMES[page.kind]
        found.append(("link-anchor-unknown", f"`#{anchor}`: no heading of {name} has this id ({hint}); a heading's id "
                      "is its text in lower case with hyphens, or the one written after it, `## Title {#id}`"))
    return found
