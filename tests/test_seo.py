"""The site practises what the SEO track teaches: unique titles and descriptions, canonical URLs,
hreflang alternates, structured data, social cards. Checked on the real site's HTML."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from build_tools.render.typography import spacing_for
from build_tools.sources.loader import load_curriculum
from build_tools.sources.problems import Problems
from fixture import REPO
from test_sitemaps import alternates_by_address


def _pages(site: Path, lang: str) -> dict[str, str]:
    return {str(p.relative_to(site / lang)): p.read_text(encoding="utf-8")
            for p in sorted((site / lang).rglob("index.html"))}


def _one(pattern: str, html: str) -> str | None:
    match = re.search(pattern, html, re.S)
    return match.group(1) if match else None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_has_a_unique_title_and_description_and_a_canonical_url(real_site, lang: str) -> None:
    pages = _pages(real_site[0], lang)
    titles = {path: _one(r"<title>(.*?)</title>", html) for path, html in pages.items()}
    descriptions = {path: _one(r'<meta name="description" content="([^"]*)"', html) for path, html in pages.items()}
    assert all(titles.values()) and all(descriptions.values())
    assert [t for t, n in Counter(titles.values()).items() if n > 1] == []
    assert [d for d, n in Counter(descriptions.values()).items() if n > 1] == []
    for path, html in pages.items():
        canonical = _one(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical and canonical.endswith(f"/{lang}/" + path.removesuffix("index.html")), path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_language_sitemap_lists_its_pages_and_nothing_else(real_site, lang: str) -> None:
    """Material's script parses this file on every page view: one short line per page."""
    sitemap = (real_site[0] / lang / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    pages = _pages(real_site[0], lang)
    assert len(entries) == len(pages)
    assert all(re.fullmatch(r"<loc>[^<>]+</loc>", entry) for entry in entries)
    assert sum(re.fullmatch(r"<url><loc>[^<>]+</loc></url>", line) is not None for line in sitemap.splitlines()) == len(pages)


def test_the_root_sitemap_names_each_page_with_its_twin_in_every_language(real_site) -> None:
    site = real_site[0]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = alternates_by_address(sitemap)
    root = min(entries, key=len)
    assert entries[root] == {"en": f"{root}en/", "fr": f"{root}fr/", "x-default": root}
    for lang, other in (("en", "fr"), ("fr", "en")):
        for path in _pages(site, lang):
            address = f"{root}{lang}/{path.removesuffix('index.html')}"
            twins = {code: href for code, href in entries.pop(address).items() if code != "x-default"}
            assert twins == {lang: address, other: address.replace(f"/{lang}/", f"/{other}/", 1)}, address
    assert list(entries) == [root]
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {root}sitemap.xml\n")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_page_names_the_home_page_as_its_other_language_version(real_site, lang: str) -> None:
    """Material's head tags did, on every page; its script then fetched every language's sitemap."""
    for path, html in _pages(real_site[0], lang).items():
        assert not re.search(r'<link rel="alternate"[^>]*hreflang', html), path
    assert 'rel="alternate"' not in (real_site[0] / lang / "404.html").read_text(encoding="utf-8")


def _structured_data(html: str) -> dict:
    raw = _one(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert raw, "no JSON-LD"
    return json.loads(raw)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_modules_are_courses_and_lessons_are_learning_resources(real_site, lang: str) -> None:
    curriculum = load_curriculum(REPO, Problems(REPO))
    for module in curriculum.modules:
        base = real_site[0] / lang / "modules" / module.id
        course = _structured_data((base / "index.html").read_text(encoding="utf-8"))
        assert course["@type"] == "Course" and course["inLanguage"] == lang
        title = spacing_for(lang, module.model.title.get(lang))  # with French non-breaking spaces
        assert course["name"] == title and course["description"]
        assert course["timeRequired"] == f"PT{module.minutes(lang)}M"
        for lesson in module.lessons:
            resource = _structured_data((base / lesson.slug / "index.html").read_text(encoding="utf-8"))
            assert resource["@type"] == "LearningResource"
            assert resource["isPartOf"]["name"] == title


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_has_opengraph_tags_and_its_own_social_card(real_site, lang: str) -> None:
    site = real_site[0]
    images = set()
    for path, html in _pages(site, lang).items():
        tags = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)"', html))
        assert {"og:title", "og:description", "og:url", "og:image", "og:locale"} <= set(tags), path
        image = site / lang / tags["og:image"].split(f"/{lang}/", 1)[1]
        assert image.is_file() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
        images.add(image)
    assert len(images) == len(_pages(site, lang))
