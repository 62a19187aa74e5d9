"""One page of each kind in the real curriculum, found from the model so new modules need no new test."""
from __future__ import annotations

from pathlib import Path

from build_tools.sources.loader import load_curriculum
from build_tools.sources.problems import Problems
from fixture import REPO


def page_types(root: Path = REPO) -> dict[str, str]:
    """One page of each kind, from the curriculum in `root` (the real one): name -> path under /<lang>/."""
    curriculum = load_curriculum(root, Problems(root))
    modules = [m for track in curriculum.tracks for m in curriculum.track_modules(track.id)]
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
        "editorial status": "editorial-status/",
    }
    types["notebook lesson"] = f"modules/{notebook[0].id}/{notebook[1].slug}/" if notebook else "missing-notebook/"
    return types


PAGE_TYPES = page_types()
