"""The offline edition as a file: one zip, both languages, a chooser, nothing dead, nothing unused.
(What it does opened from disk in Chromium is in tests/browser/test_offline_in_chromium.py.)"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_tools import LANGUAGES
from build_tools.render.paths import OFFLINE_DOWNLOAD


@pytest.fixture
def offline(offline_edition: Path) -> Path:
    """The offline edition, unzipped (one per worker)."""
    return offline_edition


def test_one_zip_holds_every_language_and_a_chooser_that_opens_from_disk(real_site, offline: Path) -> None:
    assert sorted(p.name for p in offline.iterdir()) == sorted([*LANGUAGES, "index.html"])
    chooser = (offline / "index.html").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f'<a href="{lang}/index.html" hreflang="{lang}"' in chooser
        assert (offline / lang / "index.html").is_file()
    assert '+ "/index.html")' in chooser  # the redirect names the file: from disk, a folder is a listing
    for lang in LANGUAGES:  # and every language's home page links to the one zip
        home = (real_site[0] / lang / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<p class="rm-offline"><a href="([^"]+)" download', home).group(1)
        assert (real_site[0] / lang / link).resolve() == (real_site[0] / OFFLINE_DOWNLOAD).resolve()
    assert not list(real_site[0].glob("*/downloads/*.zip")), "one zip for every language, not one each"


def _links(html: str) -> list[str]:
    """Where the page's links, scripts, images and stylesheets point (not metadata such as canonical)."""
    targets = re.findall(r'<(?:a|img|script|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"', html)
    targets += [href for attributes in re.findall(r"<link\b([^>]*)>", html)
                if re.search(r'rel="(?:stylesheet|icon|prev|next|preload|modulepreload)"', attributes)
                for href in re.findall(r'href="([^"]*)"', attributes)]
    return targets


def test_no_link_of_the_offline_edition_leads_nowhere(offline: Path) -> None:
    """Every local link, the language switcher and the assets included, names a file of the zip:
    from disk, a folder link opens a bare listing and a missing file an error page."""
    dead = []
    pages = sorted(offline.rglob("*.html"))
    for page in pages:
        for target in _links(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "//")) or not parts.path:
                continue
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                dead.append(f"{page.relative_to(offline)} -> {target}")
    assert len(pages) > 50 and dead == [], dead[:20]


def test_the_offline_home_page_says_what_it_is_and_offers_no_download(offline: Path) -> None:
    for lang, words in (("en", "You are reading the offline edition"), ("fr", "Vous lisez l'édition hors connexion")):
        home = (offline / lang / "index.html").read_text(encoding="utf-8")
        assert words in home.replace("&#x27;", "'")
        assert ".zip" not in home


def test_the_offline_edition_leaves_out_what_a_reader_never_uses_from_disk(offline: Path) -> None:
    files = [p.relative_to(offline).as_posix() for p in offline.rglob("*") if p.is_file()]
    assert [f for f in files if f.endswith(".map")] == []
    search_files = sorted({Path(f).name for f in files if "/lunr/" in f})
    expected = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {f"lunr.{lang}.min.js" for lang in LANGUAGES if lang != "en"}
    assert set(search_files) <= expected and "lunr.fr.min.js" in search_files, search_files
    assert [f for f in files if Path(f).name in ("sitemap.xml", "sitemap.xml.gz", "404.html")] == []


def test_the_offline_pages_start_the_scripts_without_instant_navigation(offline: Path) -> None:
    """Material completes document$ before the page loads when instant navigation is on from disk:
    the scripts hooked to it would never start (quizzes, progress, self-assessment)."""
    for lang in LANGUAGES:
        page = (offline / lang / "progress.html").read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S).group(1))
        assert "navigation.instant" not in config["features"]
        assert "assets/js/curriculum.js" in page and '<link rel="alternate"' not in page

