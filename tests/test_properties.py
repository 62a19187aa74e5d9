"""Property-based tests (hypothesis): random and mutated YAML, and module folders with random
files in them, always give a clean list of located problems: never a traceback, never a hang.

Each example has a deadline, and a watchdog ends the whole run should one hang. Examples are
drawn afresh each run (no database is written into the repository); a failure prints the seed.
"""
from __future__ import annotations

import faulthandler
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.checks import all_rule_ids
from build_tools.pipeline import check_curriculum
from build_tools.sources.problems import Problems
from build_tools.sources.yaml_reader import load_yaml
from fixture import GLOSSARY_YML, MODULE, MODULE_YML, write_fixture

RULES = set(all_rule_ids())
QUICK = settings(max_examples=150, deadline=timedelta(seconds=2), database=None,
                 suppress_health_check=[HealthCheck.too_slow])
FOLDERS = settings(max_examples=40, deadline=timedelta(seconds=10), database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces that mean something to YAML, or to a reader of bytes
YAML_PIECES = [":", ": ", " ", "\n", "- ", "  ", "\t", "&a ", "*a", "&a [*a, *a]", "[", "]", "{", "}", ",", "'", '"',
               "#", " #", "|", ">-", "!!", "!!python/object:os.system ", "? ", "---\n", "...\n", "%YAML 1.1\n",
               "\x00", "\x07", "\ufeff", "\r\n", "é", "𝕏", "0x1F", "1e3", "~", "null", "2026-13-01", "<<: *a",
               "[" * 50, "{a: " * 30, "\\", "%", "@", "`", "[a, b]: c\n", "? - x\n: y\n", "{a: 1}: 2\n",
               "!!binary aGk=", "!!int x", "!!float .nan", "!!set {a}", "!!timestamp 2026-01-01", "? \n", ": \n"]


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(300, exit=True)  # a hang ends the run with every thread's traceback
    yield
    faulthandler.cancel_dump_traceback_later()


@st.composite
def mutations_of(draw, text: str) -> str:
    """`text` with a few random edits: pieces inserted, spans deleted, lines repeated or swapped."""
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "repeat line", "swap lines", "indent"]))
        lines = text.splitlines(keepends=True) or [""]
        line = min(text.count("\n", 0, position), len(lines) - 1)
        if edit == "insert":
            piece = draw(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=8)))
            text = text[:position] + piece + text[position:]
        elif edit == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)):]
        elif edit == "repeat line":
            text = "".join(lines[:line + 1] + lines[line:])
        elif edit == "swap lines" and line + 1 < len(lines):
            lines[line], lines[line + 1] = lines[line + 1], lines[line]
            text = "".join(lines)
        elif edit == "indent":
            lines[line] = " " * draw(st.integers(0, 9)) + lines[line].lstrip(" ")
            text = "".join(lines)
    return text


def assert_clean(problems: Problems) -> None:
    for problem in problems.items:
        assert problem.rule in RULES, problem
        assert problem.line >= 1 and problem.col >= 1 and problem.message.strip(), problem
        assert not os.path.isabs(problem.path), problem


def _load(tmp_path: Path, data: str | bytes) -> None:
    path = tmp_path / "module.yml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    problems = Problems(tmp_path)
    loaded = load_yaml(path, problems)
    assert loaded is not None or problems.errors, "refused without saying why"
    assert_clean(problems)


@QUICK
@given(text=st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=6), max_size=80).map("".join))
def test_random_yaml_gives_located_problems(tmp_path_factory, text: str) -> None:
    _load(tmp_path_factory.mktemp("yaml"), text)


@QUICK
@given(data=st.binary(max_size=300))
def test_random_bytes_give_located_problems(tmp_path_factory, data: bytes) -> None:
    _load(tmp_path_factory.mktemp("bytes"), data)


@QUICK
@given(text=st.one_of(mutations_of(MODULE_YML), mutations_of(GLOSSARY_YML)))
def test_mutated_module_and_glossary_give_located_problems(tmp_path_factory, text: str) -> None:
    _load(tmp_path_factory.mktemp("mutated"), text)


ENTRY_KINDS = ["file", "folder", "link", "fifo"]
LINK_TARGETS = ["/dev/zero", "/etc/hostname", "..", "../../..", "nowhere", "first.md", "loop"]


@pytest.fixture(scope="module")
def folder_root(tmp_path_factory) -> Path:
    return write_fixture(tmp_path_factory.mktemp("folders") / "repo", with_site_config=False)


@FOLDERS
@given(module_yml=mutations_of(MODULE_YML), lesson=st.binary(max_size=200),
       entries=st.lists(st.tuples(st.text(min_size=1, max_size=30), st.sampled_from(ENTRY_KINDS),
                                  st.binary(max_size=50), st.sampled_from(LINK_TARGETS)), max_size=4))
def test_mutated_module_folders_give_located_problems(folder_root: Path, module_yml: str, lesson: bytes,
                                                      entries: list) -> None:
    folder = folder_root / MODULE
    saved = {name: (folder / name).read_bytes() for name in ("module.yml", "first.md")}
    added = []
    try:
        (folder / "module.yml").write_text(module_yml, encoding="utf-8", errors="surrogatepass")
        (folder / "first.md").write_bytes(lesson)
        for name, kind, content, target in entries:
            path = folder / name.replace("/", "_").replace("\0", "_")
            if name in (".", "..") or os.path.lexists(path) or len(os.fsencode(path.name)) > 200:
                continue
            added.append(path)
            {"file": lambda: path.write_bytes(content), "folder": path.mkdir,
             "link": lambda: path.symlink_to(target), "fifo": lambda: os.mkfifo(path)}[kind]()
        _, problems = check_curriculum(folder_root)
        assert_clean(problems)
    finally:
        for path in added:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        for name, data in saved.items():
            (folder / name).write_bytes(data)
