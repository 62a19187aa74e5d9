"""Notebooks are contained: the project read-only, a working folder of their own, a clean
environment, a time limit always, and no process left behind.

Each test runs one language of one notebook (execute), the cheapest real kernel run there is.
"""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from build_tools.notebooks import sandbox
from build_tools.notebooks.execute import NotebookFailed, execute
from build_tools.sources.notebook_format import load_notebook
from build_tools.sources.problems import Problems
from fixture import add_notebook_lesson, tiny_notebook
from test_build import tree_digest

# Tries every way to change the project, from Python and from a shell, and starts a process that
# leaves the kernel's process group; prints what happened, one line each.
PROBE = r'''
import os, subprocess, sys
print("secret:", os.environ.get("BUILDER_SECRET", "absent"))
print("cwd in project:", os.getcwd().startswith(r"{root}"))
attempts = {{
    "open": lambda: open(r"{root}/modules/tracks.yml", "a"),
    "create": lambda: open(r"{root}/modules/new.yml", "x"),
    "remove": lambda: os.remove(r"{root}/modules/tracks.yml"),
    "rename": lambda: os.rename(r"{root}/modules/tracks.yml", r"{root}/modules/t.yml"),
    "build python": lambda: open(os.path.join(sys.prefix, "pwned.txt"), "w"),
}}
if {shell}:  # a shell is out of reach of Python's audit hook: only the read-only mounts stop it
    attempts["shell"] = lambda: subprocess.run(["sh", "-c", "echo x >> {root}/modules/tracks.yml"], check=True,
                                               capture_output=True)
for label, attempt in attempts.items():
    try:
        attempt()
        print(label, "allowed")
    except Exception as error:
        print(label, "refused")
with open("scratch.txt", "w") as scratch:
    scratch.write("mine")
print("scratch:", open("scratch.txt").read(), "data copied:", os.path.isfile("data/numbers.csv"))
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "{marker}"], start_new_session=True)
'''


def _add(root: Path, code: str) -> Path:
    (root / "notebooks/data").mkdir(exist_ok=True)
    (root / "notebooks/data/numbers.csv").write_text("n\n1\n")
    return add_notebook_lesson(root, text=tiny_notebook(code))


def _run(root: Path, path: Path) -> str:
    """The text outputs of the notebook's code cells, executed for English."""
    source = load_notebook(path, Problems(root))
    notebook = execute(source, "en", root.resolve())
    return "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                   for output in cell.get("outputs", []))


def _alive(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
        except OSError:
            pass
    return pids


def test_a_notebook_changes_nothing_sees_no_secret_and_leaves_no_process(curriculum_root: Path, monkeypatch) -> None:
    assert sandbox.containment(curriculum_root.resolve()).namespaces, (
        "this machine does not let the build put the kernel in namespaces: only Python-level writes are refused")
    monkeypatch.setenv("BUILDER_SECRET", "hunter2")
    marker = f"leftover-{uuid.uuid4()}"
    notebook = _add(curriculum_root, PROBE.format(root=curriculum_root.resolve(), marker=marker, shell=True))
    before = tree_digest(curriculum_root, ["modules", "notebooks", "docs"])
    output = _run(curriculum_root, notebook)
    assert "secret: absent" in output and "hunter2" not in output
    assert "cwd in project: False" in output
    for label in ("open", "create", "remove", "rename", "build python", "shell"):
        assert f"{label} refused" in output, output
    assert "scratch: mine data copied: True" in output
    assert tree_digest(curriculum_root, ["modules", "notebooks", "docs"]) == before
    assert not Path(sys.prefix, "pwned.txt").exists()
    assert _alive(marker) == []


def test_without_namespaces_python_writes_are_refused_and_children_stopped(curriculum_root: Path,
                                                                           monkeypatch) -> None:
    """Where `unshare` is not allowed, the audit hook and the process sweep still hold."""
    monkeypatch.setattr(sandbox, "containment", lambda root: sandbox.Containment(False, ()))
    marker = f"leftover-{uuid.uuid4()}"
    notebook = _add(curriculum_root, PROBE.format(root=curriculum_root.resolve(), marker=marker, shell=False))
    before = tree_digest(curriculum_root, ["modules", "notebooks", "docs"])
    output = _run(curriculum_root, notebook)
    assert tree_digest(curriculum_root, ["modules", "notebooks", "docs"]) == before
    for label in ("open", "create", "remove", "rename", "build python"):
        assert f"{label} refused" in output, output
    assert "scratch: mine" in output
    assert _alive(marker) == []


def test_every_process_of_a_run_is_stopped_even_outside_its_group() -> None:
    token = uuid.uuid4().hex
    environment = {**os.environ, sandbox.RUN_TOKEN: token}
    children = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], env=environment,
                                 start_new_session=True) for _ in range(3)]
    assert sorted(sandbox.processes_carrying(token)) == sorted(child.pid for child in children)
    sandbox.stop_processes(token)
    assert [child.wait(timeout=30) for child in children] == [-9, -9, -9]
    assert sandbox.processes_carrying(token) == []


@pytest.mark.parametrize("timeout", [0, -1, "60", None])
def test_execute_refuses_a_timeout_that_would_turn_the_limit_off(curriculum_root: Path, timeout) -> None:
    """The checker refuses these (notebook-timeout); execute refuses them too, should it be called
    on a notebook that was not checked."""
    path = add_notebook_lesson(curriculum_root, text=tiny_notebook())
    source = load_notebook(path, Problems(curriculum_root))
    source.notebook.metadata["curriculum"] = {"timeout": timeout}
    with pytest.raises(NotebookFailed, match="timeout"):
        execute(source, "en", curriculum_root.resolve())


KILLED_BUILD = """
import sys
from pathlib import Path
from build_tools.notebooks.execute import execute
from build_tools.sources.notebook_format import load_notebook
from build_tools.sources.problems import Problems
root = Path(sys.argv[1])
execute(load_notebook(root / "notebooks/tiny.ipynb", Problems(root)), "en", root)
"""


def test_a_killed_build_leaves_no_kernel_behind(curriculum_root: Path) -> None:
    marker = f"leftover-{uuid.uuid4()}"
    code = (f'import subprocess, sys, time\n'
            f'subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "{marker}"])\n'
            f'time.sleep(600)')
    add_notebook_lesson(curriculum_root, text=tiny_notebook(code, curriculum={"timeout": 600}))
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(curriculum_root.resolve())])
    try:
        assert _wait_until(lambda: _alive(marker), build), "the notebook never started its process"
        kernel_side = [os.pidfd_open(pid) for pid in _alive(marker)]
    finally:
        build.kill()
        build.wait()
    import select
    for handle in kernel_side:  # readable when the process has ended: a signal, not a sleep
        assert select.select([handle], [], [], 60)[0], "a process of the killed build's notebook is still running"
    assert _alive(marker) == []
    import tempfile

    left = list(Path(tempfile.gettempdir()).glob(f"{sandbox.SANDBOX_PREFIX}{build.pid}-*"))
    assert left, "the killed build's working folder should be there, for the next build to clear"
    sandbox._clear_stale_sandboxes.__wrapped__()  # what the next build does before its first notebook
    assert not any(path.exists() for path in left)


def _wait_until(condition, process: subprocess.Popen, seconds: float = 120) -> bool:
    """Checks `condition` each time a short wait on `process` ends without it exiting."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        try:
            process.wait(timeout=0.2)
            return bool(condition())
        except subprocess.TimeoutExpired:
            pass
    return False
