"""Load: the sources on disk become a typed Curriculum, every problem with its place."""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TypeVar

from pydantic import BaseModel

from .. import LANGUAGES
from .model import (ID_PATTERN, Curriculum, Document, GlossaryEntry, Lesson, LoadedModule, LoadedTool, Module,
                    Tool, Track)
from .files import folders_resolved_once, read_text, resolved, survey
from .notebook_format import NotebookSource, load_notebook
from .problems import Problems, Severity
from .validation import validate
from .yaml_reader import SourceMap, load_yaml

M = TypeVar("M", bound=BaseModel)

MODULES_DIR = "modules"
DOCS_DIR = "docs"
NOTEBOOKS_DIR = "notebooks"
TOOLS_DIR = "tools"
# Everything under these folders is read, hashed or copied into the site by some stage.
SOURCE_FOLDERS = (MODULES_DIR, NOTEBOOKS_DIR, DOCS_DIR, TOOLS_DIR, "overrides")


def twin(path: Path, lang: str) -> Path:
    """`lesson.md` in English is `lesson.fr.md` in French."""
    return path if lang == "en" else path.with_name(f"{path.stem}.{lang}{path.suffix}")


def load_curriculum(root: Path, problems: Problems) -> Curriculum:
    with folders_resolved_once():
        return _load_curriculum(root.resolve(), problems)


def _load_curriculum(root: Path, problems: Problems) -> Curriculum:
    survey(root, SOURCE_FOLDERS, problems)
    modules_dir = root / MODULES_DIR
    incomplete: set[str] = set()  # files with an error: rules do not report what follows from it
    with _noting_errors(problems, incomplete, "tracks"):
        tracks, tracks_source = _load_tracks(modules_dir / "tracks.yml", problems)
    with _noting_errors(problems, incomplete, "glossary"):
        glossary, glossary_source = _load_glossary(modules_dir / "glossary.yml", problems)
    modules, unloaded = [], []
    notebooks: dict[Path, NotebookSource | None] = {}  # read once, however many modules use each one
    for track_dir in sorted(p for p in modules_dir.iterdir() if p.is_dir()) if modules_dir.is_dir() else []:
        for folder in sorted(p for p in track_dir.iterdir() if p.is_dir()):
            yaml_path = folder / "module.yml"
            if not yaml_path.exists():
                problems.add(folder, 1, 1, "module-yml-missing",
                             "this module folder has no module.yml: run `curriculum new` or remove the folder")
                unloaded.append(folder)
                continue
            module = _load_module(root, folder, yaml_path, problems, notebooks)
            if module is not None:
                modules.append(module)
            else:
                unloaded.append(folder)
    with _noting_errors(problems, incomplete, "tools"):
        tools, tools_source = _load_tools(root, root / TOOLS_DIR, problems)
    return Curriculum(root=root, tracks=tracks, glossary=glossary, modules=modules,
                      tracks_source=tracks_source, glossary_source=glossary_source,
                      docs=_load_docs(root / DOCS_DIR, problems), tools=tools, tools_source=tools_source,
                      incomplete=incomplete, unloaded_modules=unloaded)


@contextmanager
def _noting_errors(problems: Problems, incomplete: set[str], name: str) -> Iterator[None]:
    """Adds `name` to `incomplete` when loading it records an error."""
    mark = len(problems.items)
    yield
    if any(p.severity is Severity.ERROR for p in problems.items[mark:]):
        incomplete.add(name)


def _load_list(path: Path, model: type[M], problems: Problems) -> tuple[list[tuple[int, M]], SourceMap | None]:
    """A YAML file that holds a list of `model` items: (index, item) for each valid one."""
    loaded = load_yaml(path, problems)
    if loaded is None:
        return [], None
    data, source = loaded
    if not isinstance(data, list):
        problems.add(path, 1, 1, "wrong-type", f"{path.name} must be a list, each item starting with `- id:`")
        return [], source
    items = [(index, validate(model, item, source, (index,), problems)) for index, item in enumerate(data)]
    return [(index, item) for index, item in items if item is not None], source


def _load_tracks(path: Path, problems: Problems) -> tuple[list[Track], SourceMap | None]:
    tracks, source = _load_list(path, Track, problems)
    return [track for _, track in tracks], source


def _load_glossary(path: Path, problems: Problems) -> tuple[dict[str, GlossaryEntry], SourceMap | None]:
    loaded = load_yaml(path, problems)
    if loaded is None:
        return {}, None
    data, source = loaded
    if not isinstance(data, dict):
        problems.add(path, 1, 1, "wrong-type", "glossary.yml must map each term id to its `term:` and `definition:`")
        return {}, source
    glossary = {}
    for term_id, item in data.items():
        if not isinstance(term_id, str) or not ID_PATTERN.match(term_id):
            like = re.sub(r"[^a-z0-9]+", "-", str(term_id).lower()).strip("-") or "search-engine"
            problems.add(path, *source.at((term_id,), prefer_key=True), "wrong-type",
                         f"glossary id '{term_id}': use lower-case letters, digits and hyphens, like `{like}`")
            continue
        entry = validate(GlossaryEntry, item, source, (term_id,), problems)
        if entry is not None:
            glossary[str(term_id)] = entry
    return glossary, source


def _load_tools(root: Path, folder: Path, problems: Problems) -> tuple[list[LoadedTool], SourceMap | None]:
    """The programme's printable tools, listed in tools/tools.yml (optional)."""
    path = folder / "tools.yml"
    if not path.exists():
        return [], None
    tools, source = _load_list(path, Tool, problems)
    loaded = []
    for index, model in tools:
        documents = _load_documents(root, folder, model.file, source, (index, "file"), problems)
        if documents:
            loaded.append(LoadedTool(model, documents))
    return loaded, source


def _load_module(root: Path, folder: Path, yaml_path: Path, problems: Problems,
                 notebooks: dict[Path, NotebookSource | None]) -> LoadedModule | None:
    loaded = load_yaml(yaml_path, problems)
    if loaded is None:
        return None
    data, source = loaded
    model = validate(Module, data, source, (), problems)
    if model is None:
        return None
    module = LoadedModule(model=model, folder=folder, yaml_path=yaml_path, source=source)
    for index, ref in enumerate(model.lessons):
        if ref.notebook is not None:
            lesson = _load_notebook_lesson(root, ref, source, ("lessons", index, "notebook"), problems, notebooks)
            if lesson is not None:
                module.lessons.append(lesson)
            continue
        documents = _load_documents(root, folder, ref.file, source, ("lessons", index, "file"), problems)
        if documents:
            module.lessons.append(Lesson(ref=ref, slug=Path(ref.file).stem, documents=documents))
    if model.mentor_guide is not None:
        module.mentor_guide = _load_documents(root, folder, model.mentor_guide.file, source,
                                              ("mentor_guide", "file"), problems)
    return module


def _load_documents(root: Path, folder: Path, name: str, source: SourceMap, loc: tuple,
                    problems: Problems) -> dict[str, Document]:
    """The Markdown file `name` and its translations; {} after recording why none can be used."""
    line, col = source.at(loc)
    path = resolved(folder / name)
    if not path.is_relative_to(resolved(folder)):
        where = "the repository" if not path.is_relative_to(root) else "the module folder"
        problems.add(source.path, line, col, "path-escapes",
                     f"'{name}' points outside {where}: keep the module's files inside its folder")
        return {}
    if path.suffix != ".md" or path.name.endswith(tuple(f".{lang}.md" for lang in LANGUAGES if lang != "en")):
        problems.add(source.path, line, col, "file-name",
                     f"'{name}' must be the English file ending in .md; its French twin is found as name.fr.md")
        return {}
    found = {lang: twin(path, lang) for lang in LANGUAGES if twin(path, lang).is_file()}
    if not found:
        problems.add(source.path, line, col, "file-missing",
                     f"'{name}' does not exist in {problems.relative(folder)}: create it or fix the name")
        return {}
    documents = {}
    for lang, file in found.items():
        text = read_text(file, problems)
        if text is not None:
            documents[lang] = Document(file, text)
    return documents


def _load_notebook_lesson(root: Path, ref, source: SourceMap, loc: tuple, problems: Problems,
                          notebooks: dict[Path, NotebookSource | None]) -> Lesson | None:
    line, col = source.at(loc)
    folder = resolved(root / NOTEBOOKS_DIR)
    path = resolved(folder / ref.notebook)
    if not path.is_relative_to(folder):
        problems.add(source.path, line, col, "path-escapes",
                     f"'{ref.notebook}' points outside notebooks/: keep notebooks in that folder")
        return None
    if path.suffix != ".ipynb" or not path.is_file():
        problems.add(source.path, line, col, "file-missing",
                     f"notebooks/{ref.notebook} does not exist: create the notebook or fix the name")
        return None
    if path not in notebooks:
        notebooks[path] = load_notebook(path, problems)
    notebook = notebooks[path]
    if notebook is None:
        return None
    return Lesson(ref=ref, slug=path.stem, documents=dict(notebook.documents), notebook=notebook)


def _load_docs(docs_dir: Path, problems: Problems) -> dict[str, dict[str, Document]]:
    pages: dict[str, dict[str, Document]] = {}
    for lang in LANGUAGES:
        pages[lang] = {}
        for file in sorted((docs_dir / lang).glob("*.md")) if (docs_dir / lang).is_dir() else []:
            text = read_text(file, problems)
            if text is not None:
                pages[lang][file.stem] = Document(file, text)
    return pages
