"""`curriculum serve`: the site is served on 127.0.0.1 and rebuilt when a source changes."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_a_lesson_changes(curriculum_root: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/fr/modules/alpha-basics/first/"
    server = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "--root", str(curriculum_root), "serve",
                              "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait_for(lambda: "Première leçon" in _get(url)), "the site was not served"
        assert "livereload" in _get(url)
        lesson = curriculum_root / "modules/alpha/alpha-basics/first.fr.md"
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\nUne phrase ajoutée pendant le service.\n",
                          encoding="utf-8")
        assert _wait_for(lambda: "Une phrase ajoutée pendant le service." in _get(url)), "no rebuild after the change"
        broken = curriculum_root / "modules/alpha/alpha-basics/module.yml"
        broken.write_text(broken.read_text(encoding="utf-8").replace("answer: a", "answer: q"), encoding="utf-8")
        time.sleep(3)
        assert "Une phrase ajoutée" in _get(url), "a failed rebuild must keep the previous site"
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "quiz-answer-unknown" in output


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
