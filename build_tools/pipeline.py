"""The core pipeline without any site generator: load, check, render."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from . import LANGUAGES
from .checks import run_checks
from .sources.files import folders_resolved_once
from .sources.loader import load_curriculum
from .sources.model import Curriculum
from .sources.problems import Problems

if TYPE_CHECKING:  # `curriculum check` never renders: it does not pay for importing the renderer
    from .render import SiteTree


class BuildFailed(Exception):
    """The build stopped; `lines` say why, in the author's terms."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines

    def report(self) -> str:
        return "\n".join(self.lines)


def check_curriculum(root: Path, today: date | None = None) -> tuple[Curriculum, Problems]:
    problems = Problems(root)
    with _collector_paused(), folders_resolved_once():
        curriculum = load_curriculum(root, problems)
        run_checks(curriculum, problems, today)
    return curriculum, problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes millions of objects that all stay alive: each full pass of Python's cycle
    collector over them would find nothing (a quarter of a check's time at 1,000 modules)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compile_curriculum(root: Path, report: Callable[[str], None] = print,
                       languages: tuple[str, ...] = LANGUAGES) -> tuple[Curriculum, dict[str, SiteTree]]:
    """Load, check, execute the notebooks, render `languages`; BuildFailed says what stopped it."""
    from .render import render_site

    root = root.resolve()
    curriculum, problems = check_curriculum(root)
    if problems.errors:
        lines = [p.format() for p in problems.sorted()]
        lines.append(f"{len(problems.errors)} error(s): nothing was built, the previous site is unchanged")
        raise BuildFailed(lines)
    return curriculum, render_site(curriculum, notebook_pages(curriculum, report, languages), languages)


def notebook_pages(curriculum: Curriculum, report: Callable[[str], None] = print,
                   languages: tuple[str, ...] = LANGUAGES) -> dict:
    """(notebook path, lang) -> its converted page, executing only what the cache lacks."""
    from .notebooks.execute import NotebookCache, NotebookFailed, run_notebooks
    from .notebooks.page_cache import cached_convert

    sources = {lesson.notebook.path: lesson.notebook for m in curriculum.modules for lesson in m.lessons
               if lesson.notebook is not None}
    if not sources:
        return {}
    requests = [(source, lang) for source in sources.values() for lang in languages]
    cache = NotebookCache(curriculum.root / "build" / "cache" / "notebooks")
    try:
        executed = run_notebooks(requests, curriculum.root, cache, report)
    except NotebookFailed as failure:
        raise BuildFailed(str(failure).splitlines() + ["a notebook failed: nothing was built, the previous site is unchanged"])
    pages = {key: cached_convert(cache.folder / "pages", result.notebook, f"{key[0].stem}-{key[1]}")[0]
             for key, result in executed.items()}
    missing_alt = [f"{curriculum_path(curriculum, path)}: cell {cell}: a chart has no alt text: display it with "
                   f"lesson_tools.show_chart(figure, alt=...) (LANG={lang})"
                   for (path, lang), page in sorted(pages.items()) for cell in page.images_without_alt]
    if missing_alt:
        raise BuildFailed(missing_alt + ["charts need alt text: nothing was built, the previous site is unchanged"])
    return pages


def curriculum_path(curriculum: Curriculum, path: Path) -> str:
    return path.relative_to(curriculum.root).as_posix() if path.is_relative_to(curriculum.root) else str(path)
