"""An author's afternoon, end to end, in a temporary copy: scaffold a module, add a lesson, make
three mistakes (a link, an image, a notebook's tag), find each one located by `curriculum check`
alone, fix them, build, and read the pages in both languages."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from build_tools.cli import main
from fixture import tiny_notebook
from test_check_table import LINE, PNG

FOLDER = "modules/alpha/alpha-next"
LESSON = f"{FOLDER}/second-step.md"
LESSON_FR = f"{FOLDER}/second-step.fr.md"
NOTEBOOK = "notebooks/counting.ipynb"
LABELS = 'LABEL = {"en": "Rows counted", "fr": "Lignes comptées"}[LANG]\nprint(LABEL, 3)'


def _run(root: Path, *args: str):
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _place(root: Path, file: str, text: str) -> tuple[str, str]:
    """(line, column) where `text` first stands in `file`, as the checker counts them."""
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if text in line)
    return str(number), str(lines[number - 1].index(text) + 1)


def _errors(root: Path) -> list[dict]:
    result = _run(root, "check")
    return [m.groupdict() for line in result.stdout.splitlines() if (m := LINE.match(line)) and not m["warning"]]


def test_an_author_scaffolds_breaks_fixes_and_publishes(curriculum_root: Path) -> None:
    root = curriculum_root
    assert _run(root, "new", "alpha", "alpha-next").exit_code == 0
    assert _run(root, "new-lesson", "alpha-next", "second-step").exit_code == 0
    assert _errors(root) == []

    # three mistakes: a link written as the site's address, an image not saved, a notebook untagged
    for name in (LESSON, LESSON_FR):
        path = root / name
        path.write_text(path.read_text() + "\nBack to [the first lesson](first-lesson/).\n\n"
                        "![Clicks by position, 2025](clicks.png)\n")
    (root / NOTEBOOK).write_text(tiny_notebook(LABELS).replace('"parameters"', '"setup"'))
    yml = root / FOLDER / "module.yml"
    yml.write_text(yml.read_text().replace("  - file: second-step.md\n",
                                           "  - file: second-step.md\n  - notebook: counting.ipynb\n"))

    found = {(p["path"], p["line"], p["col"], p["rule"]) for p in _errors(root)}
    link, image = _place(root, LESSON, "first-lesson/"), _place(root, LESSON, "clicks.png")
    notebook_line = str(_place(root, NOTEBOOK, '"cell_type": "code"')[0])
    assert found == {(LESSON, *link, "link-broken"), (LESSON, *image, "image-missing"),
                     (LESSON_FR, *_place(root, LESSON_FR, "first-lesson/"), "link-broken"),
                     (LESSON_FR, *_place(root, LESSON_FR, "clicks.png"), "image-missing"),
                     (NOTEBOOK, notebook_line, "1", "notebook-parameters-missing")}
    messages = " ".join(p["message"] for p in _errors(root))
    assert "did you mean `first-lesson.md`?" in messages and "tag the cell `parameters`" in messages

    # the fixes the messages ask for
    for name, anchor in ((LESSON, "the-idea"), (LESSON_FR, "lidee")):  # `## L'idée` in French
        path = root / name
        path.write_text(path.read_text().replace("(first-lesson/)", f"(first-lesson.md#{anchor})"))
    (root / FOLDER / "clicks.png").write_bytes(PNG)
    (root / NOTEBOOK).write_text(tiny_notebook(LABELS))
    assert _errors(root) == []

    result = _run(root, "site")
    assert result.exit_code == 0, result.output
    for lang, label in (("en", "Rows counted 3"), ("fr", "Lignes comptées 3")):
        site = root / "site" / lang / "modules/alpha-next"
        page = (site / "second-step/index.html").read_text()
        assert f'<html lang="{lang}"' in page
        assert f'href="../first-lesson/#{"the-idea" if lang == "en" else "lidee"}"' in page
        assert re.search(r'<img alt="Clicks by position, 2025" src="\.\./clicks\.png"', page)
        assert (site / "clicks.png").read_bytes() == PNG
        assert label in (site / "counting/index.html").read_text()
        assert (root / "site" / lang / "mentors/alpha-next/index.html").is_file()
