"""What a first page view costs the reader, whatever the size of the curriculum: no search index
until they open search (with the keyboard as with the pointer), and charts that hold their place."""
from __future__ import annotations

from site_pages import PAGE_TYPES


def _index_requests(watched) -> list[str]:
    return [url for url in watched.requests if url.endswith("/search/search_index.json")]


def test_the_search_index_loads_only_when_the_reader_opens_search(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['lesson']}")
    assert _index_requests(watched) == [], "a page view downloaded the whole search index"
    watched.page.locator(f'a[href$="{PAGE_TYPES["glossary"].rstrip("/")}/"]').first.click()  # instant navigation
    watched.page.wait_for_load_state("networkidle")
    assert _index_requests(watched) == []
    assert watched.search("Google"), "search found nothing once opened"
    assert len(_index_requests(watched)) == 1
    assert watched.errors == []


def test_the_search_key_loads_the_index_too(watched) -> None:
    watched.open("fr/")
    assert _index_requests(watched) == []
    with watched.page.expect_response(lambda response: response.url.endswith("/search/search_index.json")):
        watched.page.keyboard.press("/")
    assert len(_index_requests(watched)) == 1


def test_a_search_result_highlights_its_words_on_a_fresh_page_load(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['lesson']}?h=google")
    assert len(_index_requests(watched)) == 1
    watched.page.locator("article mark").first.wait_for(timeout=10_000)


def test_notebook_charts_have_their_size_before_they_load(watched) -> None:
    watched.open(f"en/{PAGE_TYPES['notebook lesson']}")
    charts = watched.page.locator("article img")
    assert charts.count() >= 1
    for index in range(charts.count()):
        chart = charts.nth(index)
        width, height = chart.get_attribute("width"), chart.get_attribute("height")
        assert width and height and int(width) > 0 and int(height) > 0
        box = chart.bounding_box()  # scaled to the column, keeping the ratio
        assert abs(box["width"] / box["height"] - int(width) / int(height)) < 0.02
