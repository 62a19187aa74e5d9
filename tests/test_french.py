"""French as a French reader expects it: non-breaking spaces where French typography puts them,
numbers and dates by locale, and no English on French pages."""
from __future__ import annotations

import json
import re
from datetime import date

import markdown
import pytest

from build_tools.render.i18n import STRINGS, long_date, number, t
from build_tools.render.typography import NBSP, NNBSP, french_spacing

CASES = [
    ("Le constat : trois clics ; deux ventes ! Vraiment ?", f"Le constat{NBSP}: trois clics{NNBSP}; deux ventes{NNBSP}! Vraiment{NNBSP}?"),
    ("« référencement »", f"«{NBSP}référencement{NBSP}»"),
    ("«sans espace»", f"«{NBSP}sans espace{NBSP}»"),
    ("12 000 impressions et 3,5 % de clics", f"12{NNBSP}000 impressions et 3,5{NBSP}% de clics"),
    ("1 250 000 euros, 2,5 s, 200 ms, 10 M€", f"1{NNBSP}250{NNBSP}000 euros, 2,5{NBSP}s, 200{NBSP}ms, 10{NBSP}M€"),
    ("en 2025 300 entreprises", "en 2025 300 entreprises"),  # a year, then a count: not a thousand
    ("à 10:30, https://exemple.fr/a?b=c", "à 10:30, https://exemple.fr/a?b=c"),  # no space typed, nothing added
    ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
]


@pytest.mark.parametrize("typed, printed", CASES)
def test_french_spacing(typed: str, printed: str) -> None:
    assert french_spacing(typed) == printed
    assert french_spacing(printed) == printed  # idempotent


def _french(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "build_tools.publish.markdown_typography"])


def test_the_markdown_extension_spaces_text_but_not_code_or_links() -> None:
    html = _french('Le constat : voir [la page](https://exemple.fr/?a=b "Titre : info") et `x : y` ?\n\n'
                   "    code : inchangé ?\n")
    assert f"Le constat{NBSP}: voir" in html and f"Titre{NBSP}: info" in html
    assert "`" not in html and "<code>x : y</code>" in html and "code : inchangé ?" in html
    assert 'href="https://exemple.fr/?a=b"' in html
    assert f"</code>{NNBSP}?" in html  # the question mark after a code span


def test_glossary_tooltips_get_the_spaces_too() -> None:
    html = _french("Le SEO compte.\n\n*[SEO]: Le référencement : être trouvé.")
    assert f'title="Le référencement{NBSP}: être trouvé."' in html


def test_dates_and_numbers_by_locale() -> None:
    assert long_date("fr", date(2026, 12, 1)) == "1er décembre 2026"
    assert long_date("fr", date(2026, 11, 29)) == "29 novembre 2026"
    assert long_date("en", date(2026, 12, 1)) == "1 December 2026"
    assert number("fr", 2.5) == "2,5" and number("en", 12000) == "12,000" and number("fr", 12000) == f"12{NNBSP}000"


def test_counts_take_the_singular_where_the_language_does() -> None:
    assert t("fr", "prints_on", n=1) == "tient sur une page A4" and t("fr", "prints_on", n=2) == "tient sur 2 pages A4"
    assert t("en", "minutes", n=1) == "1 minute" and t("en", "minutes", n=0) == "0 minutes"
    assert t("fr", "minutes", n=0) == "0 minute" and t("fr", "minutes", n=2) == "2 minutes"


def test_every_word_the_build_prints_exists_in_both_languages() -> None:
    assert set(STRINGS["en"]) == set(STRINGS["fr"])


def _page(site, path: str) -> str:
    return (site / "fr" / path / "index.html").read_text(encoding="utf-8")


def test_built_french_pages_carry_non_breaking_spaces(real_site) -> None:
    site = real_site[0]
    overview = _page(site, "paths")
    quiz = _page(site, "modules/seo-how-search-works/quiz")
    assert re.search(rf"<title>Quiz d'auto-évaluation{NBSP}: ", quiz), "the page title"
    description = re.search(r'<meta name="description" content="([^"]*)"', quiz).group(1)
    assert f"«{NBSP}" in description and f"{NBSP}»{NBSP}:" in description
    assert "&nbsp;:" in overview or f"{NBSP}:" in overview, "the page text"
    index = json.loads((site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(f"{NBSP}:" in doc["text"] or f"{NNBSP}?" in doc["text"] for doc in index["docs"]), "the search index"


def test_no_english_on_french_pages(real_site) -> None:
    site = real_site[0]
    home = _page(site, "")
    assert "Contenus sous licence" in home and "Content under" not in home
    assert "Mentorat inversé" in home and "Curriculum" not in re.search(r"<title>(.*?)</title>", home).group(1)
    missing = (site / "fr" / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in missing and "Not found" not in missing
    overview = _page(site, "modules/seo-how-search-works")
    assert "(en anglais)" in overview
