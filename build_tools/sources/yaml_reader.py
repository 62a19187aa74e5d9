"""Reading YAML with a position for every value, in bounded time and memory.

The data is built straight from the parser's event stream (libyaml's, PyYAML's C parser, when
installed; its pure-Python twin otherwise), in one pass and without recursion:
- anchors and aliases are refused: `&a [*a, *a]` nested ten times is a billion values;
- nesting is capped, so `[[[[...` cannot exhaust the stack or the patience of a reviewer;
- a duplicate key is a problem (PyYAML would keep the last value without a word).
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

MAX_DEPTH = 20  # a module.yml nests 5 deep; anything past 20 is a mistake or an attack
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same events, 10 times faster in C
_TOO_DEEP = (f"the data nests more than {MAX_DEPTH} levels deep here: flatten it "
             "(a module.yml needs five levels at most)")


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


class _Stop(Exception):
    """The file cannot be read further; the problem is already recorded."""


_NO_KEY = object()  # a mapping waiting for its next key
_DROPPED = object()  # a mapping whose current key was refused: its value is read, then dropped
_KEY_TYPES = (str, int, float, bool)
_STR = "tag:yaml.org,2002:str"


@dataclass
class _Collection:
    data: list | dict
    loc: Loc | None  # None: a key, or a value that will be dropped; neither has a place in the map
    start: tuple[int, int]  # line and column where it starts
    key: Any = _NO_KEY
    key_lines: dict = field(default_factory=dict)  # mapping: the line each key was first seen on


def load_yaml(path: Path, problems: Problems) -> tuple[Any, SourceMap] | None:
    """The data of a YAML file and its source map, or None after recording the problems."""
    text = read_text(path, problems)
    if text is None:
        return None
    source = SourceMap(path)
    try:
        found, data = _Reader(text, source, problems).document()
    except _Stop:
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "nesting depth" in str(error.problem):  # libyaml's own cap, met before ours in [[[[...
            problems.add(path, line, col, "yaml-too-deep", _TOO_DEEP)
        else:
            problems.add(path, line, col, "yaml-invalid", f"this is not valid YAML ({error.problem or error.context}): "
                                                          "check indentation, colons and quotes")
        return None
    except yaml.YAMLError as error:  # the reader's: a control character, say
        line, col = _position(text, getattr(error, "position", 0))
        problems.add(path, line, col, "yaml-invalid",
                     f"this is not valid YAML ({getattr(error, 'reason', error)}): remove that character")
        return None
    if not found:
        problems.add(path, 1, 1, "empty-file", "the file holds no data: write its content or remove it")
        return None
    return data, source


def _lines_holding(text: str, needle: str) -> set[int]:
    """The lines (from 0, as the parser counts them) where `needle` occurs."""
    lines, line, done = set(), 0, 0
    found = text.find(needle)
    while found != -1:
        line += text.count("\n", done, found)
        lines.add(line)
        done = found
        found = text.find(needle, found + 1)
    return lines


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


class _Reader:
    """Builds one document's data from the event stream, with an explicit stack."""

    def __init__(self, text: str, source: SourceMap, problems: Problems) -> None:
        self.text = text
        self.source = source
        self.problems = problems
        self.parser = None
        self._plain_tags: dict[str, str] = {}
        self._lines_with_comments = _lines_holding(text, " #")  # only there can a text be cut short

    def document(self) -> tuple[bool, Any]:
        """(whether the stream holds a document, its data)."""
        self.parser = parser = _Parser(self.text)
        try:
            return self._document(parser)
        finally:
            parser.dispose()

    def _document(self, parser) -> tuple[bool, Any]:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return False, None
        parser.get_event()  # document start
        data = self._node()
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            mark = parser.peek_event().start_mark
            self._stop(mark, "yaml-invalid", "this is not valid YAML (a second document starts here): "
                                             "keep one document per file, without `---` in the middle")
        return True, data

    def _node(self) -> Any:
        # The hot loop of `curriculum check`: a turn per value, a million at 1,000 modules. Event
        # types are compared by identity, the parent's bookkeeping is inline, lookups are locals.
        stack: list[_Collection] = []
        get_event, values, keys, scalar = self.parser.get_event, self.source.values, self.source.keys, self._scalar
        plain_tags, alias_event = self._plain_tags, yaml.AliasEvent
        scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        while True:
            event = get_event()
            kind = type(event)
            if kind is mapping_end or kind is sequence_end:
                closed = stack.pop()
                value, start = closed.data, closed.start
            else:
                if kind is alias_event or event.anchor is not None:
                    self._stop(event.start_mark, "yaml-alias",
                               "anchors (&name) and aliases (*name) are not allowed: write the value out in full")
                mark = event.start_mark
                start = (mark.line + 1, mark.column + 1)
                is_key = False
                if not stack:
                    loc = ()
                else:  # where the value goes: the next item of a list, or the value of the current key
                    parent = stack[-1]
                    if type(parent.data) is list:
                        loc = None if parent.loc is None else parent.loc + (len(parent.data),)
                    elif parent.key is _NO_KEY:
                        is_key, loc = True, None
                    else:
                        loc = None if parent.loc is None or parent.key is _DROPPED else parent.loc + (parent.key,)
                if loc is not None and loc not in values:
                    values[loc] = start
                if kind is scalar_event:
                    # a key is text, quoted or not: most scalars, read here without a call
                    if is_key and event.tag is None and (event.style or plain_tags.get(event.value) == _STR):
                        value = event.value
                    else:
                        value = scalar(event, is_key)
                elif kind is mapping_start or kind is sequence_start:
                    if len(stack) >= MAX_DEPTH:
                        self._stop(mark, "yaml-too-deep", _TOO_DEEP)
                    stack.append(_Collection({} if kind is mapping_start else [], loc, start))
                    continue
                else:  # not a value: the stream's and documents' own events are read in _document
                    raise yaml.YAMLError(f"unexpected {kind.__name__}")
            if not stack:
                return value
            parent = stack[-1]
            if type(parent.data) is list:
                parent.data.append(value)
            elif parent.key is _NO_KEY:
                if isinstance(value, _KEY_TYPES) and value not in parent.key_lines:  # the usual key
                    parent.key_lines[value] = start[0]
                    if parent.loc is not None:
                        keys[parent.loc + (value,)] = start
                    parent.key = value
                else:
                    parent.key = self._refuse_key(parent, value, start)
            else:
                if parent.key is not _DROPPED:
                    parent.data[parent.key] = value
                parent.key = _NO_KEY

    def _refuse_key(self, parent: _Collection, key: Any, start: tuple[int, int]) -> Any:
        """_DROPPED, after recording why `key` cannot be one: not a plain word, or already set."""
        line, col = start
        if not isinstance(key, _KEY_TYPES):  # None, a date, a list, a mapping...
            self.problems.add(self.source.path, line, col, "yaml-invalid",
                              "a key must be a plain word: write `name: value`")
        else:
            self.problems.add(self.source.path, line, col, "duplicate-key",
                              f"key '{key}' is already set on line {parent.key_lines[key]}: keep one of the two")
        return _DROPPED

    def _scalar(self, event: yaml.ScalarEvent, is_key: bool) -> Any:
        tag = event.tag
        if tag is None and event.style:  # quoted or block text: a string, which no ' #' can cut
            return event.value
        if not is_key:
            self._warn_if_cut_by_comment(event)
        parser = self.parser
        if tag is None:  # plain: its type depends on its text alone (keys and words repeat: resolved once)
            tag = self._plain_tags.get(event.value)
            if tag is None:
                tag = self._plain_tags[event.value] = parser.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag == "!":
            tag = parser.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return parser.construct_object(node, deep=True)
        # PyYAML's constructors fail in more ways than YAMLError: `!!timestamp 2026-01-01&a` is an
        # AttributeError inside its date parser, `!!int` on text a ValueError
        except (yaml.YAMLError, ValueError, OverflowError, AttributeError, TypeError) as error:
            reason = getattr(error, "problem", None) or (
                error if isinstance(error, (ValueError, OverflowError)) else "it is not what its tag says")
            self.problems.add(self.source.path, event.start_mark.line + 1, event.start_mark.column + 1,
                              "yaml-invalid", f"this value cannot be read ({reason}): quote it if it is meant as text")
            return None

    def _warn_if_cut_by_comment(self, event: yaml.ScalarEvent) -> None:
        """`text with a # sign` unquoted: YAML silently drops everything from ' #' on."""
        if event.style:  # quoted or block text: a # is kept
            return
        end = event.end_mark
        if end.line not in self._lines_with_comments:
            return
        line_end = self.text.find("\n", end.index)
        rest = self.text[end.index:line_end if line_end >= 0 else len(self.text)]
        if rest.startswith(" #") and len(rest.strip()) > 2:  # one space: prose, not a comment
            self.problems.add(self.source.path, end.line + 1, end.column + 1, "yaml-text-cut",
                              "the text stops here because YAML reads ' #' as the start of a comment: "
                              "put the whole text in double quotes", Severity.WARNING)

    def _stop(self, mark: yaml.Mark, rule: str, message: str) -> None:
        self.problems.add(self.source.path, mark.line + 1, mark.column + 1, rule, message)
        raise _Stop
