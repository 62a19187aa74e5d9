"""Malformed inputs, one per problem the checker knows: exit code, rule id, file and line.

Each row changes the valid fixture curriculum in one way. The expected line is the line of a
marker text in the changed file, so the table reads like the author's view of the file.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from build_tools.checks import all_rule_ids
from build_tools.cli import main
from fixture import MODULE, add_notebook_lesson, tiny_notebook

YML = f"{MODULE}/module.yml"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<warning>warning: )?(?P<rule>[a-z0-9-]+): (?P<message>.+)$")


@dataclass
class Case:
    id: str
    rule: str
    file: str
    change: Callable[[Path], None]
    marker: str | None = None  # the expected line is where this text stands in `file`; else line 1
    error: bool = True  # False: a warning, and `check` still exits 0


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(file: str, content: bytes | str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return change


def delete(file: str) -> Callable[[Path], None]:
    return lambda root: (root / file).unlink()


def copy_module(folder: str, *replacements: tuple[str, str]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        shutil.copytree(root / MODULE, root / folder)
        path = root / folder / "module.yml"
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for step in changes:
            step(root)
    return change


LESSON = f"{MODULE}/first.md"
LESSON_FR = f"{MODULE}/first.fr.md"
GUIDE = f"{MODULE}/mentor-guide.md"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b20000000049454e44ae426082")


def append(file: str, markdown: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / file
        path.write_text(path.read_text(encoding="utf-8") + "\n" + markdown + "\n", encoding="utf-8")
    return change
GLOSSARY = "modules/glossary.yml"
TRACKS = "modules/tracks.yml"

CASES = [
    # reading files
    Case("yaml syntax", "yaml-invalid", YML, replace(YML, "level: beginner", "level: beginner: oops"), "level: beginner: oops"),
    Case("yaml syntax in glossary", "yaml-invalid", GLOSSARY, replace(GLOSSARY, "  term: {en: Crawler,", "  term: {en: Crawler,,]"), "term: {en: Crawler,,]"),
    Case("text cut by a # sign", "yaml-text-cut", GLOSSARY, replace(GLOSSARY, "en: A program that fetches pages.", "en: A program that fetches # of pages."), "# of pages", error=False),
    Case("duplicate key", "duplicate-key", YML, replace(YML, "level: beginner\n", "level: beginner\nlevel: advanced\n"), "level: advanced"),
    Case("duplicate glossary term", "duplicate-key", GLOSSARY, lambda r: (r / GLOSSARY).write_text((r / GLOSSARY).read_text() * 2), "__second__crawler:"),
    Case("not utf-8", "not-utf8", LESSON, write(LESSON, b"# Title\n\nCaf\xe9 latin-1\n"), "Caf"),
    Case("empty lesson", "empty-file", LESSON_FR, write(LESSON_FR, "  \n\n")),
    Case("empty module.yml", "empty-file", YML, write(YML, "\n# nothing here\n")),
    Case("module.yml is a folder", "file-unreadable", "modules/alpha/odd/module.yml", lambda r: (r / "modules/alpha/odd/module.yml").mkdir(parents=True)),
    Case("module folder without module.yml", "module-yml-missing", "modules/alpha/stray", lambda r: (r / "modules/alpha/stray").mkdir()),
    # bounded inputs (more in test_bounded_inputs.py)
    Case("anchor and alias", "yaml-alias", YML, replace(YML, "level: beginner", "level: &lvl beginner\nsummit: *lvl"), "&lvl"),
    Case("nesting too deep", "yaml-too-deep", YML, replace(YML, "prerequisites: []", "prerequisites: " + "[" * 30 + "]" * 30), "prerequisites:"),
    Case("lesson too large", "file-too-large", LESSON_FR, write(LESSON_FR, "# Trop long\n\n" + "mot " * 300_000)),
    Case("link out of the repository", "path-escapes", LESSON_FR, lambda r: _link(r / LESSON_FR, "/etc/hostname")),
    Case("file name with a space", "file-name", f"{MODULE}/my lesson.md", write(f"{MODULE}/my lesson.md", "# Mine\n")),
    Case("glossary id with a space", "wrong-type", GLOSSARY, replace(GLOSSARY, "crawler:", "web crawler:"), "web crawler:"),
    # the schema
    Case("unknown field (typo)", "unknown-field", YML, replace(YML, "last_reviewed:", "last_review:"), "last_review:"),
    Case("unknown nested field", "unknown-field", YML, replace(YML, "explanation: {en: Omega", "explanaton: {en: Omega"), "explanaton:"),
    Case("missing field", "missing-field", YML, replace(YML, "level: beginner\n", "")),
    Case("wrong type: number", "wrong-type", YML, replace(YML, "order: 1", "order: first"), "order:"),
    Case("wrong type: date", "wrong-type", YML, replace(YML, "last_reviewed: ", 'last_reviewed: "October" #'), "last_reviewed:"),
    Case("wrong type: session length", "wrong-type", YML, replace(YML, "session_minutes: 60", "session_minutes: 45"), "session_minutes: 45"),
    Case("wrong type: competence not quoted", "wrong-type", YML, replace(YML, 'competences: ["1.1"]', "competences: [1.1]"), "competences:"),
    Case("wrong type: id with spaces", "wrong-type", YML, replace(YML, "- id: explain-alpha", "- id: Explain Alpha"), "- id: Explain Alpha"),
    Case("tracks.yml not a list", "wrong-type", TRACKS, write(TRACKS, "alpha: {}\n")),
    # files referenced by module.yml
    Case("lesson file missing", "file-missing", YML, replace(YML, "file: first.md", "file: missing.md"), "file: missing.md"),
    Case("path escapes the repository", "path-escapes", YML, replace(YML, "file: first.md", "file: ../../../../../etc/passwd.md"), "passwd.md"),
    Case("path escapes the module", "path-escapes", YML, replace(YML, "file: first.md", "file: ../../tracks.md"), "tracks.md"),
    Case("French file referenced", "file-name", YML, replace(YML, "file: first.md", "file: first.fr.md"), "file: first.fr.md"),
    # identity and tracks
    Case("id differs from folder", "module-id-mismatch", YML, replace(YML, "id: alpha-basics", "id: alpha-other"), "id: alpha-other"),
    Case("id used twice", "module-id-duplicate", "modules/alpha/alpha-copy/module.yml", copy_module("modules/alpha/alpha-copy", ("order: 1", "order: 2")), "id: alpha-basics"),
    Case("track unknown", "track-unknown", YML, replace(YML, "track: alpha", "track: beta"), "track: beta"),
    Case("track differs from folder", "track-mismatch", YML, replace(YML, "track: alpha", "track: beta"), "track: beta"),
    Case("track listed twice", "track-duplicate", TRACKS, lambda r: (r / TRACKS).write_text((r / TRACKS).read_text() * 2), "__second__- id: alpha"),
    Case("order taken", "module-order-duplicate", "modules/alpha/alpha-second/module.yml", copy_module("modules/alpha/alpha-second", ("id: alpha-basics", "id: alpha-second")), "order: 1"),
    Case("competence unknown", "competence-unknown", YML, replace(YML, 'competences: ["1.1"]', 'competences: ["1.1", "1.5"]'), "competences:"),
    Case("objective id twice", "id-duplicate", YML, replace(YML, "- id: decide-alpha", "- id: explain-alpha"), "__second__- id: explain-alpha"),
    # quiz and objectives
    Case("objective not assessed", "objective-not-assessed", YML, replace(YML, "assesses: [decide-alpha]", "assesses: []"), "- id: decide-alpha"),
    Case("objective unknown", "objective-unknown", YML, replace(YML, "assesses: [explain-alpha]", "assesses: [explain-beta]"), "assesses: [explain-beta]"),
    Case("answer not an option", "quiz-answer-unknown", YML, replace(YML, "answer: a", "answer: c"), "answer: c"),
    Case("explanation starts with a verdict", "quiz-explanation-verdict", YML,
         replace(YML, "explanation: {en: Omega closes it.", "explanation: {en: Wrong. Omega closes it."), "{en: Wrong. Omega", error=False),
    Case("right option always the longest", "quiz-right-longest", YML, lambda r: _repeat_question(r, 3), "quiz:", error=False),
    Case("right answer always at the same place", "quiz-answer-position", YML, lambda r: _repeat_question(r, 4), "quiz:",
         error=False),
    Case("option unexplained", "quiz-option-unexplained", YML, replace(YML, "        explanation: {en: Omega closes it., fr: Oméga le ferme.}\n", ""), "- id: b"),
    # references
    Case("prerequisite unknown", "prerequisite-unknown", YML, replace(YML, "prerequisites: []", "prerequisites: [gamma]"), "prerequisites: [gamma]"),
    Case("prerequisite cycle", "prerequisite-cycle", YML,
         both(replace(YML, "prerequisites: []", "prerequisites: [alpha-second]"),
              copy_module("modules/alpha/alpha-second", ("id: alpha-basics", "id: alpha-second"), ("order: 1", "order: 2"),
                          ("prerequisites: [alpha-second]", "prerequisites: [alpha-basics]"))), "prerequisites:"),
    Case("glossary term undefined", "glossary-term-undefined", YML, replace(YML, "glossary: [crawler]", "glossary: [crawler, index]"), "glossary:"),
    # mentor guide
    Case("mentor guide missing", "mentor-guide-missing", YML, lambda r: (r / YML).write_text((r / YML).read_text().split("mentor_guide:")[0])),
    Case("mentor guide file missing", "file-missing", YML, both(delete(f"{MODULE}/mentor-guide.md"), delete(f"{MODULE}/mentor-guide.fr.md")), "file: mentor-guide.md"),
    Case("mentor guide without its parts", "mentor-guide-section-missing", f"{MODULE}/mentor-guide.fr.md",
         write(f"{MODULE}/mentor-guide.fr.md", "# Guide du mentor\n\n## Démonstration\n\n1. Montrez-le.\n")),
    Case("brief missing", "brief-missing", YML, lambda r: _drop_block(r, "brief:"), "takeaways:"),
    Case("agenda does not add up", "agenda-minutes-mismatch", YML, replace(YML, "minutes: 40", "minutes: 45"), "agenda:"),
    # languages
    Case("French title missing", "translation-missing", YML, replace(YML, "  fr: Les bases alpha\n", ""), "en: Alpha basics"),
    Case("French lesson missing", "translation-missing", YML, delete(LESSON_FR), "file: first.md"),
    Case("English lesson missing", "translation-missing", YML, delete(LESSON), "file: first.md"),
    Case("draft: translation is a warning", "translation-missing", YML,
         both(replace(YML, "status: published", "status: draft"), replace(YML, "  fr: Les bases alpha\n", "")), "en: Alpha basics", error=False),
    Case("glossary definition untranslated", "translation-missing", GLOSSARY, replace(GLOSSARY, "    fr: Un programme qui récupère des pages.\n", ""), "en: A program"),
    Case("docs page without twin", "docs-page-untranslated", "docs/en/about.md", write("docs/en/about.md", "# About\n\nText.\n")),
    # notebook lessons
    Case("notebook with outputs", "notebook-has-outputs", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook(outputs=True)), "__fourth__cell_type"),
    Case("notebook not JSON", "notebook-invalid", "notebooks/tiny.ipynb", lambda r: add_notebook_lesson(r, text="{ not json")),
    Case("notebook JSON not in the notebook format", "notebook-invalid", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook().replace('"cells": [', '"not_a_field": 1, "cells": [', 1))),
    Case("notebook timeout turned off", "notebook-timeout", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook(curriculum={"timeout": 0})), '"timeout": 0'),
    Case("notebook missing", "file-missing", YML, lambda r: (add_notebook_lesson(r), (r / "notebooks/tiny.ipynb").unlink()),
         "notebook: tiny.ipynb"),
    Case("notebook outside notebooks/", "path-escapes", YML,
         lambda r: (add_notebook_lesson(r), replace(YML, "notebook: tiny.ipynb", "notebook: ../modules/x.ipynb")(r)), "notebook: ../"),
    Case("notebook without French cells", "translation-missing", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook().replace('"fr"', '"de"'))),
    Case("lesson with file and notebook", "wrong-type", YML, replace(YML, "  - file: first.md\n", "  - file: first.md\n    notebook: x.ipynb\n"), "- file: first.md"),
    # links and images, against the author's own file
    Case("link to a missing lesson", "link-broken", LESSON, append(LESSON, "See [the next lesson](next.md)."), "next.md"),
    Case("link to a site address", "link-broken", LESSON_FR, append(LESSON_FR, "Voir [la suite](/fr/modules/x/)."), "/fr/modules"),
    Case("link to a missing module", "link-broken", GUIDE, append(GUIDE, "[Beta](../beta-basics/module.yml)"), "beta-basics"),
    Case("link in a docs page", "link-broken", "docs/en/index.md", append("docs/en/index.md", "[About](about.md)"), "about.md"),
    Case("relative link in a YAML text", "link-broken", YML, replace(YML, "en: What is alpha?", "en: What is [alpha](first.md)?"),
         "[alpha](first.md)"),
    Case("link to a missing heading", "link-anchor-unknown", LESSON, append(LESSON, "[Pitfalls](mentor-guide.md#pitfals)"), "#pitfals"),
    Case("link to a missing term", "link-anchor-unknown", LESSON, append(LESSON, "[A crawler](../../glossary.yml#crawlr)"), "#crawlr"),
    Case("javascript link", "link-unsafe", LESSON, append(LESSON, "[Click](javascript:alert(1))"), "javascript:"),
    Case("javascript autolink in a YAML text", "link-unsafe", GLOSSARY,
         replace(GLOSSARY, "en: A program that fetches pages.", "en: A program <javascript://%0aalert(1)>"), "<javascript:"),
    Case("source address that ends in HTML", "link-unsafe", YML,
         replace(YML, "url: https://developers.google.com/search/docs/fundamentals/how-search-works",
                 'url: https://example.org/"><script>steal()</script>'), "example.org"),
    Case("image missing", "image-missing", LESSON, append(LESSON, "![A chart](chart.png)"), "chart.png"),
    Case("image outside the module folder", "image-misplaced", LESSON,
         both(write("docs/assets/logo.png", PNG), append(LESSON, "![Logo](../../../docs/assets/logo.png)")), "logo.png"),
    Case("image as SVG", "image-format", LESSON_FR, both(write(f"{MODULE}/diagram.svg", "<svg/>"), append(LESSON_FR, "![Schéma](diagram.svg)")),
         "diagram.svg"),
    Case("image without alt text", "image-alt-missing", LESSON, both(write(f"{MODULE}/chart.png", PNG), append(LESSON, "![](chart.png)")),
         "![](chart.png)"),
    Case("image from another site", "remote-resource", GUIDE, append(GUIDE, "![A chart](https://example.org/chart.png)"), "example.org"),
    Case("HTML in a lesson", "html-not-allowed", LESSON, append(LESSON, 'Hello <div onclick="steal()">there</div>'), "<div"),
    Case("HTML in a YAML text", "html-not-allowed", YML, replace(YML, "en: What is alpha?", "en: What is <b>alpha</b>?"), "<b>alpha"),
    Case("attribute list with a handler", "html-not-allowed", GUIDE, append(GUIDE, "Text\n{: onmouseover=\"steal()\" }"), "onmouseover"),
    Case("HTML in a notebook cell", "html-not-allowed", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook().replace("We count the rows.", "<script>steal()</script>")),
         "__first__cell_type"),
    Case("brackets Markdown would pair for minutes", "markdown-too-complex", LESSON,
         append(LESSON, "Intro.\n\nSee [notes" + " [" * 2_000 + "\n"), "See [notes"),
    Case("links that never close", "markdown-too-complex", GUIDE, append(GUIDE, "Read [a](" * 1_000), "Read [a]("),
    Case("underlines Markdown would read for minutes", "markdown-too-complex", LESSON,
         append(LESSON, "Intro.\n\nNotes\n==\n" + "-\n=\n" * 1_000), "=="),
    Case("lists nested past Markdown's reach", "markdown-too-complex", LESSON,
         append(LESSON, "Intro.\n\n" + "- " * 300 + "deep\n"), "- - - - "),
    Case("comma in a short text", "text-comma", YML, replace(YML, "{en: The first letter.,", "{en: The first, oldest letter.,"),
         "The first, oldest"),
    # notebook lessons (2)
    Case("notebook without parameters tag", "notebook-parameters-missing", "notebooks/tiny.ipynb",
         lambda r: add_notebook_lesson(r, text=tiny_notebook().replace('"parameters"', '"setup"')), "__third__cell_type"),
    # lessons and review
    Case("lesson without title", "lesson-title-missing", LESSON, write(LESSON, "Just text, no title.\n\n" + "word " * 600)),
    Case("lesson too short", "lesson-length", LESSON, write(LESSON, "# Short\n\nToo short.\n"), error=False),
    Case("lesson too long", "lesson-length", LESSON_FR, write(LESSON_FR, "# Long\n\n" + "mot " * 1300), error=False),
    Case("review overdue", "review-overdue", YML, lambda r: _set_review(r, "2020-01-01"), "last_reviewed:", error=False),
    Case("review in the future", "review-date-future", YML, lambda r: _set_review(r, "2999-01-01"), "last_reviewed:"),
]


def _repeat_question(root: Path, count: int) -> None:
    """The fixture's one question `count` times (the right option is the first and the longest)."""
    path = root / YML
    text = path.read_text(encoding="utf-8")
    question = text.split("quiz:\n", 1)[1].split("exercise:", 1)[0]
    copies = "".join(question.replace("id: q-one", f"id: q-{n}", 1) for n in range(2, count + 1))
    path.write_text(text.replace("exercise:", copies + "exercise:", 1), encoding="utf-8")


def _link(path: Path, target: str) -> None:
    path.unlink()
    path.symlink_to(target)


def _drop_block(root: Path, key: str) -> None:
    """Removes a top-level key of module.yml and everything indented under it."""
    path = root / YML
    kept, dropping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith(key):
            dropping = True
            continue
        if dropping and line[:1] not in (" ", "\n"):
            dropping = False
        if not dropping:
            kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")


def _set_review(root: Path, day: str) -> None:
    path = root / YML
    path.write_text(re.sub(r"last_reviewed: \S+", f"last_reviewed: {day}", path.read_text()), encoding="utf-8")


def _expected_line(root: Path, case: Case) -> int:
    if case.marker is None:
        return 1
    marker, skip = case.marker, 0
    for prefix, count in (("__first__", 0), ("__second__", 1), ("__third__", 2), ("__fourth__", 3)):
        if marker.startswith(prefix):
            marker, skip = marker.removeprefix(prefix), count
    lines = [n for n, text in enumerate((root / case.file).read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if marker in text]
    return lines[skip]


# pydantic's own wording, which authors should never have to read
LIBRARY_WORDING = ("Input should", "instance of", "Value error", "should match pattern", "should have at least",
                   "Extra inputs", "valid dictionary")


def run_check(root: Path) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["--root", str(root), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    problems = [m.groupdict() for line in result.stdout.splitlines() if (m := LINE.match(line))]
    return result.exit_code, problems


def test_the_valid_fixture_has_no_problem(curriculum_root: Path) -> None:
    code, problems = run_check(curriculum_root)
    assert (code, problems) == (0, [])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_reported_at_its_place(curriculum_root: Path, case: Case) -> None:
    case.change(curriculum_root)
    code, problems = run_check(curriculum_root)
    expected = {"path": case.file, "line": str(_expected_line(curriculum_root, case)), "rule": case.rule,
                "warning": None if case.error else "warning: "}
    found = [{k: p[k] for k in expected} for p in problems]
    assert expected in found, f"expected {expected}, got:\n" + "\n".join(map(str, problems))
    assert code == (1 if case.error else 0)
    assert all(p["message"].strip() for p in problems)
    assert not [p for p in problems if any(words in p["message"] for words in LIBRARY_WORDING)]


def test_every_rule_has_a_failing_example() -> None:
    assert set(all_rule_ids()) == {case.rule for case in CASES}


def test_all_problems_are_listed_not_just_the_first(curriculum_root: Path) -> None:
    chosen = {"duplicate key", "unknown field (typo)", "duplicate glossary term", "docs page without twin"}
    for case in CASES:
        if case.id in chosen:
            case.change(curriculum_root)
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert [p["rule"] for p in problems].count("duplicate-key") == 2
    assert {p["rule"] for p in problems} >= {"unknown-field", "docs-page-untranslated"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_authors_guide_explains_every_rule(lang: str) -> None:
    from fixture import REPO

    guide = (REPO / "docs" / lang / "rules.md").read_text(encoding="utf-8")  # the authors' guide links to it
    missing = [rule for rule in all_rule_ids() if f"`{rule}`" not in guide]
    assert missing == []


GARBAGE = {
    "a list": "- one\n- two\n",
    "a number": "42\n",
    "a string": "just some words\n",
    "null values": "id:\ntrack:\norder:\nquiz:\n",
    "wrong nesting": "id: alpha-basics\ntitle: [en, fr]\nquiz: {q: 1}\nlessons: lesson.md\n",
    "aliases": "base: &b {en: x, fr: y}\ntitle: *b\nsummary: *b\n",
    "a non-string key": "? [a, b]\n: value\n",
    "a tab": "id:\talpha\n\ttrack: x\n",
    "binary": b"\x00\x01\x02\xff\xfe",
    "two documents": "id: a\n---\nid: b\n",
    "python tag": "id: !!python/object/apply:os.system ['echo hi']\n",
    "huge number": "order: 99999999999999999999999999999\n",
    "deep text": "title: {en: {fr: {en: x}}}\n",
}


@pytest.mark.parametrize("content", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_module_yml_gives_problems_never_a_traceback(curriculum_root: Path, content) -> None:
    write(YML, content)(curriculum_root)
    code, problems = run_check(curriculum_root)
    assert code == 1
    assert any(p["path"] == YML for p in problems)
    assert not [p for p in problems if any(words in p["message"] for words in LIBRARY_WORDING)]


def test_the_command_writes_its_whole_report_before_it_ends(curriculum_root: Path) -> None:
    """The installed command ends a check without tidying up (`cli.run`): whatever its output is
    written to, a pipe here, every line must be out first, and the exit status kept."""
    lesson = curriculum_root / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8") + "".join(f"[x](missing-{n}.md)\n" for n in range(2000)),
                      encoding="utf-8")
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-m", "build_tools.cli", "--root", str(curriculum_root), "check"],
                          capture_output=True, text=True, env=buffered, timeout=120)
    assert done.returncode == 1
    assert sum("link-broken" in line for line in done.stdout.splitlines()) == 2000
    assert "checked in" in done.stderr
