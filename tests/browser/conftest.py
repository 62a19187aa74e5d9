"""Browser tests: the real site, served on 127.0.0.1, driven in Debian's Chromium by Playwright.

Chromium reaches the site at its built address (SITE_ORIGIN); a host-resolver rule sends that host to
this worker's own server, so parallel workers share one build, each with its own port."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_address import SITE_ORIGIN


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries Google's hosts at start-up (the network here is closed).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; a missing page gets its language's 404 page, as a host set up for the site would."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        lang = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / lang / "404.html"
        if code != 404 or not lang or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def local_server(real_site):
    """This worker's server for the built site, on a free port of 127.0.0.1."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(real_site[0])))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(local_server) -> str:
    """The site's origin as the browser sees it."""
    return SITE_ORIGIN


@pytest.fixture(scope="session")
def browser(request):
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install Debian's package with "
                    "`apt-get install -y chromium` (.ci/run does it), or set CHROMIUM to its path")
    from playwright.sync_api import sync_playwright

    port = request.getfixturevalue("local_server")
    host_rule = f"--host-resolver-rules=MAP {urlsplit(SITE_ORIGIN).hostname} 127.0.0.1:{port}"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + [host_rule])
        yield chromium
        chromium.close()


def search(page, words: str, attempts: int = 20) -> list[str]:
    """Types into Material's search and returns the result links. The query is typed again
    until the search worker, which loads its index in the background, has answered."""
    field = page.locator(".md-search__input")
    links = page.locator(".md-search-result__item a")
    field.click()
    for _ in range(attempts):
        # Material reads the field on keyup. Typed key by key, the words' first letters were a query
        # of their own, whose results could be taken for the words'; the empty query clears the last ones.
        field.fill("")
        field.press("End")
        links.first.wait_for(state="detached")
        field.fill(words)
        field.press("End")
        try:
            links.first.wait_for(timeout=1500)
            return [link.get_attribute("href") for link in links.all()]
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
        self.ready()

    def ready(self) -> None:
        """The page is loaded and its script has started (not "network idle": that waits half a
        second more on every page, and the search index loads in the background anyway)."""
        self.page.wait_for_function("document.documentElement.classList.contains('rm-started')")

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
