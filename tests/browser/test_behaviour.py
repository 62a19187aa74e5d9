"""What the executive does in the browser: quizzes, progress, language, search, offline, self-assessment."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from build_tools.sources.loader import load_curriculum
from build_tools.sources.problems import Problems
from fixture import REPO
from conftest import search
from site_pages import PAGE_TYPES

CURRICULUM = load_curriculum(REPO, Problems(REPO))
FIRST = next(m for track in CURRICULUM.tracks for m in CURRICULUM.track_modules(track.id))


def _answer(page, form, options: list[str]) -> None:
    for option in options:
        form.locator(f'input[value="{option}"]').check()
    form.locator(".rm-question__check").click()


@pytest.mark.parametrize("lang, right_text, wrong_text, score_text", [
    ("en", "Correct", "Not quite", "You scored {s} out of {n}"),
    ("fr", "Bonne réponse", "Pas tout à fait", "Votre score : {s} sur {n}"),
])
def test_quiz_right_and_wrong_answers_then_score_and_try_again(watched, lang, right_text, wrong_text, score_text) -> None:
    watched.open(f"{lang}/modules/{FIRST.id}/quiz/")
    page = watched.page
    forms = page.locator("form.rm-question")
    questions = FIRST.model.quiz
    assert forms.count() == len(questions)
    assert not page.locator("details.rm-answers").first.is_visible(), "answers are hidden once the script runs"
    for index, question in enumerate(questions):
        form = forms.nth(index)
        if index == 1:  # one wrong answer: an option that is not right
            wrong = next(o.id for o in question.options if o.id not in question.answer)
            _answer(page, form, [wrong])
            feedback = form.locator(".rm-question__feedback")
            assert wrong_text in feedback.inner_text() and ", ".join(question.answer) in feedback.inner_text()
            explanation = next(o for o in question.options if o.id == wrong).explanation.get(lang)
            assert explanation.split()[0] in feedback.inner_text()
            assert feedback.get_attribute("aria-live") == "polite"
        else:
            _answer(page, form, question.answer)
            assert right_text in form.locator(".rm-question__feedback").inner_text()
    score = page.locator(".rm-quiz__score")
    assert score_text.format(s=len(questions) - 1, n=len(questions)) in score.inner_text()
    page.locator(".rm-quiz__again").click()
    assert score.inner_text() == "" and page.locator(".rm-quiz input:checked").count() == 0
    assert watched.errors == []


def test_quiz_works_with_the_keyboard_alone(watched) -> None:
    watched.open(f"en/modules/{FIRST.id}/quiz/")
    page = watched.page
    question = FIRST.model.quiz[0]
    first_input = page.locator("form.rm-question").first.locator("input").first
    first_input.focus()
    options = [o.id for o in question.options]
    for _ in range(options.index(question.answer[0])):
        page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    if question.answer[0] == options[0]:
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "Correct" in page.locator(".rm-question__feedback").first.inner_text()


def test_quiz_best_score_shows_on_the_module_page(watched) -> None:
    watched.open(f"en/modules/{FIRST.id}/quiz/")
    forms = watched.page.locator("form.rm-question")
    for index, question in enumerate(FIRST.model.quiz):
        _answer(watched.page, forms.nth(index), question.answer)
    watched.open(f"en/modules/{FIRST.id}/")
    n = len(FIRST.model.quiz)
    assert f"best quiz score {n}/{n}" in watched.page.locator(".rm-quiz-mark").inner_text()


def test_mark_a_lesson_done_keep_it_after_reload_export_and_reset(watched, tmp_path: Path) -> None:
    lesson = FIRST.lessons[0]
    key = f"{FIRST.id}/{lesson.slug}"
    page = watched.page
    watched.open(f"en/modules/{FIRST.id}/{lesson.slug}/")
    toggle = page.locator(".rm-lesson-done button")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert page.locator(".rm-lesson-done button").get_attribute("aria-pressed") == "true"
    watched.open(f"en/modules/{FIRST.id}/")
    assert "done" in page.locator(f'.rm-lesson-mark[data-lesson="{key}"]').inner_text()
    watched.open(f"en/paths/{FIRST.model.track}/")
    assert f"1 of {len(FIRST.lessons)} lessons done" in page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]').inner_text()
    watched.open("en/progress/")
    assert "stays in this browser" in page.locator("article").inner_text()
    with page.expect_download() as download:
        page.locator(".rm-progress__export").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert key in json.loads(exported.read_text())["lessons"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".rm-progress__reset").click()
    assert page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]').inner_text() == ""
    watched.open(f"en/modules/{FIRST.id}/{lesson.slug}/")
    assert page.locator(".rm-lesson-done button").get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_language_switcher_lands_on_the_same_page(watched, name: str) -> None:
    path = PAGE_TYPES[name]
    watched.open(f"en/{path}")
    page = watched.page
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="fr"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{watched.origin}/fr/{path}"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert watched.errors == []


def _distinctive_word(site: Path, lang: str, lesson_path: str) -> str:
    """A long word of the lesson's body that no other page of the language uses."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text())["docs"]
    texts = {doc["location"]: doc["text"].lower() for doc in index}
    words = lambda text: set(re.findall(r"[a-zà-ÿ]{9,}", re.sub(r"<[^>]+>", " ", text)))  # noqa: E731
    page = lambda location: location.split("#")[0]  # noqa: E731
    printable = lesson_path.rsplit("/", 2)[0] + "/print/"  # holds every lesson of the module too
    mine = set().union(*(words(t) for loc, t in texts.items() if page(loc) == lesson_path))
    others = set().union(*(words(t) for loc, t in texts.items() if page(loc) not in (lesson_path, printable)))
    return sorted(mine - others)[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_search_finds_a_lesson_by_a_word_from_its_body(watched, real_site, lang: str) -> None:
    lesson_path = PAGE_TYPES["lesson"]
    word = _distinctive_word(real_site[0], lang, lesson_path)
    watched.open(f"{lang}/")
    hrefs = watched.search(word)
    assert any(lesson_path in href for href in hrefs), (word, hrefs)
    assert watched.errors == [] and watched.foreign_requests() == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_offline_edition_searches_from_disk(browser, real_site, tmp_path: Path, lang: str) -> None:
    archive = real_site[0] / lang / "downloads" / f"curriculum-offline-{lang}.zip"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path)
    home = tmp_path / f"curriculum-{lang}" / "index.html"
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(home.as_uri())
    assert search(page, FIRST.model.title.get(lang).split()[-1]), "no search result from the offline edition"
    assert all(url.startswith("file:") or url.startswith("data:") for url in requests), requests
    context.close()


def test_self_assessment_suggests_where_to_start_and_remembers(watched) -> None:
    watched.open("en/self-assessment/")
    page = watched.page
    tracks = page.locator(".rm-assessment__track")
    assert tracks.count() >= 2
    for index in range(tracks.count()):
        score = "1" if index == 1 else "4"
        for radio in tracks.nth(index).locator(f'input[value="{score}"]').all():
            radio.check()
    result = page.locator(".rm-assessment__result")
    second = tracks.nth(1).locator("legend").inner_text()
    assert "Suggested start" in result.inner_text() and second in result.inner_text()
    page.reload()
    assert second in page.locator(".rm-assessment__result").inner_text()


def test_glossary_terms_carry_their_definition_as_a_tooltip(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['lesson']}")
    abbreviations = watched.page.locator("article abbr[title]")
    assert abbreviations.count() >= 1
    assert len(abbreviations.first.get_attribute("title")) > 20


def test_printing_hides_navigation_and_shows_the_quiz_answers(watched) -> None:
    watched.open(f"en/modules/{FIRST.id}/print/")
    page = watched.page
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    answers = page.locator("details.rm-answers")
    assert answers.count() == len(FIRST.model.quiz)
    assert answers.first.locator("li").first.is_visible()
    after = page.evaluate("""() => { const a = [...document.querySelectorAll('article a[href^="http"]')][0];
                                     return a ? getComputedStyle(a, '::after').content : ''; }""")
    assert "http" in after, "links print their address after their text"


def test_the_quiz_page_prints_its_answers(watched) -> None:
    watched.open(f"en/modules/{FIRST.id}/quiz/")
    page = watched.page
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator("details.rm-answers li").first.is_visible()
    assert not page.locator(".rm-question__check").first.is_visible()


def test_quiz_and_progress_work_after_instant_navigation(watched) -> None:
    """Material swaps pages without reloading; the script must set up each new page."""
    watched.open(f"en/modules/{FIRST.id}/")
    page = watched.page
    page.evaluate("window.__sameDocument = true")
    page.locator(f'article a[href$="/{FIRST.id}/quiz/"]').first.click()
    page.wait_for_url(f"**/modules/{FIRST.id}/quiz/")
    page.locator(".rm-question__check").first.wait_for()
    assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation did not run"
    question = FIRST.model.quiz[0]
    _answer(page, page.locator("form.rm-question").first, question.answer)
    assert "Correct" in page.locator(".rm-question__feedback").first.inner_text()
    assert watched.errors == []


def test_the_mentor_guide_prints_as_a_session_sheet(watched) -> None:
    watched.open(f"en/mentors/{FIRST.id}/")
    page = watched.page
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("ul.rm-checklist li").first.is_visible()
    assert page.locator("article table").first.is_visible()
    box = page.evaluate("getComputedStyle(document.querySelector('ul.rm-checklist li'), '::before').content")
    assert "☐" in box
