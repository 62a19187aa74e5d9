"""Every page type, in both languages: accessibility (axe), privacy, console, small screens; and
the keyboard, touch and screen aids: focus, the header's Tab order, glossary tooltips, wide tables."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from site_pages import FIRST, PAGE_TYPES

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
               # and the dialog name that stock Material lacks (axe files it under best practices)
               "rules": {"aria-dialog-name": {"enabled": True}},
               "preload": False}  # axe would fetch the stylesheets again, which disk pages refuse
CASES = [(name, lang) for name in PAGE_TYPES for lang in ("en", "fr")]
IDS = [f"{name}-{lang}" for name, lang in CASES]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in violations)


def axe_violations(page) -> list[dict]:
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


# Text wider than its box: every element with its own text, outside scrolling tables and code.
OVERFLOWING_TEXT = """() => [...document.querySelectorAll('article *, .md-header *, .md-footer *')]
  .filter(e => e.offsetParent !== null && !e.closest('.md-typeset__scrollwrap, pre, .md-search')
               && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'
               && getComputedStyle(e).display !== 'inline')
  .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("name, lang", CASES, ids=IDS)
def test_every_page_passes_axe_asks_no_one_else_and_fits_a_360_px_screen(watched, name: str, lang: str) -> None:
    watched.open(f"{lang}/{PAGE_TYPES[name]}")
    page = watched.page
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert watched.errors == []
    assert watched.foreign_requests() == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.wait_for_function("() => window.innerWidth === 360")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide on a {widths[1]} px screen"
    assert page.evaluate(OVERFLOWING_TEXT) == [], "text overflows its box at 360 px"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_404_page_passes_axe(watched, lang: str) -> None:
    response = watched.page.goto(f"{watched.origin}/{lang}/no-such-page/")
    assert response.status == 404
    watched.ready()
    assert watched.page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(watched.page)
    assert not violations, describe(violations)
    assert watched.foreign_requests() == []


def test_axe_finds_no_violation_with_the_search_open(watched) -> None:
    watched.open("en/")
    assert watched.search("search")
    violations = axe_violations(watched.page)
    assert not violations, describe(violations)


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.origin = server
    yield context
    context.close()


def test_wide_tables_say_that_they_scroll_on_a_phone(phone) -> None:
    page = phone.new_page()
    page.goto(f"{phone.origin}/en/{PAGE_TYPES['checker rules']}")
    rules = page.locator(".rm-table-frame").first  # a rule table: four columns, long ids
    wrap = rules.locator(".md-typeset__scrollwrap.rm-scrolls")
    expect(wrap).to_have_attribute("role", "region")
    assert wrap.get_attribute("tabindex") == "0" and "Scroll sideways" in wrap.get_attribute("aria-label")
    hint = rules.locator(".rm-scroll-hint")
    assert hint.is_visible() and "Scroll sideways to see the whole table" in hint.inner_text()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator(".rm-scroll-hint")).to_have_count(0)  # a table that fits says nothing


# Adds up, from the start, the page's layout shifts (what Lighthouse's CLS counts). The test makes
# no input, but Chromium under automation flags some shifts as following one: all are counted.
COUNT_LAYOUT_SHIFTS = """window.rmShifted = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => { window.rmShifted += e.value; }))
  .observe({type: 'layout-shift', buffered: true});"""
# After the page's scripts have started, two frames later: whatever they changed has been painted.
SHIFTED_SO_FAR = """() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(
  () => setTimeout(() => resolve(window.rmShifted)))))"""


SCRIPTS = re.compile(r"/assets/(javascripts/bundle\.[^/]*|js/[^/]*)\.js$")


@pytest.mark.parametrize("name", ["progress", "authors' guide", "glossary", "self-assessment", "quiz", "editorial status",
                                  "notebook lesson"])
def test_a_page_does_not_move_once_painted_on_a_phone(phone, name: str) -> None:
    """What the scripts add or hide (progress tools, table frames, the no-JavaScript note) must not
    push what the reader already sees. On a slow phone the page paints before its scripts arrive:
    here they are held back until it has painted."""
    page = phone.new_page()
    page.set_viewport_size({"width": 360, "height": 2400})  # a tall screen: a shift below the fold counts too
    page.add_init_script(COUNT_LAYOUT_SHIFTS)
    held: list = []

    def hold(route) -> None:
        route.continue_() if held is None else held.append(route)

    page.route(SCRIPTS, hold)
    page.goto(f"{phone.origin}/en/{PAGE_TYPES[name]}", wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    for route in held:
        route.continue_()
    held = None
    page.wait_for_function("document.documentElement.classList.contains('rm-started')")
    shifted = page.evaluate(SHIFTED_SO_FAR)
    assert shifted < 0.01, f"{name}: the page moved by {shifted:.3f} after its first paint"


GUIDE = PAGE_TYPES["authors' guide"]


def test_tables_are_framed_once_and_the_script_leaves_them(phone) -> None:
    page = phone.new_page()
    page.goto(f"{phone.origin}/en/{GUIDE}")
    page.wait_for_function("document.documentElement.classList.contains('rm-started')")
    tables = page.locator("article table").count()
    assert tables > 5
    assert page.locator("article .md-typeset__scrollwrap > .md-typeset__table > table.rm-table").count() == tables
    assert page.locator("article .md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
    # the theme's look: a border, and the cells' padding
    looks = page.locator("article table.rm-table").first.evaluate(
        "t => [getComputedStyle(t).borderTopStyle, getComputedStyle(t.querySelector('td')).paddingLeft]")
    assert looks[0] == "solid" and float(looks[1].rstrip("px")) > 8


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; const box = e.getBoundingClientRect();
      return { tag: e.tagName, name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
               width: box.width, height: box.height, inHeader: !!e.closest('.md-header'),
               visibility: getComputedStyle(e).visibility }; }""")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_tab_stop_in_the_header_is_visible(watched, lang: str) -> None:
    watched.open(f"{lang}/{PAGE_TYPES['lesson']}")
    page = watched.page
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stop = _focused(page)
        if not stop["inHeader"] and stops:
            break
        stops.append(stop)
        # what has focus becomes visible (the skip link fades in)
        page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    assert len(stops) >= 3
    hidden = [s for s in stops if s["width"] < 2 or s["height"] < 2 or s["visibility"] != "visible"]
    assert hidden == [], hidden


def _outline(page) -> list:
    """The focus ring of the focused option: its own outline, or its label's."""
    return page.evaluate("""() => { const input = document.activeElement;
      return [input, input.closest('label')].map(e => { const s = getComputedStyle(e);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }); }""")


@pytest.mark.parametrize("path, selector", [(f"modules/{FIRST.id}/quiz/", "form.rm-question input"),
                                            ("self-assessment/", ".rm-assessment input")])
def test_a_quiz_or_self_assessment_option_shows_the_keyboard_focus(watched, path: str, selector: str) -> None:
    watched.open(f"en/{path}")
    page = watched.page
    page.locator(selector).first.focus()
    page.keyboard.press("ArrowDown")  # the next option of the group, as the keyboard reaches it
    assert page.evaluate("document.activeElement.type") in ("radio", "checkbox")
    assert any(_outline(page)), "no visible focus on the option"


def test_glossary_definitions_reach_the_keyboard_stay_readable_and_close_with_escape(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['lesson']}")
    page = watched.page
    term = page.locator("article abbr.rm-term").first
    tooltip = page.locator("#rm-tooltip")
    assert term.get_attribute("tabindex") == "0" and term.get_attribute("title") is None
    term.focus()
    expect(tooltip).to_be_visible()
    assert len(tooltip.inner_text()) > 20 and term.get_attribute("aria-describedby") == "rm-tooltip"
    assert float(tooltip.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 14
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    term.blur()
    term.hover()
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=6)
    # the pointer left the term, reached the tooltip: no close is pending, it stays
    assert tooltip.get_attribute("data-closing") is None
    expect(tooltip).to_be_visible()
    page.mouse.move(1, 1)
    expect(tooltip).to_be_hidden()


def test_a_tap_on_a_glossary_term_shows_its_definition(phone) -> None:
    page = phone.new_page()
    page.goto(f"{phone.origin}/en/{PAGE_TYPES['lesson']}")
    term = page.locator("article abbr.rm-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    expect(page.locator("#rm-tooltip")).to_be_visible()
    box = page.locator("#rm-tooltip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the definition fits on the screen"
