"""Text never becomes script: injection attempts in every kind of field and output are built, and
nothing runs, online or in the offline edition.

The corpus is built with the checker switched off, to prove the second line of defence: the
renderer's escaping and the sanitiser every page goes through (the checker's own refusals of raw
HTML and `javascript:` links are tested with the check table)."""
from __future__ import annotations

import functools
import http.server
import re
import threading
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
import yaml

from fixture import MODULE, add_notebook_lesson, write_fixture

MARK = "__pwned"
# Each attempt sets window.__pwned: a script, an event handler, javascript: and data: URLs, an
# attribute and a meta breakout, an entity-encoded breakout (which a template's striptags would
# decode), a JSON-LD </script> breakout, and attributes added through Markdown's attr_list.
PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
           '"><svg onload=window.__pwned=3> [link](javascript:window.__pwned=4) '
           '[data](data:text/html,%3Cscript%3Ewindow.__pwned=5%3C/script%3E) '
           "&lt;/title&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt; "
           "</script><script>window.__pwned=7</script> {: onclick=\"window.__pwned=8\" }")
MARKDOWN_PAYLOAD = f"""
## Heading {{: onclick="window.__pwned=9" }}

<script>window.__pwned=10</script>

<div onmouseover="window.__pwned=11">hover</div> <a href="javascript:window.__pwned=12">raw link</a>

[javascript link](javascript:window.__pwned=13) ![image](data:image/svg+xml,%3Csvg%20onload=window.__pwned=14%3E)

<iframe src="javascript:window.__pwned=15"></iframe> <form action="javascript:window.__pwned=16"><button>go</button></form>

{PAYLOAD}
"""
URL_PAYLOAD = 'https://example.org/"><script>window.__pwned=17</script>'


def _poison(value, payload: str):
    """Every text of a YAML document gets the payload after its own words."""
    if isinstance(value, dict):
        if set(value) <= {"en", "fr"}:
            return {lang: f"{text} {payload}" for lang, text in value.items()}
        return {key: (URL_PAYLOAD if key == "url" else f"{item} {payload}" if key in ("title", "publisher")
                      and isinstance(item, str) else _poison(item, payload)) for key, item in value.items()}
    if isinstance(value, list):
        return [_poison(item, payload) for item in value]
    return value


def _notebook() -> str:
    """A notebook whose outputs carry the attempts: HTML, Markdown, LaTeX, SVG, a chart's alt text."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="window.__pwned=20">'
           '<script>window.__pwned=21</script><rect width="10" height="10"/></svg>')
    code = f"""from IPython.display import display
display({{"text/html": {'<table><tr><td><a href="javascript:window.__pwned=22">cell</a></td></tr></table><script>window.__pwned=23</script>'!r},
         "text/plain": "table"}}, raw=True)
display({{"text/html": {"[tag-free](javascript:window.__pwned=24)"!r}, "text/plain": "x"}}, raw=True)
display({{"text/markdown": {"[markdown](javascript:window.__pwned=25) <img src=x onerror=window.__pwned=26>"!r}}}, raw=True)
display({{"text/latex": {"<script>window.__pwned=27</script>"!r}}}, raw=True)
display({{"image/svg+xml": {svg!r}, "text/plain": "chart"}}, raw=True,
        metadata={{"alt": {'"><img src=x onerror=window.__pwned=28>](javascript:window.__pwned=29)'!r}}})
"""
    title_en = nbformat.v4.new_markdown_cell(f"# Numbers lesson\n\n{MARKDOWN_PAYLOAD}")
    title_en.metadata["tags"] = ["en"]
    title_fr = nbformat.v4.new_markdown_cell(f"# Leçon chiffrée\n\n{MARKDOWN_PAYLOAD}")
    title_fr.metadata["tags"] = ["fr"]
    parameters = nbformat.v4.new_code_cell('LANG = "en"')
    parameters.metadata["tags"] = ["parameters"]
    return nbformat.writes(nbformat.v4.new_notebook(cells=[title_en, title_fr, parameters, nbformat.v4.new_code_cell(code)]))


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    root = write_fixture(tmp_path_factory.mktemp("poisoned") / "repo")
    add_notebook_lesson(root, text=_notebook())
    for name in (f"{MODULE}/module.yml", "modules/tracks.yml", "modules/glossary.yml"):
        path = root / name
        path.write_text(yaml.safe_dump(_poison(yaml.safe_load(path.read_text()), PAYLOAD), allow_unicode=True))
    for name in ("first.md", "first.fr.md", "mentor-guide.md", "mentor-guide.fr.md"):
        path = root / MODULE / name
        path.write_text(path.read_text() + MARKDOWN_PAYLOAD)
    for lang in ("en", "fr"):
        path = root / "docs" / lang / "index.md"
        path.write_text(path.read_text() + MARKDOWN_PAYLOAD)
    from build_tools import pipeline
    from build_tools.publish.site import build_site

    unchecked = pytest.MonkeyPatch()
    unchecked.setattr(pipeline, "run_checks", lambda *args, **kwargs: None)
    try:
        site = build_site(root, root / "site").site
    finally:
        unchecked.undo()
    for archive in site.rglob("*.zip"):  # the offline edition
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(site.parent / "offline")
    return site


class _Executable(HTMLParser):
    """What a browser could run in a page: script bodies, event handlers, and URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or (name in ("href", "src", "action", "formaction", "data")
                                         and re.match(r"\s*(javascript|data|vbscript):", value, re.I)):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script and MARK in data:
            self.found.append(f"<script> holds {data.strip()[:80]!r}")


def _pages(site: Path) -> list[Path]:
    return sorted(p for folder in (site, site.parent / "offline") for p in folder.rglob("*.html"))


def test_the_corpus_reached_every_kind_of_page(poisoned_site: Path) -> None:
    pages = _pages(poisoned_site)
    texts = {p: p.read_text(encoding="utf-8") for p in pages}
    with_mark = [p for p, text in texts.items() if MARK in text]
    assert len(with_mark) >= 30, "the payloads must be in the built pages, as text"
    assert any("offline" in p.parts for p in with_mark)
    assert any("tiny" in p.parts for p in with_mark), "the notebook page"


def test_no_page_holds_anything_that_runs(poisoned_site: Path) -> None:
    problems = []
    for page in _pages(poisoned_site):
        parser = _Executable()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(poisoned_site.parent)}: {item}" for item in parser.found]
    assert problems == []


def test_svg_files_hold_no_script(poisoned_site: Path) -> None:
    svgs = list(poisoned_site.rglob("*.svg"))
    assert svgs, "the notebook's SVG output is written as a file"
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text and "onload" not in text and MARK not in text, svg


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_nothing_runs_in_chromium_online_or_offline(poisoned_site: Path, browser) -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(poisoned_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_port}"
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran = []
    try:
        for path in _pages(poisoned_site):
            if "offline" in path.parts:
                url = path.as_uri()
            else:
                url = f"{origin}/{path.relative_to(poisoned_site).as_posix()}"
            page.goto(url)
            page.wait_for_load_state("load")
            # any handler that survived would fire on these (clicks are left out: they navigate)
            page.evaluate("""() => document.querySelectorAll('*').forEach(element =>
                ['mouseover', 'focus', 'load', 'error'].forEach(kind => element.dispatchEvent(new Event(kind))))""")
            if page.evaluate(f"typeof window.{MARK} !== 'undefined'"):
                ran.append(url)
    finally:
        context.close()
        httpd.shutdown()
    assert ran == [] and dialogs == []
