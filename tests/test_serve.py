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
    never `serve`, and leaves the last good site in place."""
    from build_tools.publish import serve as serve_module
    from test_build import tree_digest

    output = curriculum_root / "site"
    assert serve_module.rebuild_keeping_last_good_site(curriculum_root, output)
    before = tree_digest(output, ["."])
    # a hook that breaks inside MkDocs, as a faulty plugin would
    (curriculum_root / "broken_hook.py").write_text(
        "def on_page_markdown(markdown, **kwargs):\n    raise RuntimeError('the plugin broke')\n")
    config = curriculum_root / "mkdocs.yml"
    config.write_text(config.read_text() + "\nhooks:\n  - broken_hook.py\n")
    assert not serve_module.rebuild_keeping_last_good_site(curriculum_root, output)
    said = capsys.readouterr().out
    assert "RuntimeError: the plugin broke" in said and "the previous site is still served" in said
    assert tree_digest(output, ["."]) == before
    for error in (SystemExit(2), KeyError("from a library"), MemoryError()):
        def failing_build(*args, error=error):
            raise error
        monkeypatch.setattr(serve_module, "build_site", failing_build)
        assert not serve_module.rebuild_keeping_last_good_site(curriculum_root, output)
        assert type(error).__name__ in capsys.readouterr().out
    assert tree_digest(output, ["."]) == before
