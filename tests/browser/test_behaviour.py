"""What the executive does in the browser besides quizzes and progress: language, search,
glossary, printing. (Quizzes: test_quiz.py; progress: test_progress.py; from disk: test_offline_in_chromium.py.)"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from site_pages import FIRST, PAGE_TYPES


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_language_switcher_lands_on_the_same_page(watched, name: str) -> None:
    path = PAGE_TYPES[name]
    watched.open(f"en/{path}")
    page = watched.page
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(f"{watched.origin}/fr/{path}")
    watched.ready()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert watched.errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_page_reads_one_sitemap_its_own_language(watched, lang: str) -> None:
    """Material's script parses the sitemap of every language a page's head names as an alternate,
    on every page view: at 200 modules that was three parses of 700 KB before the page could answer."""
    page = watched.page
    with page.expect_response(f"{watched.origin}/{lang}/sitemap.xml"):
        watched.open(f"{lang}/modules/{FIRST.id}/")
    page.wait_for_load_state("networkidle")  # what else the scripts fetch once they have started
    assert [url for url in watched.requests if url.endswith("sitemap.xml")] == [f"{watched.origin}/{lang}/sitemap.xml"]


def without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def distinctive_word(site: Path, lang: str, lesson_path: str, accented: bool = False) -> str:
    """A long word of the lesson's body that no other page of the language uses (with `accented`,
    one that carries an accent)."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text())["docs"]
    texts = {doc["location"]: doc["text"].lower() for doc in index}
    words = lambda text: set(re.findall(r"[a-zà-ÿ]{9,}", re.sub(r"<[^>]+>", " ", text)))  # noqa: E731
    page = lambda location: location.split("#")[0]  # noqa: E731
    printable = lesson_path.rsplit("/", 2)[0] + "/print/"  # holds every lesson of the module too
    mine = set().union(*(words(t) for loc, t in texts.items() if page(loc) == lesson_path))
    others = set().union(*(words(t) for loc, t in texts.items() if page(loc) not in (lesson_path, printable)))
    candidates = sorted(w for w in mine - others if not accented or without_accents(w) != w)
    assert candidates, f"no distinctive word in {lesson_path}"
    return candidates[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_search_finds_a_lesson_by_a_word_from_its_body(watched, real_site, lang: str) -> None:
    lesson_path = PAGE_TYPES["lesson"]
    word = distinctive_word(real_site[0], lang, lesson_path)
    watched.open(f"{lang}/")
    hrefs = watched.search(word)
    assert any(lesson_path in href for href in hrefs), (word, hrefs)
    assert watched.errors == [] and watched.foreign_requests() == []


def test_french_search_finds_a_word_typed_without_its_accents(watched, real_site) -> None:
    """"referencement" finds "référencement": readers type on phones, often without accents."""
    lesson_path = PAGE_TYPES["lesson"]
    word = distinctive_word(real_site[0], "fr", lesson_path, accented=True)
    watched.open("fr/")
    hrefs = watched.search(without_accents(word))
    assert any(lesson_path in href for href in hrefs), (word, hrefs)
    assert any(lesson_path in href for href in watched.search(word)), "typed with its accents too"


def test_glossary_terms_carry_their_definition_as_a_tooltip(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['lesson']}")
    terms = watched.page.locator("article abbr[data-definition]")
    assert terms.count() >= 1
    assert len(terms.first.get_attribute("data-definition")) > 20


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


def test_the_mentor_guide_prints_as_a_session_sheet(watched) -> None:
    watched.open(f"en/mentors/{FIRST.id}/")
    page = watched.page
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("ul.rm-checklist li").first.is_visible()
    assert page.locator("article table").first.is_visible()
    box = page.evaluate("getComputedStyle(document.querySelector('ul.rm-checklist li'), '::before').content")
    assert "☐" in box
