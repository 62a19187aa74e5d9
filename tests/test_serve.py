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
