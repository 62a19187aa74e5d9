"""Browser tests: the real site, served on 127.0.0.1, driven in Debian's Chromium by Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries Google's hosts at start-up (the network here is closed).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(real_site) -> str:
    site, port = real_site[0], real_site[3]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install Debian's package with "
                    "`apt-get install -y chromium` (.ci/run does it), or set CHROMIUM to its path")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def search(page, words: str, attempts: int = 20) -> list[str]:
    """Types into Material's search and returns the result links. The query is typed again
    until the search worker, which loads its index in the background, has answered."""
    field = page.locator(".md-search__input")
    field.click()
    for _ in range(attempts):
        field.fill("")
        field.type(words)
        try:
            page.locator(".md-search-result__item a").first.wait_for(timeout=1500)
            return [link.get_attribute("href") for link in page.locator(".md-search-result__item a").all()]
        except Exception:  # Playwright's TimeoutError: not ready yet
            continue
    return []


class Watched:
    """A page whose console errors and requests are recorded."""

    def __init__(self, page, origin: str) -> None:
        self.page = page
        self.origin = origin
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str) -> None:
        response = self.page.goto(f"{self.origin}/{path}")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"
        self.page.wait_for_load_state("networkidle")

    def search(self, words: str) -> list[str]:
        return search(self.page, words)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests
                if not url.startswith((self.origin + "/", "data:", "blob:", "file:", "about:"))]


@pytest.fixture
def watched(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield Watched(page, server)
    context.close()
