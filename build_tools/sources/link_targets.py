"""Where a link written in a source file leads, read the way the files sit on disk.

`../other-module/lesson.md`, `mentor-guide.md`, `module.yml` (a module's overview),
`../../glossary.yml#term`, a page of docs/ or a file beside the document: each is a page or a file
of the site. The checker reports what cannot be resolved, with a message that says how to write
it; the renderer turns what can into the address of the generated page (render/links.py).
"""
from __future__ import annotations

import difflib
import html
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .. import LANGUAGES
from .files import resolved
from .markdown_scan import heading_ids
from .model import Curriculum, Document, LoadedModule

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
DOWNLOAD_SUFFIXES = (".pdf", ".csv", ".xlsx", ".docx", ".pptx", ".odt", ".ods", ".odp")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
HOW_TO_LINK = ("write links the way the files sit on disk, relative to this file: `other-lesson.md`, "
               "`mentor-guide.md`, `module.yml` for the module's overview, `../other-module/lesson.md`, "
               "`../../glossary.yml#term-id`")


@dataclass(frozen=True)
class Page:
    """A page of the site that a source file stands for."""

    kind: str  # "lesson", "module", "mentor-guide", "docs", "tool", "glossary"
    module: str | None = None  # the module id, for a module's pages
    name: str | None = None  # the lesson's slug, the docs page's name or the tool's id
    documents: dict[str, Document] = field(default_factory=dict, compare=False, hash=False)
    glossary_ids: frozenset[str] = frozenset()

    def document(self, lang: str) -> Document | None:
        """The document this page shows in `lang` (the other language while it is untranslated)."""
        return self.documents.get(lang) or next(iter(self.documents.values()), None)

    def anchors(self, lang: str) -> frozenset[str]:
        if self.kind == "glossary":
            return self.glossary_ids
        document = self.document(lang)
        return heading_ids(document.text) if document else frozenset()


@dataclass(frozen=True)
class File:
    """A file published beside a module's pages (an image, a PDF...) or in the site's assets."""

    path: Path
    folder: str  # "modules/<module-id>", "tools" or "assets": where the site keeps it
    relative: str  # its path inside that folder


@dataclass(frozen=True)
class Resolution:
    external: bool = False
    page: Page | None = None
    file: File | None = None
    anchor: str = ""
    problem: tuple[str, str] | None = None  # (rule id, message)


def _problem(rule: str, message: str) -> Resolution:
    return Resolution(problem=(rule, message))


class LinkTargets:
    """Every page and publishable file of a curriculum, by the source file that stands for it."""

    def __init__(self, cur: Curriculum) -> None:
        self.root = cur.root
        self.pages: dict[Path, Page] = {}
        self.module_folders: dict[Path, LoadedModule] = {}
        for module in cur.modules:
            self.module_folders[resolved(module.folder)] = module
            self._add(module.yaml_path, Page("module", module.id))
            for lesson in module.lessons:
                page = Page("lesson", module.id, lesson.slug, dict(lesson.documents))
                paths = [lesson.notebook.path] if lesson.notebook else [d.path for d in lesson.documents.values()]
                for path in paths:
                    self._add(path, page)
            guide = Page("mentor-guide", module.id, None, dict(module.mentor_guide))
            for document in module.mentor_guide.values():
                self._add(document.path, guide)
        for lang, pages in cur.docs.items():
            for name, document in pages.items():
                twins = {other: cur.docs[other][name] for other in LANGUAGES if name in cur.docs.get(other, {})}
                self._add(document.path, Page("docs", None, name, twins))
        for tool in cur.tools:
            page = Page("tool", None, tool.model.id, dict(tool.documents))
            for document in tool.documents.values():
                self._add(document.path, page)
        if cur.glossary_source is not None:
            self._add(cur.glossary_source.path, Page("glossary", glossary_ids=frozenset(cur.glossary)))
        self.assets = (cur.root / "docs" / "assets").resolve()
        self.tools = (cur.root / "tools").resolve()
        # links into what did not load are not judged: that file's own error comes first
        self.unjudged = [folder.resolve() for folder in cur.unloaded_modules]
        if "glossary" in cur.incomplete and cur.glossary_source is not None:
            self.unjudged.append(cur.glossary_source.path.resolve())

    def _add(self, path: Path, page: Page) -> None:
        self.pages[resolved(path)] = page

    def page_of(self, source: Path) -> Page | None:
        return self.pages.get(resolved(source))

    def module_of(self, path: Path) -> LoadedModule | None:
        # the folders up from `path`, not every module's folder: a lookup per level, whatever the size
        return next((self.module_folders[folder] for folder in (path, *path.parents) if folder in self.module_folders),
                    None)

    def image_folder(self, source: Path) -> Path | None:
        """Where the images of a source file live: its module folder, docs/assets/ for docs pages,
        tools/ for the tools."""
        module = self.module_of(source.resolve())
        if module is not None:
            return module.folder.resolve()
        if source.resolve().is_relative_to(self.root / "docs"):
            return self.assets
        if source.resolve().is_relative_to(self.tools):
            return self.tools
        return None

    # --- resolving -------------------------------------------------------------------------------

    def resolve(self, source: Path, url: str, image: bool = False) -> Resolution:
        written = url.strip()
        plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(unquote(written))).lower()
        scheme = re.match(r"^([a-z][a-z0-9+.-]*):", plain)
        if scheme or written.startswith("//"):
            if scheme and scheme.group(1) not in SAFE_SCHEMES:
                return _problem("link-unsafe", f"`{scheme.group(1)}:` addresses are not allowed (they can run code or "
                                "hide content): link to a page with https://, or to an address with mailto:")
            if image:
                return _problem("remote-resource", "this image would be fetched from another site, which the site "
                                "never asks for anything: download it (if its licence allows), save it in the module "
                                "folder and link it by its file name")
            return Resolution(external=True)
        path_part, _, anchor = written.partition("#")
        path_part = path_part.split("?", 1)[0]
        if not path_part:
            page = self.page_of(source)
            return Resolution(page=page, anchor=anchor) if page else Resolution(anchor=anchor)
        if path_part.startswith("/"):
            return _problem("link-broken", f"`{written}` is an address on the site, which changes with where it is "
                            f"hosted: {HOW_TO_LINK}")
        target = Path(os.path.normpath(source.parent / unquote(path_part)))
        if not target.is_relative_to(self.root):
            return _problem("link-broken", f"`{path_part}` points outside the repository: {HOW_TO_LINK}")
        missing = _first_missing(target, self.root)
        if missing is not None:
            return _problem("image-missing" if image else "link-broken",
                            _missing_message(path_part, target, missing, self.root))
        if target.is_dir():
            hint = (f"for the module's overview write `{posixpath.join(path_part.rstrip('/'), 'module.yml')}`"
                    if (target / "module.yml").is_file() else HOW_TO_LINK)
            return _problem("link-broken", f"`{path_part}` is a folder, not a page: {hint}")
        real = target.resolve()
        if not real.is_relative_to(self.root):
            return _problem("link-broken", f"`{path_part}` leads outside the repository through a link on disk")
        if any(real.is_relative_to(place) for place in self.unjudged):
            return Resolution()
        page = self.pages.get(real)
        if page is not None:
            if image:
                return _problem("image-format", f"`{path_part}` is a page, not a picture: an image is a PNG, JPEG, "
                                "GIF or WebP file in the module folder")
            return Resolution(page=page, anchor=anchor)
        return self._file(source, path_part, real, image, anchor)

    def _file(self, source: Path, written: str, real: Path, image: bool, anchor: str) -> Resolution:
        suffix = real.suffix.lower()
        module = self.module_of(real)
        if image:
            if suffix not in IMAGE_SUFFIXES:
                why = (" (an SVG file can carry scripts)" if suffix == ".svg" else "")
                return _problem("image-format", f"`{written}` is not a PNG, JPEG, GIF or WebP picture{why}: "
                                "export the image in one of those formats")
            home = self.image_folder(source)
            if home is None or not real.is_relative_to(home):
                place = (f"{posixpath.relpath(home.as_posix(), self.root.as_posix())}/" if home else
                         "the folder of the module whose lesson shows it")
                return _problem("image-misplaced", f"`{written}` lies outside {place}: keep a document's images in "
                                "its own folder (docs pages: docs/assets/), so that a reviewer sees them with it, "
                                "and link them from there")
        elif suffix not in IMAGE_SUFFIXES + DOWNLOAD_SUFFIXES or (
                module is None and not real.is_relative_to(self.assets) and not real.is_relative_to(self.tools)):
            if module is not None and suffix == ".md":
                return _problem("link-broken", f"`{written}` is not a lesson of module '{module.id}': add it to the "
                                "module's `lessons:` or link to one of its lessons")
            return _problem("link-broken", f"`{written}` is not published on the site: {HOW_TO_LINK}; files to "
                            f"download ({', '.join(DOWNLOAD_SUFFIXES)}) sit in the module folder")
        if module is not None:
            return Resolution(file=File(real, f"modules/{module.id}", real.relative_to(module.folder.resolve()).as_posix()),
                              anchor=anchor)
        if real.is_relative_to(self.tools):
            return Resolution(file=File(real, "tools", real.relative_to(self.tools).as_posix()), anchor=anchor)
        return Resolution(file=File(real, "assets", real.relative_to(self.assets).as_posix()), anchor=anchor)


def _first_missing(target: Path, root: Path) -> Path | None:
    """The first part of `target` that does not exist, exactly as written (capitals included)."""
    current = root
    for part in target.relative_to(root).parts:
        try:
            names = os.listdir(current)
        except OSError:
            return current / part
        if part not in names:
            return current / part
        current = current / part
    return None


def _missing_message(written: str, target: Path, missing: Path, root: Path) -> str:
    folder = missing.parent
    names = sorted(os.listdir(folder)) if folder.is_dir() else []
    same_but_case = [name for name in names if name.lower() == missing.name.lower()]
    if same_but_case:
        return f"`{missing.name}` is written `{same_but_case[0]}` on disk: write the name exactly, capitals included"
    what = "folder" if missing != target else "file"
    close = difflib.get_close_matches(missing.name, names, n=1, cutoff=0.6)
    for site_style in (missing.name.removesuffix(".html") + ".md", missing.name.rstrip("/") + ".md"):
        if missing == target and site_style in names:
            close = [site_style]
    hint = f": did you mean `{close[0]}`?" if close else f": {HOW_TO_LINK}"
    return f"`{written}`: there is no {what} `{missing.name}` in {folder.relative_to(root).as_posix()}/{hint}"
