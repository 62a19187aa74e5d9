"""Every page type, in both languages: accessibility (axe), privacy, console, small screens."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_pages import PAGE_TYPES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
CASES = [(name, lang) for name in PAGE_TYPES for lang in ("en", "fr")]
IDS = [f"{name}-{lang}" for name, lang in CASES]


def _describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in violations)


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_axe_finds_no_violation(watched, name: str, lang: str) -> None:
    watched.open(f"{lang}/{PAGE_TYPES[name]}")
    result = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = result.response["violations"]
    # and the dialog name that stock Material lacks (axe files it under best practices)
    violations += Axe().run(watched.page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}}
                            ).response["violations"]
    assert not violations, _describe(violations)


def test_axe_finds_no_violation_with_the_search_open(watched) -> None:
    watched.open("en/")
    assert watched.search("search")
    violations = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
    assert not violations, _describe(violations)


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_no_console_error_and_no_third_party_request(watched, name: str, lang: str) -> None:
    watched.open(f"{lang}/{PAGE_TYPES[name]}")
    assert watched.page.locator("html").get_attribute("lang") == lang
    assert watched.errors == []
    assert watched.foreign_requests() == []


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_readable_on_a_360_px_screen_without_horizontal_scrolling(browser, server, name: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    assert page.goto(f"{server}/{lang}/{PAGE_TYPES[name]}").ok
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide on a {widths[1]} px screen"
