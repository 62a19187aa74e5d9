"""pre-commit from a fresh repository: `make hooks`, then each hook stops a commit it should stop."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from fixture import MODULE, REPO, tiny_notebook, write_fixture


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check,
                          env={**os.environ, "GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.org",
                               "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.org",
                               "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")})


def _commit(repo: Path, message: str) -> subprocess.CompletedProcess:
    _git(repo, "add", "-A")
    return _git(repo, "commit", "-q", "-m", message, check=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new repository with the project's hook configuration, the fixture curriculum and this .venv."""
    root = write_fixture(tmp_path_factory.mktemp("hooks") / "repo")
    for name in (".pre-commit-config.yaml", "pyproject.toml", "Makefile", ".gitignore"):
        shutil.copy(REPO / name, root / name)
    (root / ".venv").symlink_to(REPO / ".venv")
    _git(root, "init", "-q")
    # `-o`: the .venv stamp is taken as made, so `make hooks` only installs the hook
    subprocess.run(["make", "-o", ".venv/.installed", "hooks"], cwd=root, check=True, capture_output=True)
    assert (root / ".git/hooks/pre-commit").is_file()
    assert _commit(root, "a valid curriculum").returncode == 0
    return root


def test_a_notebook_with_outputs_is_stripped_and_the_commit_stopped(repo: Path) -> None:
    notebook = repo / "notebooks/tiny.ipynb"
    notebook.write_text(tiny_notebook(outputs=True))
    result = _commit(repo, "a notebook with outputs")
    assert result.returncode != 0 and "nbstripout" in result.stdout + result.stderr
    assert '"outputs": []' in notebook.read_text() and "rows: 3" not in notebook.read_text()
    assert _commit(repo, "the notebook, stripped").returncode == 0


def test_a_python_mistake_stops_the_commit(repo: Path) -> None:
    (repo / "helper.py").write_text("import os\n")
    result = _commit(repo, "an unused import")
    assert result.returncode != 0 and "F401" in result.stdout + result.stderr
    (repo / "helper.py").write_text("print('fine')\n")
    assert _commit(repo, "fixed").returncode == 0


def test_a_broken_module_stops_the_commit_with_its_place(repo: Path) -> None:
    lesson = repo / MODULE / "first.md"
    lesson.write_text(lesson.read_text() + "\nSee [the next lesson](next.md).\n")
    result = _commit(repo, "a broken link")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{MODULE}/first.md:" in output and "link-broken" in output
    lesson.write_text(lesson.read_text().replace("[the next lesson](next.md)", "the next lesson"))
    assert _commit(repo, "fixed").returncode == 0
