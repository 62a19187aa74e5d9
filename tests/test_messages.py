"""Messages in the author's words: the place of a comma, indentation, "did you mean", and one
error for one broken file (not one for every reference to it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_check_table import GLOSSARY, TRACKS, YML, copy_module, replace, run_check


def problems_of(root: Path) -> list[dict]:
    return run_check(root)[1]


def test_a_comma_in_a_short_text_is_named_at_its_place(curriculum_root: Path) -> None:
    replace(YML, "{en: The first letter., fr: La première lettre.}",
            "{en: The first, oldest letter., fr: La première lettre.}")(curriculum_root)
    line = next(n for n, text in enumerate((curriculum_root / YML).read_text().splitlines(), 1) if "oldest" in text)
    column = (curriculum_root / YML).read_text().splitlines()[line - 1].index(",") + 1
    found = [p for p in problems_of(curriculum_root) if p["rule"] == "text-comma"]
    assert [(p["line"], p["col"]) for p in found] == [(str(line), str(column))]
    assert "comma" in found[0]["message"] and "double quotes" in found[0]["message"]
    assert not [p for p in problems_of(curriculum_root) if p["rule"] == "unknown-field"]


def test_a_known_field_at_the_wrong_level_is_told_to_check_its_indentation(curriculum_root: Path) -> None:
    replace(YML, "  fr: Les bases alpha\n", "fr: Les bases alpha\n")(curriculum_root)
    found = [p for p in problems_of(curriculum_root) if p["rule"] == "unknown-field"]
    assert len(found) == 1
    assert "indentation" in found[0]["message"] and "did you mean" not in found[0]["message"]


def test_a_misspelt_field_gets_the_closest_name(curriculum_root: Path) -> None:
    replace(YML, "summary:", "sumary:")(curriculum_root)
    messages = [p["message"] for p in problems_of(curriculum_root) if p["rule"] == "unknown-field"]
    assert messages == ["`sumary` is not a known field: did you mean `summary`?"]


@pytest.mark.parametrize("old, new, rule, suggestion", [
    ("glossary: [crawler]", "glossary: [crawlr]", "glossary-term-undefined", "did you mean 'crawler'?"),
    ("prerequisites: []", "prerequisites: [alpha-basic]", "prerequisite-unknown", "did you mean 'alpha-basics'?"),
    ("track: alpha", "track: alpah", "track-unknown", "did you mean 'alpha'?"),
])
def test_an_unknown_id_gets_the_closest_known_one(curriculum_root: Path, old: str, new: str, rule: str,
                                                  suggestion: str) -> None:
    replace(YML, old, new)(curriculum_root)
    assert any(p["rule"] == rule and suggestion in p["message"] for p in problems_of(curriculum_root))


@pytest.mark.parametrize("title, expected", [
    ("title: just words", "a text is written with `en:` and `fr:` on lines of their own, indented below `title:`"),
    ("title: {en: x, fr: y}\nbrief: 3", "`brief:` is a mapping: write its fields"),
    ("title: {en: x, fr: y}\nlessons: first.md", "write a list below `lessons:`"),
])
def test_type_errors_say_what_to_write(curriculum_root: Path, title: str, expected: str) -> None:
    text = (curriculum_root / YML).read_text()
    text = text.replace("title:\n  en: Alpha basics\n  fr: Les bases alpha\n", title + "\n", 1)
    text = text.replace("brief:\n", "brief_old:\n", 1) if "brief:" in title else text
    text = text.replace("lessons:\n  - file: first.md\n", "", 1) if "lessons:" in title else text
    (curriculum_root / YML).write_text(text)
    messages = [p["message"] for p in problems_of(curriculum_root) if p["rule"] == "wrong-type"]
    assert any(expected in message for message in messages), messages


def _several_modules(root: Path) -> None:
    for number in (2, 3, 4):
        copy_module(f"modules/alpha/alpha-{number}", ("id: alpha-basics", f"id: alpha-{number}"),
                    ("order: 1", f"order: {number}"), ("prerequisites: []", "prerequisites: [alpha-basics]"))(root)


@pytest.mark.parametrize("file, old, new", [
    (GLOSSARY, "crawler:", "crawler: [oops"),
    (GLOSSARY, "  term: {en: Crawler,", "  terms: {en: Crawler,"),
    (TRACKS, "- id: alpha", "- id: alpha: beta"),
    (YML, "level: beginner", "level: beginner: oops"),
])
def test_one_broken_yaml_file_gives_one_error(curriculum_root: Path, file: str, old: str, new: str) -> None:
    _several_modules(curriculum_root)
    assert run_check(curriculum_root)[0] == 0
    replace(file, old, new)(curriculum_root)
    errors = [p for p in problems_of(curriculum_root) if not p["warning"]]
    assert len(errors) == 1 and errors[0]["path"] == file, errors


def _flow_texts(yaml_text: str) -> list[int]:
    """Lines of `{en: ..., fr: ...}` texts, the form a comma can cut."""
    import yaml

    found, stack = [], [yaml.compose(yaml_text, Loader=yaml.SafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            keys = {key.value for key, _ in node.value}
            if node.flow_style and keys & {"en", "fr"}:
                found.append(node.start_mark.line + 1)
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return found


@pytest.mark.parametrize("file", ["build_tools/scaffold/module.yml", "docs/en/contribute.md", "docs/fr/contribute.md"])
def test_the_scaffold_and_the_guide_write_texts_in_block_style(file: str) -> None:
    import re

    from fixture import REPO

    text = (REPO / file).read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S) if file.endswith(".md") else [text]
    assert blocks and [_flow_texts(block) for block in blocks] == [[] for _ in blocks]
