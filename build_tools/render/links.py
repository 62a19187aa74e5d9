"""The one place where links in an author's Markdown become the addresses of generated pages.

Authors link the way the files sit on disk (`../other-module/lesson.md`, `mentor-guide.md`,
`module.yml`, a picture beside the lesson); a document lands on several pages (its lesson page,
the printable module page, the mentor guide page, a tool's page), each somewhere else in the generated tree, so
every link is rewritten for the page it lands on, and the files it shows are copied beside the
module's pages. What the checker refused never gets here; what cannot be resolved (an address
on the web, a chart a notebook made) is left as written.
"""
from __future__ import annotations

from ..sources.link_targets import LinkTargets, Page
from ..sources.markdown_scan import Reference, scan
from ..sources.model import Curriculum, Document
from .paths import link, mentor_page, module_dir, tool_page
from .tree import SiteTree


def page_path(page: Page) -> str:
    """Where a source page sits in a language's tree."""
    if page.kind == "lesson":
        return f"{module_dir(page.module)}/{page.name}.md"
    if page.kind == "module":
        return f"{module_dir(page.module)}/index.md"
    if page.kind == "mentor-guide":
        return mentor_page(page.module)
    if page.kind == "glossary":
        return "glossary.md"
    if page.kind == "tool":
        return tool_page(page.name)
    return f"{page.name}.md"


class LinkRewriter:
    def __init__(self, cur: Curriculum, tree: SiteTree, glossary_pages: dict[str, str]) -> None:
        self.targets = LinkTargets(cur)
        self.tree = tree
        self.glossary_pages = glossary_pages  # a large glossary has a page per letter

    def rewrite(self, document: Document, text: str, page: str) -> str:
        """`text`, taken from `document`, as it reads on `page`."""
        pieces, last = [], 0
        for ref in scan(text).references:
            address = self._address(document, ref, page)
            if address is not None:
                pieces += [text[last:ref.start], address]
                last = ref.end
        return "".join(pieces) + text[last:]

    def _address(self, document: Document, ref: Reference, page: str) -> str | None:
        resolution = self.targets.resolve(document.path, ref.url, ref.is_image)
        if resolution.problem is not None or resolution.external:
            return None
        if resolution.file is not None:
            where = f"{resolution.file.folder}/{resolution.file.relative}"
            self.tree.files[where] = resolution.file.path.read_bytes()
            return link(page, where)
        if resolution.page is None:
            return None
        target = page_path(resolution.page)
        anchor = resolution.anchor
        if resolution.page.kind == "glossary":
            target = self.glossary_pages.get(anchor, target)
        if anchor and anchor not in resolution.page.anchors(self.tree.lang):
            anchor = ""  # the page shows the other language while it is untranslated: its top, then
        if target == page:
            return f"#{anchor}" if anchor else link(page, target)
        return link(page, target) + (f"#{anchor}" if anchor else "")
