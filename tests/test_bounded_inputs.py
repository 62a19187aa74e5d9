"""Hostile and clumsy inputs: each is refused with its place, quickly, without a traceback.

YAML that would expand to billions of values or nest without end, files that would make a read
hang or never end (a FIFO, /dev/zero), links out of the repository, oversized files, names that
pages cannot carry, and notebook time limits that would turn the limit off.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from build_tools.sources import yaml_reader
from build_tools.sources.problems import Problems
from fixture import MODULE, add_notebook_lesson, tiny_notebook
from test_check_table import run_check

YML = f"{MODULE}/module.yml"
LESSON_FR = f"{MODULE}/first.fr.md"

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(9))

YAML_BOMBS = {
    # text, rule, line of the problem
    "billion laughs": (BILLION_LAUGHS, "yaml-alias", 1),
    "recursive anchor": ("title: &t [*t]\n", "yaml-alias", 1),
    "alias of a mapping": ("base: &b {en: x, fr: y}\ntitle: *b\n", "yaml-alias", 1),
    "deep flow nesting": ("id: " + "[" * 100_000 + "]" * 100_000 + "\n", "yaml-too-deep", 1),
    "deep mapping nesting": ("id: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n", "yaml-too-deep", 1),
    "deep block nesting": ("".join(" " * n + "k:\n" for n in range(300)), "yaml-too-deep", 21),
}


@pytest.mark.parametrize("text, rule, line", YAML_BOMBS.values(), ids=YAML_BOMBS.keys())
def test_yaml_bombs_are_refused_at_their_place_in_well_under_a_second(
        tmp_path: Path, no_hang, text: str, rule: str, line: int) -> None:
    assert yaml_reader._Parser is getattr(yaml, "CSafeLoader", None), "PyYAML without libyaml: 10 times slower"
    path = tmp_path / "module.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    started = time.perf_counter()
    assert yaml_reader.load_yaml(path, problems) is None
    elapsed = time.perf_counter() - started
    assert [(p.rule, p.line) for p in problems.items] == [(rule, line)], problems.items
    assert elapsed < 1.0, f"{elapsed:.2f} s"  # about a millisecond, on a busy machine too


@pytest.mark.parametrize("text, rule, line", YAML_BOMBS.values(), ids=YAML_BOMBS.keys())
def test_without_libyaml_the_bombs_are_refused_too(tmp_path: Path, monkeypatch, no_hang, text: str, rule: str,
                                                    line: int) -> None:
    """PyYAML's pure-Python parser gives the same events: the same refusals, no RecursionError
    (its scanner is slower on `[[[[...`: a second or two, not a hang)."""
    monkeypatch.setattr(yaml_reader, "_Parser", yaml.SafeLoader)
    path = tmp_path / "module.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    assert yaml_reader.load_yaml(path, problems) is None
    assert [(p.rule, p.line) for p in problems.items] == [(rule, line)], problems.items


def test_a_fifo_is_refused_without_being_opened(curriculum_root: Path, no_hang) -> None:
    lesson = curriculum_root / LESSON_FR
    lesson.unlink()
    os.mkfifo(lesson)  # opening it for reading would wait for a writer forever
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert {"path": LESSON_FR, "line": "1", "rule": "file-unreadable"} in _short(problems)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "/etc/hostname"])
def test_a_link_out_of_the_repository_is_refused(curriculum_root: Path, no_hang, target: str) -> None:
    lesson = curriculum_root / LESSON_FR
    lesson.unlink()
    lesson.symlink_to(target)
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert {"path": LESSON_FR, "line": "1", "rule": "path-escapes"} in _short(problems)


def test_links_inside_the_repository_are_followed_and_loops_refused(curriculum_root: Path, no_hang) -> None:
    lesson = curriculum_root / LESSON_FR
    shared = curriculum_root / "modules" / "shared-first.fr.md"
    lesson.rename(shared)
    lesson.symlink_to(Path("../..") / shared.name)
    assert run_check(curriculum_root) == (0, [])
    (curriculum_root / "docs/en/loop").symlink_to("loop")  # a link to itself
    (curriculum_root / "docs/en/up").symlink_to("..")  # a folder loop: never walked into
    code, problems = run_check(curriculum_root)
    assert _short(problems) == [{"path": "docs/en/loop", "line": "1", "rule": "file-unreadable"}]


def test_files_that_the_build_only_copies_or_hashes_are_vetted_too(curriculum_root: Path, no_hang) -> None:
    data = curriculum_root / "notebooks/data"
    data.mkdir()
    os.mkfifo(data / "keywords.csv")  # a notebook naming it would make the cache key hang
    (curriculum_root / "docs/assets/secret.txt").symlink_to("/etc/hostname")  # would be copied into the site
    with open(curriculum_root / "docs/assets/huge.png", "wb") as huge:  # sparse: costs no disk
        huge.truncate(21 << 20)
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert sorted(map(json.dumps, _short(problems))) == sorted(map(json.dumps, [
        {"path": "docs/assets/huge.png", "line": "1", "rule": "file-too-large"},
        {"path": "docs/assets/secret.txt", "line": "1", "rule": "path-escapes"},
        {"path": "notebooks/data/keywords.csv", "line": "1", "rule": "file-unreadable"},
    ]))


def test_a_source_folder_that_is_a_link_out_is_refused(curriculum_root: Path, tmp_path: Path, no_hang) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text("# Not ours\n")
    (curriculum_root / "tools").symlink_to(outside)
    code, problems = run_check(curriculum_root)
    assert code == 1 and {"path": "tools", "line": "1", "rule": "path-escapes"} in _short(problems)


def test_a_module_folder_that_is_a_link_out_is_not_read(curriculum_root: Path, tmp_path: Path, no_hang) -> None:
    """Files in a linked folder are plain files: the folder is what leads out (the loader resolves
    each folder once, not each file)."""
    outside = tmp_path / "elsewhere"
    shutil.move(curriculum_root / MODULE, outside)
    (curriculum_root / MODULE).symlink_to(outside)
    code, problems = run_check(curriculum_root)
    assert code == 1
    short = _short(problems)
    assert {"path": MODULE, "line": "1", "rule": "path-escapes"} in short
    assert any(p["path"].endswith(YML) and p["rule"] == "path-escapes" for p in short)  # refused, not read


@pytest.mark.parametrize("name", ["my lesson.md", "it's.md", 'say "hi".md', "<script>.md", "a>b", "tab\there.md"])
def test_file_names_that_pages_cannot_carry_are_refused(curriculum_root: Path, name: str) -> None:
    path = curriculum_root / MODULE / name
    if "." in name:
        path.write_text("# A page\n", encoding="utf-8")
    else:
        path.mkdir()
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert {"path": f"{MODULE}/{name}", "line": "1", "rule": "file-name"} in _short(problems)


@pytest.mark.parametrize("term_id", ["web crawler", "Crawler", "crawler<b>", "1"])
def test_glossary_ids_must_be_ids(curriculum_root: Path, term_id: str) -> None:
    glossary = curriculum_root / "modules/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("crawler:", f"{term_id}:", 1), encoding="utf-8")
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert {"path": "modules/glossary.yml", "line": "1", "rule": "wrong-type"} in _short(problems)


@pytest.mark.parametrize("timeout", [0, -1, "60", True, None, 601, 1.5, [60]])
def test_a_notebook_time_limit_cannot_be_turned_off(curriculum_root: Path, timeout) -> None:
    notebook = add_notebook_lesson(curriculum_root, text=tiny_notebook(curriculum={"timeout": timeout}))
    code, problems = run_check(curriculum_root)
    line = next(n for n, text in enumerate(notebook.read_text().splitlines(), 1) if '"timeout"' in text)
    assert code == 1
    assert {"path": "notebooks/tiny.ipynb", "line": str(line), "rule": "notebook-timeout"} in _short(problems)


def test_notebook_settings_must_be_a_mapping(curriculum_root: Path) -> None:
    add_notebook_lesson(curriculum_root, text=tiny_notebook(curriculum=120))
    code, problems = run_check(curriculum_root)
    assert code == 1 and {"path": "notebooks/tiny.ipynb", "rule": "notebook-invalid"} in [
        {k: p[k] for k in ("path", "rule")} for p in problems]


def _short(problems: list[dict]) -> list[dict]:
    return [{k: p[k] for k in ("path", "line", "rule")} for p in problems]


@pytest.mark.parametrize("text", ["when: !!timestamp 2026-01-01&a\n", "n: !!int ten\n", "f: !!float x\n",
                                  "b: !!binary 'not base64 \\u00e9'\n"])
def test_a_value_that_is_not_what_its_tag_says_is_a_located_problem(tmp_path: Path, text: str) -> None:
    """Found by the property test: PyYAML's date parser raised AttributeError on a bad `!!timestamp`."""
    path = tmp_path / "module.yml"
    path.write_text("id: x\n" + text, encoding="utf-8")
    problems = Problems(tmp_path)
    yaml_reader.load_yaml(path, problems)
    assert [(p.rule, p.line) for p in problems.items] == [("yaml-invalid", 2)], problems.items


MARKDOWN_BOMBS = {
    # a lesson of half a megabyte that Python-Markdown would read for hours, or that would overflow its recursion
    "brackets that open nothing": "[" * 500_000,
    "images that open nothing": "![" * 250_000,
    "links that never close": "[a](" * 125_000,
    "addresses that never close": "[a](<" * 100_000,
    "nested links": "[[a](" * 100_000,
    "nested closed brackets": "[" * 250_000 + "]" * 250_000,
    "underlined headings": "a\n=\n" * 125_000,
    "lists nested on one line": "- " * 250_000,
    "lists nested by indentation": "".join(" " * (4 * n) + "- a\n" for n in range(400)),
    "quotes nested": ">" * 500_000,
}


def _check_with_lesson_ending(root: Path, text: str) -> tuple[int, list[dict]]:
    """`curriculum check` once the fixture's lesson ends with a paragraph of `text`."""
    lesson = root / MODULE / "first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n\n" + text + "\n", encoding="utf-8")
    return run_check(root)


@pytest.mark.parametrize("text", MARKDOWN_BOMBS.values(), ids=MARKDOWN_BOMBS.keys())
def test_markdown_that_would_hang_or_crash_the_build_is_refused_in_seconds(curriculum_root: Path, no_hang,
                                                                             text: str) -> None:
    """The scanner pairs brackets in one pass, and the check refuses what Python-Markdown could not
    build: the build runs only after a clean check, so it never meets such a text."""
    started = time.perf_counter()
    code, problems = _check_with_lesson_ending(curriculum_root, text)
    elapsed = time.perf_counter() - started
    assert code == 1
    errors = [p["rule"] for p in problems if p["path"] == f"{MODULE}/first.md" and not p["warning"]]
    assert errors == ["markdown-too-complex"]
    assert elapsed < 30, f"{elapsed:.1f} s"  # about a second; minutes to days before


def test_long_texts_that_markdown_reads_in_one_pass_are_not_refused(curriculum_root: Path, no_hang) -> None:
    """What Python-Markdown reads once, however long: many links, closed brackets, attribute-like
    braces, and code indented as deep as it likes."""
    text = ("[a](first.fr.md) [b] (c) { d " * 20_000 + "\n\n" + "> quoted\n" * 20_000 + "\n" + "- item\n" * 20_000
            + "\n```\n" + "".join(" " * (4 * n) + "- code, not a list\n" for n in range(200)) + "```\n")
    code, problems = _check_with_lesson_ending(curriculum_root, text)
    assert "markdown-too-complex" not in {p["rule"] for p in problems}


@pytest.mark.parametrize("text, advice", [("[" * 5_000, "remove the brackets that open nothing"),
                                          ("a\n=\n" * 5_000, "put an empty line after each heading"),
                                          ("- " * 100, "flatten them")])
def test_the_message_says_what_to_change(curriculum_root: Path, text: str, advice: str) -> None:
    _, problems = _check_with_lesson_ending(curriculum_root, text)
    messages = [p["message"] for p in problems if p["rule"] == "markdown-too-complex"]
    assert len(messages) == 1 and advice in messages[0], messages
