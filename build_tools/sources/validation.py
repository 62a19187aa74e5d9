"""Validating YAML data against the typed model, each problem said in the author's words at its
place: no library wording, a comma that cut a text named where it stands, a known field at the
wrong level told to check its indentation, a misspelt one given the closest name."""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .model import Strict, Text
from .problems import Problems
from .yaml_reader import SourceMap

M = TypeVar("M", bound=BaseModel)

_MODELS = {cls.__name__: cls for cls in Strict.__subclasses__()}
_ALL_FIELDS = sorted({name for cls in _MODELS.values() for name in cls.model_fields})

# Where each kind of mapping is written, to tell an author where a field belongs.
_WRITTEN_AS = {
    "Text": "a text (under `title:`, `summary:`, `question:`...)", "Objective": "an objective (`objectives:`)",
    "LessonRef": "a lesson (`lessons:`)", "Option": "an option (`options:`)", "Question": "a question (`quiz:`)",
    "Exercise": "`exercise:`", "Brief": "`brief:`", "Source": "a source (`sources:`)",
    "AgendaItem": "an agenda item (`agenda:`)", "MentorGuideRef": "`mentor_guide:`",
    "Module": "the top level of module.yml", "Track": "a track of tracks.yml",
    "GlossaryEntry": "a term of glossary.yml", "Tool": "a tool of tools/tools.yml",
}

# Fields that older modules have: what replaced them.
_RETIRED_FIELDS = {
    "duration_minutes": ": remove it; the module's time is now added up from its lessons, its quiz and "
                        "`exercise.minutes`, so the minutes it announces always match its parts",
}

_PATTERN_HINTS = {
    "id": "use lower-case letters, digits and hyphens, like `seo-how-search-works`",
    "track": "use lower-case letters, digits and hyphens, like `seo`",
    "competences": "write a DigComp 2.2 number in quotes, like \"1.1\"",
    "url": "write the full address, starting with https://",
    "language": "write a two-letter language code, like `en` or `fr`",
}


def validate(model: type[M], data: Any, source: SourceMap, base: tuple, problems: Problems) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        items = error.errors()
        for item in items:
            if not _explained_by_a_misspelling(item, items):
                _report(item, data, source, base, problems)
        return None


def _explained_by_a_misspelling(item: dict, items: list[dict]) -> bool:
    """`terms:` for `term:` is one mistake: the unknown field's "did you mean" says it all."""
    if item["type"] != "missing":
        return False
    parent, name = item["loc"][:-1], str(item["loc"][-1])
    return any(other["type"] == "extra_forbidden" and other["loc"][:-1] == parent
               and difflib.get_close_matches(str(other["loc"][-1]), _ALL_FIELDS, n=1) == [name] for other in items)


def _report(item: dict, data: Any, source: SourceMap, base: tuple, problems: Problems) -> None:
    loc = base + tuple(item["loc"])
    kind = item["type"]
    if kind == "missing":
        line, col = source.at(loc[:-1], prefer_key=True)
        parent = ("the top level" if not loc[:-1] else f"item {loc[0] + 1}" if loc[:-1] == (loc[0],)
                  and isinstance(loc[0], int) else f"`{'.'.join(str(p) for p in loc[:-1])}`")
        problems.add(source.path, line, col, "missing-field",
                     f"`{loc[-1]}` is missing in {parent}: add it (the authors' guide lists every field)")
    elif kind == "extra_forbidden":
        parent = _at(data, item["loc"][:-1])
        if item["input"] is None and isinstance(parent, dict) and {"en", "fr"} & set(parent):
            comma = _comma_before(source.path, source.at(loc, prefer_key=True))
            if comma is not None:
                problems.add(source.path, *comma, "text-comma",
                             f"this comma cuts the text in two: YAML reads `{loc[-1]}` as a field of its own. "
                             "Put the whole text in double quotes, or write `en:` and `fr:` on lines of their own")
                return
        problems.add(source.path, *source.at(loc, prefer_key=True), "unknown-field",
                     f"`{loc[-1]}` {_unknown_field_hint(str(loc[-1]))}")
    else:
        where = f"`{'.'.join(map(str, loc))}`" if loc else source.path.name
        problems.add(source.path, *source.at(loc), "wrong-type", f"{where}: {_wrong(item, loc)}")


def _unknown_field_hint(name: str) -> str:
    if name in _RETIRED_FIELDS:
        return "is not a known field" + _RETIRED_FIELDS[name]
    if name in _ALL_FIELDS:
        owners = [_WRITTEN_AS[cls] for cls, model in _MODELS.items() if name in model.model_fields]
        return (f"is a field of {' or '.join(owners[:3])}, not of this level: check its indentation "
                "(two spaces more than the field it belongs to)")
    close = difflib.get_close_matches(name, _ALL_FIELDS, n=1)
    return "is not a known field" + (f": did you mean `{close[0]}`?" if close else ": remove it or check the spelling")


def _wrong(item: dict, loc: tuple) -> str:
    """What to write instead, in the author's words."""
    kind, ctx = item["type"], item.get("ctx") or {}
    names = [str(part) for part in loc if not isinstance(part, int)]
    field = names[-1] if names else "value"
    if kind == "model_type" and not loc:
        return ("the file holds fields, one `name: value` a line from the left margin: compare it with the "
                "template, build_tools/scaffold/module.yml")
    if kind == "model_type":
        return _expected_mapping(ctx.get("class_name", ""), field)
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
    if kind == "string_pattern_mismatch":
        return _PATTERN_HINTS.get(field, "use lower-case letters, digits and hyphens")
    if kind == "string_type":
        return _PATTERN_HINTS["competences"] if field == "competences" else (
            "write a text; put it in double quotes if YAML could read it as something else (a number, a date, yes/no)")
    if kind.startswith("date"):
        return "write the date as YYYY-MM-DD, like 2026-11-27"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "write a whole number, like 3"
    if kind == "greater_than":
        return f"write a whole number greater than {ctx.get('gt')}"
    if kind == "greater_than_equal":
        return f"write a number of {ctx.get('ge')} or more"
    if kind == "less_than_equal":
        return f"write a number of {ctx.get('le')} or less"
    if kind == "literal_error":
        return f"write {ctx.get('expected')}"
    if kind == "list_type":
        return f"write a list below `{field}:`, one `- item` a line (or `[a, b]` on one line)"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"write at least {count} item{'s' if count > 1 else ''} in this list"
    if kind == "bool_type":
        return "write true or false"
    return "this value does not have the expected form: compare it with the template (build_tools/scaffold/)"


def _expected_mapping(class_name: str, field: str) -> str:
    if class_name == Text.__name__:
        return f"a text is written with `en:` and `fr:` on lines of their own, indented below `{field}:`"
    model = _MODELS.get(class_name)
    required = [f"`{name}:`" for name, info in model.model_fields.items() if info.is_required()] if model else []
    what = _WRITTEN_AS.get(class_name, "this")
    return f"{what} is a mapping: write its fields ({', '.join(required)}) on lines of their own, indented below it"


def _at(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _comma_before(path: Path, place: tuple[int, int]) -> tuple[int, int] | None:
    """The comma just before a key in a `{en: ..., fr: ...}` text, as (line, column)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    line, col = place
    while line >= 1 and line <= len(lines):
        before = lines[line - 1][:col - 1] if (line, col) == place else lines[line - 1]
        stripped = before.rstrip()
        if stripped.endswith(","):
            return line, len(stripped)
        if stripped:
            return None
        line -= 1
    return None
