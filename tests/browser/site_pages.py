"""One page of each kind in the real curriculum, found from the model so new modules need no new
test; and what a reader does on a quiz."""
from __future__ import annotations

from pathlib import Path

from build_tools.render.glossary import INDEX, term_pages
from build_tools.sources.loader import load_curriculum
from build_tools.sources.problems import Problems
from fixture import REPO


def _in_track_order(curriculum) -> list:
    return [m for track in curriculum.tracks for m in curriculum.track_modules(track.id)]


CURRICULUM = load_curriculum(REPO, Problems(REPO))
MODULES = _in_track_order(CURRICULUM)
FIRST = MODULES[0]


def page_types(root: Path = REPO) -> dict[str, str]:
    """One page of each kind, from the curriculum in `root` (the real one by default, the benchmark's
    generated ones too): name -> path under /<lang>/."""
    curriculum = CURRICULUM if root == REPO else load_curriculum(root, Problems(root))
    modules = MODULES if root == REPO else _in_track_order(curriculum)
    module = modules[0]
    markdown_lesson = next(l for l in module.lessons if l.notebook is None)
    notebook = next(((m, l) for m in modules for l in m.lessons if l.notebook is not None), None)
    types = {
        "home": "",
        "learning path": f"paths/{module.model.track}/",
        "module overview": f"modules/{module.id}/",
        "lesson": f"modules/{module.id}/{markdown_lesson.slug}/",
        "quiz": f"modules/{module.id}/quiz/",
        "exercise": f"modules/{module.id}/practice/",
        "printable module": f"modules/{module.id}/print/",
        "mentor guide": f"mentors/{module.id}/",
        "glossary": "glossary/",
        "self-assessment": "self-assessment/",
        "progress": "progress/",
        "authors' guide": "contribute/",
        "checker rules": "rules/",
        "about": "about/",
        "editorial status": "editorial-status/",
    }
    types["notebook lesson"] = f"modules/{notebook[0].id}/{notebook[1].slug}/" if notebook else "missing-notebook/"
    first_term_page = next(iter(term_pages(curriculum, "en").values()), INDEX)
    if first_term_page != INDEX:  # a large glossary: a page per letter
        types["glossary letter"] = first_term_page.removesuffix(".md") + "/"
    return types


PAGE_TYPES = page_types()


def offline_path(folder: Path, path: str) -> Path:
    """The same page in a language's folder of the offline edition, where pages are files:
    "modules/x/quiz/" is modules/x/quiz.html, a section's "modules/x/" is modules/x/index.html."""
    index = folder / path / "index.html"
    return index if index.is_file() else folder / (path.rstrip("/") + ".html")


def answer(form, options: list[str]) -> None:
    """Chooses these options of a question and checks them."""
    for option in options:
        form.locator(f'input[value="{option}"]').check()
    form.locator(".rm-question__check").click()


def wrong_option(question) -> str:
    return next(o.id for o in question.options if o.id not in question.answer)
