"""The compiler without a site generator: the generated Markdown tree for the fixture curriculum."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.pipeline import compile_curriculum
from build_tools.render import write_tree
from build_tools.render import glossary
from build_tools.render.glossary import filing_key, initial
from build_tools.render.renderer import Renderer

EXPECTED_PAGES = {
    "index.md", "paths/index.md", "paths/alpha/index.md", "glossary.md", "mentors/index.md",
    "mentors/alpha-basics.md", "modules/alpha-basics/index.md", "modules/alpha-basics/first.md",
    "modules/alpha-basics/quiz.md", "modules/alpha-basics/practice.md", "modules/alpha-basics/print.md",
    "modules/alpha-basics/brief.md",
    "progress.md", "self-assessment.md", "editorial-status.md",
}


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


@pytest.mark.parametrize("title", ['A "quoted": title # not a comment', "- starts like a list item", "yes", "2026-11-30",
                                   "L'été\u00a0: à 100\u00a0%, «\u00a0enfin\u00a0»", "long " * 300, "two\nlines"])
def test_front_matter_gives_back_the_title_and_description(curriculum_root: Path, title: str) -> None:
    """What MkDocs and the social cards read back is what the renderer meant (libyaml writes it)."""
    cur, _ = compile_curriculum(curriculum_root)
    renderer = Renderer(cur, "fr")
    renderer.add("page.md", title, "Body.", title, {"search": {"exclude": True}})
    front = front_matter(renderer.tree.pages["page.md"])
    assert front == {"title": renderer.label(title), "description": renderer.label(title), "search": {"exclude": True}}


def test_both_languages_have_the_same_pages(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    assert set(trees["en"].pages) == EXPECTED_PAGES
    assert set(trees["fr"].pages) == EXPECTED_PAGES


def test_navigation_follows_the_learning_path(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    nav = trees["fr"].nav
    assert [next(iter(item)) for item in nav] == ["Accueil", "Par où commencer", "Parcours", "Guides du mentor",
                                                  "Glossaire", "Votre progression", "État éditorial"]
    paths = nav[2]["Parcours"]
    assert paths[0] == {"Parcours": "paths/index.md"}
    assert paths[1] == {"Parcours alpha": ["paths/alpha/index.md", {"Les bases alpha": [
        "modules/alpha-basics/index.md", "modules/alpha-basics/first.md",
        {"Quiz": "modules/alpha-basics/quiz.md"}, {"Mise en pratique": "modules/alpha-basics/practice.md"}]}]}


def test_quiz_is_a_form_with_answers_in_a_details_block(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    quiz = trees["en"].pages["modules/alpha-basics/quiz.md"]
    question, answer = quiz.split('<details class="rm-answers" markdown>')
    assert ('<form class="rm-question" id="question-1" data-number="1" data-question="q-one" data-answer="a" markdown>'
            in question)
    assert '<input type="radio" name="alpha-basics--q-one" value="a"> **a.** The first letter.</label>' in question
    assert "opens the Greek alphabet" not in question
    assert "**Right answer: a**" in answer
    assert '<li data-option="a" data-right="true" markdown="span">**a.** *Right.* Alpha opens the Greek alphabet.</li>' in answer
    assert '<li data-option="b" data-right="false" markdown="span">**b.** *Wrong.* Omega closes it.</li>' in answer
    fr = trees["fr"].pages["modules/alpha-basics/quiz.md"]
    assert "**Bonne réponse : a**" in fr and "*Faux.* Oméga le ferme." in fr


def test_questions_with_several_answers_use_checkboxes(curriculum_root: Path) -> None:
    yml = curriculum_root / "modules/alpha/alpha-basics/module.yml"
    yml.write_text(yml.read_text().replace("answer: a", "answer: [a, b]"))
    _, trees = compile_curriculum(curriculum_root)
    quiz = trees["en"].pages["modules/alpha-basics/quiz.md"]
    assert 'data-answer="a b"' in quiz and quiz.count('type="checkbox"') == 2


def test_module_and_mentor_guide_link_to_each_other(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    overview = trees["en"].pages["modules/alpha-basics/index.md"]
    guide = trees["en"].pages["mentors/alpha-basics.md"]
    assert "(../../mentors/alpha-basics.md)" in overview
    assert "(../modules/alpha-basics/index.md)" in guide
    assert "| 0:00 | 20 min | Check-in. |" in guide and "| 0:20 | 40 min | Demo. |" in guide
    assert '<li markdown="span">Bring a laptop.</li>' in guide


def test_overview_lists_objectives_lessons_terms_and_sources(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    page = trees["fr"].pages["modules/alpha-basics/index.md"]
    assert "- Expliquer alpha." in page and "- Décider d'alpha." in page
    assert "1. [Première leçon](first.md) (" in page and "min de lecture)" in page
    assert "[Robot d'exploration](../../glossary.md#crawler)" in page
    assert "Google Search Central, *How Search works* (en anglais), 2025." in page
    assert "1.1 Naviguer, rechercher et filtrer" in page


def test_glossary_has_an_anchor_per_term_and_names_its_modules(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    glossary = trees["en"].pages["glossary.md"]
    assert "## C {#letter_c}" in glossary  # the page's contents list letters, not every term
    assert '<div class="rm-glossary__entry" id="crawler" markdown>\n<dt markdown="span">Crawler</dt>' in glossary
    assert "[Alpha basics](modules/alpha-basics/index.md)" in glossary
    assert "## R {#letter_r}" in trees["fr"].pages["glossary.md"]  # « Robot d'exploration »


def test_a_large_glossary_has_a_page_per_letter_and_links_find_their_term(curriculum_root: Path, monkeypatch) -> None:
    monkeypatch.setattr(glossary, "SINGLE_PAGE_UP_TO", 0)
    lesson = curriculum_root / "modules/alpha/alpha-basics/first.fr.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nVoir [ce terme](../../glossary.yml#crawler).\n", encoding="utf-8")
    _, trees = compile_curriculum(curriculum_root)
    en, fr = trees["en"].pages, trees["fr"].pages
    assert "[C](glossary/c.md)" in en["glossary.md"] and "rm-glossary__entry" not in en["glossary.md"]
    assert 'id="crawler"' in en["glossary/c.md"] and 'id="crawler"' in fr["glossary/r.md"]  # « Robot d'exploration »
    assert "(../../glossary/c.md#crawler)" in en["modules/alpha-basics/index.md"]
    assert "[Robot d'exploration](../../glossary/r.md#crawler)" in fr["modules/alpha-basics/index.md"]
    assert "[ce terme](../../glossary/r.md#crawler)" in fr["modules/alpha-basics/first.md"]


@pytest.mark.parametrize("term, filed_under", [
    ("Écoute active", ("E", "letter_e")), ('"See more" cut', ("S", "letter_s")), ("échéance", ("E", "letter_e")),
    ("404 error", ("0–9", "letter_digits")), ("…", ("…", "letter_other"))])
def test_a_glossary_files_a_term_under_its_first_letter_without_accent(term: str, filed_under: tuple) -> None:
    assert initial(term) == filed_under


def test_a_glossary_sorts_accented_and_quoted_terms_among_their_letter() -> None:
    terms = ["Zone", "Écoute", "\"See more\" cut", "Encre", "Salon", "abri"]
    assert sorted(terms, key=filing_key) == ["abri", "Écoute", "Encre", "Salon", "\"See more\" cut", "Zone"]


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
    assert len(EXPECTED_PAGES) == 15
    assert write_tree(trees["en"], out) == 0
    (out / "stale.md").write_text("old")
    trees["en"].pages["index.md"] += "more\n"
    assert write_tree(trees["en"], out) == 2
    assert not (out / "stale.md").exists()


def test_pages_carry_a_description_and_lessons_a_progress_marker(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    lesson = trees["en"].pages["modules/alpha-basics/first.md"]
    assert lesson.startswith("---\n") and "schema: LearningResource" in lesson
    assert "description: Search engines read pages" in lesson
    assert '<div class="rm-lesson-done" data-lesson="alpha-basics/first" data-module="alpha-basics"></div>' in lesson
    overview = trees["fr"].pages["modules/alpha-basics/index.md"]
    assert "schema: Course" in overview and "description: Ce qu'est alpha." in overview
    track = trees["en"].pages["paths/alpha/index.md"]
    assert 'data-module="alpha-basics" data-lessons="alpha-basics/first"' in track
    descriptions = [page.split("description: ")[1].split("\n")[0] for page in trees["en"].pages.values()
                    if "description: " in page]
    assert len(descriptions) == len(trees["en"].pages) == len(set(descriptions)) + 0


def test_the_printable_edition_is_a_handout_with_the_answer_key_at_the_end(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    printable = trees["en"].pages["modules/alpha-basics/print.md"]
    assert "## First lesson" in printable and "### Section" in printable
    assert "## Key takeaways" in printable and "- Alpha comes first." in printable
    questions, key = printable.split("## Answer key")
    assert "**Question 1.** What is alpha?" in questions and "- **b.** The last letter." in questions
    assert "Right answer" not in questions and "Omega closes it" not in questions
    assert "**Right answer: a**" in key and "Omega closes it." in key


def test_the_brief_holds_takeaways_exercise_and_questions_on_one_page(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    brief = trees["fr"].pages["modules/alpha-basics/brief.md"]
    assert front_matter(brief)["print_pages"] == 1
    assert front_matter(brief)["title"] == "Les bases alpha\u00a0: la fiche de synthèse"
    for text in ("- Alpha vient en premier.", "Essayez alpha sur une page.", "- Qu'est-ce qui m'a surpris ?",
                 "- Qui s'occupe d'alpha ?", "## Questions à poser à votre équipe"):
        assert text in brief


def test_brief_and_printable_edition_stay_out_of_the_reading_order(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    flat = str(trees["en"].nav)
    assert "brief.md" not in flat and "print.md" not in flat
    practice = trees["en"].pages["modules/alpha-basics/practice.md"]
    assert "(brief.md)" in practice and "(print.md)" in practice


def test_french_labels_and_descriptions_carry_non_breaking_spaces(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    front = front_matter(trees["fr"].pages["modules/alpha-basics/quiz.md"])
    assert front["title"] == "Quiz d'auto-évaluation\u00a0: Les bases alpha"
    assert "«\u00a0Les bases alpha\u00a0»\u00a0: une question" in front["description"]
    assert "Les bases alpha" in trees["fr"].nav[2]["Parcours"][1]["Parcours alpha"][1]


def test_descriptions_are_sentences_not_a_title_pasted_into_a_template(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    practice = trees["fr"].pages["modules/alpha-basics/practice.md"]
    assert "description: Essayez alpha sur une page." in practice
    quiz = trees["en"].pages["modules/alpha-basics/quiz.md"]
    assert "module “Alpha basics”" in quiz


def test_sources_in_another_language_say_so(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    assert "*How Search works* (en anglais), 2025." in trees["fr"].pages["modules/alpha-basics/index.md"]
    assert "(in " not in trees["en"].pages["modules/alpha-basics/index.md"]


def test_glossary_terms_become_abbreviations(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    assert trees["en"].abbreviations == {"Crawler": "A program that fetches pages."}
    assert trees["fr"].abbreviations["Robot d'exploration"] == "Un programme qui récupère des pages."


def test_the_quiz_page_has_room_for_the_best_score_the_rule_and_announced_feedback(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    quiz = trees["en"].pages["modules/alpha-basics/quiz.md"]
    assert quiz.index('<p class="rm-quiz__best"></p>') < quiz.index('<form class="rm-question"')
    assert '<p class="rm-quiz__rule">Your first answer to each question counts for your score.' in quiz
    # live regions are in the page from the start, so screen readers announce what fills them
    assert quiz.count('<div class="rm-question__feedback" role="status" aria-live="polite"></div>') == 1
    assert quiz.index('<p class="rm-quiz__progress"></p>') < quiz.index('<div class="rm-quiz__score" role="status"')
    assert "première réponse à chaque question compte" in trees["fr"].pages["modules/alpha-basics/quiz.md"]


SECOND_TRACK = """
- id: beta
  title: {en: Beta track, fr: Parcours bêta}
  summary: {en: Nothing yet., fr: Rien encore.}
  self_assessment:
    - {en: I know beta., fr: Je connais bêta.}
"""


def test_the_self_assessment_says_which_paths_have_modules_and_names_the_first(curriculum_root: Path) -> None:
    tracks = curriculum_root / "modules/tracks.yml"
    tracks.write_text(tracks.read_text().rstrip("\n") + "\n  self_assessment:\n    - {en: I know alpha., fr: Je connais alpha.}\n"
                      + SECOND_TRACK)
    _, trees = compile_curriculum(curriculum_root)
    page = trees["en"].pages["self-assessment.md"]
    alpha = page.split('data-track="alpha"')[1].split("</fieldset>")[0]
    beta = page.split('data-track="beta"')[1].split("</fieldset>")[0]
    assert alpha.startswith(' data-published="true" data-first-module="Alpha basics" markdown>')
    assert "[Alpha basics](modules/alpha-basics/index.md){ .rm-assessment__first }" in alpha
    assert beta.startswith(' data-published="false" markdown>') and "no module published yet" in beta
    assert 'value="4"' in alpha and 'value="5"' not in alpha and "4 I could explain it" in page


def test_the_home_page_offers_to_resume_and_links_the_one_offline_zip(curriculum_root: Path) -> None:
    _, trees = compile_curriculum(curriculum_root)
    for lang, label in (("en", "Resume where you left off"), ("fr", "Reprendre là où vous en étiez")):
        home = trees[lang].pages["index.md"]
        assert f'<div class="rm-resume" data-label="{label}" hidden></div>' in home
        assert '<a href="../downloads/curriculum-offline.zip" download>' in home


def test_every_self_assessment_scale_in_the_sources_runs_from_1_to_4(repo: Path) -> None:
    """The site's self-assessment rates statements 1 to 4; lessons, exercises and the glossary that
    ask an executive to rate their skills use the same scale."""
    scale = re.compile(r"\b1 (?:\([^)]*\) )?(?:to|à) (\d+)")
    about_skills = re.compile(r"statements|affirmations|skills|compétences|self-assessment|auto-évaluation", re.I)
    texts = [p for p in (repo / "modules").rglob("*") if p.suffix in (".md", ".yml")]
    found = {(str(p.relative_to(repo)), int(n)) for p in texts for line in p.read_text(encoding="utf-8").splitlines()
             if about_skills.search(line) for n in scale.findall(line)}
    assert found and {n for _, n in found} == {4}, sorted(found)


def _add_tool(root: Path) -> None:
    (root / "tools").mkdir()
    (root / "tools/tools.yml").write_text("""\
- id: session-log
  track: alpha
  file: session-log.md
  print_pages: 1
  title:
    en: Session log
    fr: Journal de séance
  summary:
    en: What we did and what comes next.
    fr: Ce que nous avons fait et la suite.
""", encoding="utf-8")
    (root / "tools/session-log.md").write_text("# Session log\n\n| Date | What we did |\n|---|---|\n| | |\n")
    (root / "tools/session-log.fr.md").write_text("# Journal de séance\n\n| Date | Ce que nous avons fait |\n|---|---|\n| | |\n")


def test_tools_are_pages_reached_from_their_path_and_every_mentor_guide(curriculum_root: Path) -> None:
    _add_tool(curriculum_root)
    _, trees = compile_curriculum(curriculum_root)
    pages = trees["fr"].pages
    tool = pages["tools/session-log.md"]
    assert front_matter(tool)["print_pages"] == 1 and "# Journal de séance" in tool and "tient sur une page A4" in tool
    assert "[Journal de séance](../../tools/session-log.md)" in pages["paths/alpha/index.md"]
    assert "[Journal de séance](../tools/session-log.md)" in pages["mentors/alpha-basics.md"]
    assert "[Questionnaire d'auto-évaluation](../self-assessment.md)" in pages["tools/index.md"]
    assert {"Outils du programme": ["tools/index.md", "tools/session-log.md"]} in trees["fr"].nav


def test_plain_text_keeps_no_space_where_a_marker_was() -> None:
    from build_tools.render.text import plain

    assert plain("A study (*Pew Research Center*, 2025) found **fewer** clicks.") == \
        "A study (Pew Research Center, 2025) found fewer clicks."
    assert plain("See [the guide](https://example.org/) `now`.") == "See the guide now."


def test_an_authors_text_cannot_open_html_or_add_attributes() -> None:
    from build_tools.render.text import markdown_text, meta_text

    assert markdown_text("<script>x</script> and `<b>` kept") == "&lt;script>x&lt;/script> and `<b>` kept"
    assert markdown_text("Title {: onclick=x }") == "Title \\{: onclick=x \\}"
    assert markdown_text("<https://example.org/>") == "<https://example.org/>"
    assert meta_text("en", 'A "quoted" <b>title</b> & more') == "A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more"


def test_the_editorial_status_page_shows_each_module_for_maintainers(curriculum_root: Path) -> None:
    guide = curriculum_root / "modules/alpha/alpha-basics/mentor-guide.fr.md"
    guide.write_text(guide.read_text().replace("{#plan-b}", "").replace("{#pitfalls}", ""))
    yml = curriculum_root / "modules/alpha/alpha-basics/module.yml"
    yml.write_text(yml.read_text().replace("status: published", "status: draft"))
    _, trees = compile_curriculum(curriculum_root)
    en = trees["en"].pages["editorial-status.md"]
    assert "search:\n  exclude: true" in en
    row = next(line for line in en.splitlines() if "Alpha basics" in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[0] == "[Alpha basics](modules/alpha-basics/index.md)"
    assert cells[1:6] == ["draft", "en, fr", "2/2", "3 (en) / 3 (fr)", "1"]
    assert cells[6:8] == ["1 (en) / 0 (fr)", "1:1"]  # "La première lettre." is no longer than "La dernière"
    assert cells[10] == "missing: plan-b, pitfalls (fr)"
    fr = trees["fr"].pages["editorial-status.md"]
    assert "# État éditorial" in fr and "| brouillon |" in fr and "manque : plan-b, pitfalls (fr)" in fr


def test_the_module_time_adds_up_from_the_times_its_pages_announce(curriculum_root: Path) -> None:
    from fixture import add_notebook_lesson

    add_notebook_lesson(curriculum_root)
    curriculum, trees = compile_curriculum(curriculum_root)
    module = curriculum.modules[0]
    for lang, tree in trees.items():
        overview = tree.pages["modules/alpha-basics/index.md"]
        announced = [int(n) for n in re.findall(r"\((\d+) min", overview)]
        total = int(re.search(r"\| (\d+) minutes? \|", overview).group(1))
        assert total == sum(announced) == module.minutes(lang), (lang, announced, total)
        for lesson in module.lessons:
            page = tree.pages[f"modules/alpha-basics/{lesson.slug}.md"]
            assert f"*{module.lesson_minutes(lesson, lang)} min" in page
