"""The compiler without a site generator: the generated Markdown tree for the fixture curriculum."""
from __future__ import annotations

from pathlib import Path

from build_tools.pipeline import compile_curriculum
from build_tools.render import write_tree

EXPECTED_PAGES = {
    "index.md", "paths/index.md", "paths/alpha.md", "glossary.md", "mentors/index.md",
    "mentors/alpha-basics.md", "modules/alpha-basics/index.md", "modules/alpha-basics/first.md",
    "modules/alpha-basics/quiz.md", "modules/alpha-basics/practice.md",
}


def test_both_languages_have_the_same_pages(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    assert set(trees["en"].pages) == EXPECTED_PAGES
    assert set(trees["fr"].pages) == EXPECTED_PAGES


def test_navigation_follows_the_learning_path(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    nav = trees["fr"].nav
    assert [next(iter(item)) for item in nav] == ["Accueil", "Parcours", "Guides du mentor", "Glossaire"]
    paths = nav[1]["Parcours"]
    assert paths[0] == "paths/index.md"
    assert paths[1] == {"Parcours alpha": ["paths/alpha.md", {"Les bases alpha": [
        "modules/alpha-basics/index.md", "modules/alpha-basics/first.md",
        "modules/alpha-basics/quiz.md", "modules/alpha-basics/practice.md"]}]}


def test_quiz_hides_answers_and_explains_every_option(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    quiz = trees["en"].pages["modules/alpha-basics/quiz.md"]
    question, answer = quiz.split('??? question "Answer and explanations"')
    assert "- **a.** The first letter." in question and "Right." not in question
    assert "**Right answer: a**" in answer
    assert "- **a.** *Right.* Right." in answer and "- **b.** *Wrong.* Wrong." in answer
    fr = trees["fr"].pages["modules/alpha-basics/quiz.md"]
    assert "**Bonne réponse : a**" in fr and "*Faux.* Faux." in fr


def test_module_and_mentor_guide_link_to_each_other(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    overview = trees["en"].pages["modules/alpha-basics/index.md"]
    guide = trees["en"].pages["mentors/alpha-basics.md"]
    assert "(../../mentors/alpha-basics.md)" in overview
    assert "(../modules/alpha-basics/index.md)" in guide
    assert "| 0:00 | 20 min | Check-in. |" in guide and "| 0:20 | 40 min | Demo. |" in guide
    assert "- [ ] Bring a laptop." in guide


def test_overview_lists_objectives_lessons_terms_and_sources(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    page = trees["fr"].pages["modules/alpha-basics/index.md"]
    assert "- Expliquer alpha." in page and "- Décider d'alpha." in page
    assert "1. [Première leçon](first.md) (" in page and "min de lecture)" in page
    assert "[Robot d'exploration](../../glossary.md#crawler)" in page
    assert "Google Search Central, *How Search works*, 2025." in page
    assert "1.1 Naviguer, rechercher et filtrer" in page


def test_glossary_has_an_anchor_per_term_and_names_its_modules(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    glossary = trees["en"].pages["glossary.md"]
    assert "## Crawler {#crawler}" in glossary
    assert "[Alpha basics](modules/alpha-basics/index.md)" in glossary


def test_a_draft_falls_back_to_the_other_language_and_says_so(curriculum_root: Path) -> None:
    yml = curriculum_root / "modules/alpha/alpha-basics/module.yml"
    yml.write_text(yml.read_text().replace("status: published", "status: draft").replace("  fr: Les bases alpha\n", ""))
    (curriculum_root / "modules/alpha/alpha-basics/first.fr.md").unlink()
    _, trees = compile_curriculum(curriculum_root)
    assert "modules/alpha-basics/first.md" in trees["fr"].untranslated
    assert "modules/alpha-basics/index.md" in trees["fr"].untranslated
    lesson = trees["fr"].pages["modules/alpha-basics/first.md"]
    assert "pas encore traduite" in lesson and "# First lesson" in lesson
    assert trees["en"].untranslated == []


def test_write_tree_rewrites_only_what_changed_and_removes_stale_files(curriculum_root: Path, tmp_path: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    out = tmp_path / "src"
    assert write_tree(trees["en"], out) == len(EXPECTED_PAGES)
    assert write_tree(trees["en"], out) == 0
    (out / "stale.md").write_text("old")
    trees["en"].pages["index.md"] += "more\n"
    assert write_tree(trees["en"], out) == 2
    assert not (out / "stale.md").exists()
