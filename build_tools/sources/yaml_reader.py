"""Reading YAML with a position for every value.

PyYAML keeps the last of two equal keys without a word; here a duplicate key is a problem.
Every value's position is kept so that later stages can say `path:line:col`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import read_text
from .problems import Problems, Severity

Loc = tuple  # a path into the YAML data: ("quiz", 0, "options")


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a YAML file stands."""

    path: Path
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def at(self, loc: Loc, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `loc`, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while True:
            if prefer_key and loc in self.keys:
                return self.keys[loc]
            if loc in self.values:
                return self.values[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


class _Constructor(yaml.SafeLoader):
    """Only used to turn scalar nodes into Python values with YAML's safe rules."""

    def __init__(self) -> None:
        super().__init__("")


def load_yaml(path: Path, problems: Problems) -> tuple[Any, SourceMap] | None:
    """The data of a YAML file and its source map, or None after recording the problems."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.add(path, line, col, "yaml-invalid",
                     f"this is not valid YAML ({error.problem or error.context}): check indentation, colons and quotes")
        return None
    except yaml.YAMLError as error:
        problems.add(path, 1, 1, "yaml-invalid", f"this is not valid YAML ({error})")
        return None
    if node is None:
        problems.add(path, 1, 1, "empty-file", "the file holds no data: write its content or remove it")
        return None
    source = SourceMap(path)
    before = len(problems.items)
    data = _to_python(node, (), source, problems, _Constructor())
    if len(problems.items) > before and data is None:
        return None
    return data, source


def _to_python(node: yaml.Node, loc: Loc, source: SourceMap, problems: Problems, constructor: _Constructor) -> Any:
    source.values.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, source, problems, constructor)
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.add(source.path, line, key_node.start_mark.column + 1, "yaml-invalid",
                             "a key must be a plain word: write `name: value`")
                continue
            if key in first_seen:
                problems.add(source.path, line, key_node.start_mark.column + 1, "duplicate-key",
                             f"key '{key}' is already set on line {first_seen[key]}: keep one of the two")
                continue
            first_seen[key] = line
            source.keys[loc + (key,)] = (line, key_node.start_mark.column + 1)
            result[key] = _to_python(value_node, loc + (key,), source, problems, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, loc + (index,), source, problems, constructor)
                for index, item in enumerate(node.value)]
    _warn_if_cut_by_comment(node, source, problems)
    return _scalar(node, source, problems, constructor)


def _warn_if_cut_by_comment(node: yaml.Node, source: SourceMap, problems: Problems) -> None:
    """`text with a # sign` unquoted: YAML silently drops everything from ' #' on."""
    if not isinstance(node, yaml.ScalarNode) or node.style is not None or node.end_mark.buffer is None:
        return
    end = node.end_mark
    rest = end.buffer[end.pointer:].split("\n", 1)[0]
    if rest.startswith(" #") and len(rest.strip()) > 2:  # one space: prose, not a comment
        problems.add(source.path, end.line + 1, end.column + 1, "yaml-text-cut",
                     "the text stops here because YAML reads ' #' as the start of a comment: "
                     "put the whole text in double quotes", Severity.WARNING)


def _scalar(node: yaml.Node, source: SourceMap, problems: Problems, constructor: _Constructor) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as error:
        problems.add(source.path, node.start_mark.line + 1, node.start_mark.column + 1, "yaml-invalid",
                     f"this value cannot be read ({error}): quote it if it is meant as text")
        return None
