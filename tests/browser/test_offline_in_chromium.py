"""The offline edition opened from disk (file://) in Chromium: everything interactive works as
online, the language switcher and search included, with no request leaving the disk."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import search
from site_pages import FIRST, PAGE_TYPES, answer, offline_path
from test_behaviour import distinctive_word, without_accents
from test_pages import axe_violations, describe


@pytest.fixture
def offline(offline_edition: Path) -> Path:
    """The offline edition, unzipped (one per worker)."""
    return offline_edition


@pytest.fixture
def disk_page(browser):
    """A page whose errors and non-file requests are recorded."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def _away_from_disk(page) -> list[str]:
    return [url for url in page.requests if not url.startswith(("file:", "data:", "blob:"))]


def test_quizzes_progress_self_assessment_and_the_switcher_work_from_disk(disk_page, offline: Path) -> None:
    page = disk_page
    page.goto((offline / "index.html").as_uri())
    page.wait_for_url("**/en/index.html")  # the chooser follows the browser's language

    page.goto(offline_path(offline / "en", f"modules/{FIRST.id}/quiz/").as_uri())
    forms = page.locator("form.rm-question")
    for index, question in enumerate(FIRST.model.quiz):
        answer(forms.nth(index), question.answer)
    assert forms.first.locator(".rm-question__feedback").inner_text().startswith("✓ Right.")
    n = len(FIRST.model.quiz)
    expect(page.locator(".rm-quiz__score")).to_contain_text(f"You scored {n} out of {n}.")

    lesson = FIRST.lessons[0]
    page.goto(offline_path(offline / "en", f"modules/{FIRST.id}/{lesson.slug}/").as_uri())
    page.locator(".rm-lesson-done button").click()
    expect(page.locator(".rm-lesson-done button")).to_have_attribute("aria-pressed", "true")

    page.goto((offline / "en" / "progress.html").as_uri())
    assert not page.locator(".rm-needs-js").is_visible(), "the progress page runs its script"
    mark = page.locator(f'.rm-module-progress[data-module="{FIRST.id}"]')
    assert f"1 of {len(FIRST.lessons)} lessons done" in mark.inner_text() and f"best quiz score {n}/{n}" in mark.inner_text()
    page.locator(".rm-share__make").click()
    expect(page.locator("#rm-share-out")).to_have_value(re.compile(r"^z[A-Za-z0-9_-]+$"))  # a code, not a file:// link

    page.goto((offline / "en" / "self-assessment.html").as_uri())
    for radio in page.locator('.rm-assessment__track[data-published="true"] input[value="2"]').all():
        radio.check()
    first_link = page.locator(".rm-assessment__result a").nth(1)
    assert first_link.get_attribute("href").endswith(".html")

    page.goto((offline / "en" / "index.html").as_uri())
    resume = page.locator(".rm-resume a")
    assert resume.get_attribute("href").endswith(".html")
    resume.click()
    assert page.locator("article h1").is_visible() and page.url.endswith(".html")

    page.goto(offline_path(offline / "en", f"modules/{FIRST.id}/quiz/").as_uri())
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(f"**/fr/modules/{FIRST.id}/quiz.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.locator(".rm-quiz__best")).to_contain_text(f"Votre meilleur score à ce quiz\u00a0: {n} sur {n}")
    assert page.errors == [] and _away_from_disk(page) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_offline_edition_searches_from_disk(disk_page, offline: Path, real_site, lang: str) -> None:
    page = disk_page
    page.goto((offline / lang / "index.html").as_uri())
    assert search(page, FIRST.model.title.get(lang).split()[-1]), "no search result from the offline edition"
    if lang == "fr":
        word = distinctive_word(real_site[0], "fr", PAGE_TYPES["lesson"], accented=True)
        lesson = offline_path(offline / lang, PAGE_TYPES["lesson"]).relative_to(offline / lang).as_posix()
        assert any(lesson in href for href in search(page, without_accents(word))), word
    assert page.errors == [] and _away_from_disk(page) == []


# the pages whose scripts or links differ from disk; the others share their templates
OFFLINE_TYPES = ["home", "lesson", "quiz", "self-assessment", "progress"]


def test_the_offline_chooser_passes_axe(disk_page, offline: Path) -> None:
    # as a reader without JavaScript sees it: with it, the page goes on to a language at once
    chooser = re.sub(r"<script>.*?</script>", "", (offline / "index.html").read_text(encoding="utf-8"), flags=re.S)
    disk_page.set_content(chooser)
    violations = axe_violations(disk_page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_axe_finds_no_violation_in_the_offline_edition(disk_page, offline: Path, lang: str) -> None:
    pages = [offline_path(offline / lang, PAGE_TYPES[name]) for name in OFFLINE_TYPES]
    found = {}
    for path in pages:
        disk_page.goto(path.as_uri())
        disk_page.wait_for_load_state("load")
        violations = axe_violations(disk_page)
        if violations:
            found[str(path.relative_to(offline))] = describe(violations)
    assert found == {}
