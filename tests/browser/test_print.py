"""What an executive prints: each one-page brief on one A4 page, each tool on the pages it
announces, without the site's navigation."""
from __future__ import annotations

import re

import pytest

from build_tools.render.site_pages import SELF_ASSESSMENT_PRINT_PAGES
from build_tools.sources.loader import load_curriculum
from build_tools.sources.problems import Problems
from fixture import REPO

CURRICULUM = load_curriculum(REPO, Problems(REPO))
PRINTED = ([(f"modules/{m.id}/brief/", 1) for m in CURRICULUM.modules if m.model.brief]
           + [(f"tools/{tool.model.id}/", tool.model.print_pages) for tool in CURRICULUM.tools]
           + [("self-assessment/", SELF_ASSESSMENT_PRINT_PAGES)])


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF that Chromium wrote: its page objects."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path, pages", PRINTED, ids=[path for path, _ in PRINTED])
def test_prints_on_the_pages_it_announces(browser, server, path: str, pages: int, lang: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    assert page.goto(f"{server}/{lang}/{path}").ok
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible() and not page.locator(".md-header").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    assert pdf_pages(pdf) == pages, f"{lang}/{path} prints on {pdf_pages(pdf)} A4 page(s), not {pages}"


def test_the_page_counter_counts_pages(browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<p>one</p><p style='break-before: page'>two</p><p style='break-before: page'>three</p>")
    assert pdf_pages(page.pdf(format="A4")) == 3
    context.close()
