"""Quizzes as the executive uses them: feedback, which answer counts, the questions still open,
the best score, screen readers, the keyboard, instant navigation."""
from __future__ import annotations

import re

import pytest

from site_pages import FIRST, answer, wrong_option

QUESTIONS = FIRST.model.quiz
N = len(QUESTIONS)
QUIZ = f"modules/{FIRST.id}/quiz/"


@pytest.mark.parametrize("lang, right_text, wrong_text, score_text", [
    ("en", "✓ Right.", "✗ Wrong. The right answer: {answer}.", "You scored {s} out of {n}."),
    ("fr", "✓ Juste.", "✗ Faux. La bonne réponse\u00a0: {answer}.", "Votre score\u00a0: {s} sur {n}."),
])
def test_quiz_right_and_wrong_answers_then_score_and_try_again(watched, lang, right_text, wrong_text, score_text) -> None:
    watched.open(f"{lang}/{QUIZ}")
    page = watched.page
    forms = page.locator("form.rm-question")
    assert forms.count() == N
    assert not page.locator("details.rm-answers").first.is_visible(), "answers are hidden once the script runs"
    for index, question in enumerate(QUESTIONS):
        form = forms.nth(index)
        feedback = form.locator(".rm-question__feedback")
        if index == 1:  # one wrong answer: an option that is not right
            wrong = wrong_option(question)
            answer(form, [wrong])
            assert wrong_text.format(answer=", ".join(question.answer)) in feedback.inner_text()
            explanation = next(o for o in question.options if o.id == wrong).explanation.get(lang)
            assert explanation.split()[-1] in feedback.inner_text()
        else:
            answer(form, question.answer)
            assert feedback.inner_text().startswith(right_text)
    score = page.locator(".rm-quiz__score")
    assert score_text.format(s=N - 1, n=N) in score.inner_text()
    page.locator(".rm-quiz__again").click()
    assert score.inner_text() == "" and page.locator(".rm-quiz input:checked").count() == 0
    assert watched.errors == []


def test_only_the_first_check_counts_and_the_page_says_so(watched) -> None:
    watched.open(f"en/{QUIZ}")
    page = watched.page
    assert "Your first answer to each question counts for your score" in page.locator(".rm-quiz__rule").inner_text()
    forms = page.locator("form.rm-question")
    first = forms.nth(0)
    answer(first, [wrong_option(QUESTIONS[0])])
    if len(QUESTIONS[0].answer) > 1:  # checkboxes keep the wrong option checked
        for box in first.locator("input:checked").all():
            box.uncheck()
    answer(first, QUESTIONS[0].answer)
    feedback = first.locator(".rm-question__feedback").inner_text()
    assert feedback.startswith("✓ Right.") and "Your score keeps your first answer to this question (wrong)." in feedback
    for index, question in enumerate(QUESTIONS[1:], 1):
        answer(forms.nth(index), question.answer)
    assert f"You scored {N - 1} out of {N}." in page.locator(".rm-quiz__score").inner_text()


def test_the_page_says_which_questions_are_still_unanswered(watched) -> None:
    assert N >= 3, "the first module's quiz needs three questions for this test"
    watched.open(f"en/{QUIZ}")
    page = watched.page
    forms = page.locator("form.rm-question")
    progress = page.locator(".rm-quiz__progress")
    assert not progress.is_visible(), "nothing to say before the first answer"
    answer(forms.nth(0), QUESTIONS[0].answer)
    missing = [f"question {n}" for n in range(2, N + 1)]
    assert progress.inner_text() == f"Answered: 1 of {N}. Still unanswered: {', '.join(missing)}."
    answer(forms.nth(N - 1), QUESTIONS[-1].answer)
    missing = missing[:-1]
    # checking the last question with others still open: the announced region says which
    assert page.locator(".rm-quiz__score").inner_text() == f"Still unanswered: {', '.join(missing)}."
    page.locator(".rm-quiz__progress a").first.click()
    assert page.url.endswith("#question-2")


def test_the_quiz_page_shows_the_previous_best_score_with_its_date(watched) -> None:
    watched.open(f"en/{QUIZ}")
    page = watched.page
    assert page.locator(".rm-quiz__best").inner_text() == ""
    forms = page.locator("form.rm-question")
    for index, question in enumerate(QUESTIONS):
        answer(forms.nth(index), [wrong_option(question)] if index == 0 else question.answer)
    assert "This is your best score so far." in page.locator(".rm-quiz__score").inner_text()
    page.reload()
    best = page.locator(".rm-quiz__best").inner_text()
    # a date written the British way: "29 November 2026"
    assert re.fullmatch(rf"Your best score on this quiz: {N - 1} out of {N}, on \d{{1,2}}\u00a0[A-Z][a-z]+\u00a0\d{{4}}\.", best), best
    watched.open(f"fr/{QUIZ}")
    best = page.locator(".rm-quiz__best").inner_text()
    assert re.fullmatch(rf"Votre meilleur score à ce quiz\u00a0: {N - 1} sur {N}, le (1er|\d{{1,2}})\u00a0[a-zéû]+\u00a0\d{{4}}\.", best), best


def _live_regions(page) -> list[dict]:
    """The status regions that are in the accessibility tree (not ignored), with their names."""
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")["nodes"]
    return [node for node in tree if not node.get("ignored") and node.get("role", {}).get("value") == "status"]


def test_feedback_regions_are_in_the_accessibility_tree_before_they_are_filled(watched) -> None:
    """Screen readers announce a live region's new text only if the region was there before."""
    watched.open(f"en/{QUIZ}")
    page = watched.page
    assert page.locator(".rm-question__feedback").first.inner_text() == ""
    assert len(_live_regions(page)) >= N + 1, "one per question and the score"
    answer(page.locator("form.rm-question").first, QUESTIONS[0].answer)
    assert page.locator(".rm-question__feedback").first.get_attribute("role") == "status"


def test_quiz_works_with_the_keyboard_alone(watched) -> None:
    watched.open(f"en/{QUIZ}")
    page = watched.page
    question = QUESTIONS[0]
    first_input = page.locator("form.rm-question").first.locator("input").first
    first_input.focus()
    options = [o.id for o in question.options]
    for _ in range(options.index(question.answer[0])):
        page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    if question.answer[0] == options[0]:
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "Right" in page.locator(".rm-question__feedback").first.inner_text()


def test_quiz_best_score_shows_on_the_module_page(watched) -> None:
    watched.open(f"en/{QUIZ}")
    forms = watched.page.locator("form.rm-question")
    for index, question in enumerate(QUESTIONS):
        answer(forms.nth(index), question.answer)
    watched.open(f"en/modules/{FIRST.id}/")
    assert f"best quiz score {N}/{N}" in watched.page.locator(".rm-quiz-mark").inner_text()


def test_quiz_and_progress_work_after_instant_navigation(watched) -> None:
    """Material swaps pages without reloading; the script must set up each new page."""
    watched.open(f"en/modules/{FIRST.id}/")
    page = watched.page
    # Material takes over a click only once it has read sitemap.xml (the pages it may load itself);
    # a click before that is an ordinary page load, as for a reader on a slow line. The script's start
    # does not wait for the sitemap: on a busy machine the click could win (a fresh clone's run did).
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'article a[href$="/{FIRST.id}/quiz/"]').first.click()
    page.wait_for_url(f"**/modules/{FIRST.id}/quiz/")
    page.locator(".rm-quiz[data-rm-ready]").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation did not run"
    answer(page.locator("form.rm-question").first, QUESTIONS[0].answer)
    feedback = page.locator(".rm-question__feedback").first
    assert "Right" in feedback.inner_text()
    # set up twice, the form would check the answer twice: the second time as a repeat
    assert feedback.locator(".rm-question__counted").count() == 0, "set up once, not twice"
    assert watched.errors == []
