"""`curriculum serve`: the site is served on 127.0.0.1 and rebuilt when a source changes.

The test waits on what the command prints after each build ("preview rebuilt in ...", or the report
and "the previous site is still served"), never for a fixed time: a busy machine only makes it slower."""
from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

# a safety net for a build that never ends, not a wait: each step returns as soon as its line comes
PATIENCE = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


class Output:
    """The command's output, line by line, as it comes."""

    def __init__(self, stream) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, words: str, what: str) -> None:
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=deadline - time.monotonic())
            except queue.Empty:
                break
            self.seen.append(line)
            if words in line:
                return
        raise AssertionError(f"{what}; output so far:\n{''.join(self.seen)}")


def _get_when_listening(url: str) -> str:
    """The server prints its address just before it listens: retry a refused connection."""
    deadline = time.monotonic() + PATIENCE
    while True:
        try:
            return _get(url)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError) or time.monotonic() > deadline:
                raise


def test_serve_rebuilds_when_a_lesson_changes(curriculum_root: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/fr/modules/alpha-basics/first/"
    server = subprocess.Popen([sys.executable, "-u", "-m", "build_tools.cli", "--root", str(curriculum_root), "serve",
                              "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = Output(server.stdout)
    try:
        output.wait_for("serving on", "the site was not served")
        page = _get_when_listening(url)
        assert "Première leçon" in page and "livereload" in page
        assert f'<link rel="canonical" href="{url}">' in page  # what instant navigation compares
        assert f"<loc>{url}</loc>" in _get(f"http://127.0.0.1:{port}/fr/sitemap.xml")
        lesson = curriculum_root / "modules/alpha/alpha-basics/first.fr.md"
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nUne phrase ajoutée pendant le service.\n",
                          encoding="utf-8")
        output.wait_for("preview rebuilt", "no rebuild after the change")
        assert "Une phrase ajoutée pendant le service." in _get(url)
        broken = curriculum_root / "modules/alpha/alpha-basics/module.yml"
        broken.write_text(broken.read_text(encoding="utf-8").replace("answer: a", "answer: q"), encoding="utf-8")
        output.wait_for("the previous site is still served", "no report after the failed rebuild")
        assert "Une phrase ajoutée" in _get(url), "a failed rebuild must keep the previous site"
        assert "quiz-answer-unknown" in "".join(output.seen)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_keeps_the_last_good_site_whatever_the_error(curriculum_root: Path, monkeypatch, capsys) -> None:
    """An exception raised outside the checker (in MkDocs, in a plugin, anywhere) ends the rebuild,
    never `serve`, and leaves the last good site in place: when the preview rebuilds a language
    whole, and when it renders a saved page in place."""
    from build_tools.publish import live as live_module, serve as serve_module
    from build_tools.publish.live import LivePreview
    from test_build import tree_digest

    output = curriculum_root / "site"
    preview = LivePreview(curriculum_root, output)
    assert serve_module.rebuild_keeping_last_good_site(preview)
    before = tree_digest(output, ["."])
    # a hook that breaks inside MkDocs, as a faulty plugin would (a new configuration: built whole)
    (curriculum_root / "broken_hook.py").write_text(
        "def on_page_markdown(markdown, **kwargs):\n    raise RuntimeError('the plugin broke')\n")
    config = curriculum_root / "mkdocs.yml"
    configured = config.read_text()
    config.write_text(configured + "\nhooks:\n  - broken_hook.py\n")
    assert not serve_module.rebuild_keeping_last_good_site(preview)
    said = capsys.readouterr().out
    assert "RuntimeError: the plugin broke" in said and "the previous site is still served" in said
    assert tree_digest(output, ["."]) == before
    config.write_text(configured)
    # a saved lesson renders its pages in place: an error after they were written puts them back
    real_run_mkdocs, dirty_runs = live_module.run_mkdocs, []
    lesson = curriculum_root / "modules/alpha/alpha-basics/first.md"
    for number, error in enumerate((SystemExit(2), KeyError("from a library"), MemoryError())):
        monkeypatch.setattr(live_module, "run_mkdocs", real_run_mkdocs)
        # after a failure the preview no longer trusts what it served in that language: it starts whole
        assert preview.rebuild().languages == {"en": "whole", "fr": "unchanged"}
        before = tree_digest(output, ["."])

        def failing_mkdocs(config, what, dirty=False, error=error):
            real_run_mkdocs(config, what, dirty=dirty)
            dirty_runs.append(dirty)
            raise error
        monkeypatch.setattr(live_module, "run_mkdocs", failing_mkdocs)
        lesson.write_text(lesson.read_text(encoding="utf-8") + f"\nSaved sentence {number}.\n", encoding="utf-8")
        assert not serve_module.rebuild_keeping_last_good_site(preview)
        assert type(error).__name__ in capsys.readouterr().out
        assert tree_digest(output, ["."]) == before
    assert dirty_runs == [True, True, True]
