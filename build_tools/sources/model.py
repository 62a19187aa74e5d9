"""The typed model of the curriculum: what module.yml, tracks.yml and glossary.yml may hold.

Field names are the ones authors write. Models forbid unknown keys so that a typo is caught.
Objects read from disk (Markdown documents, folders) hang off the YAML models as plain attributes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PositiveInt, model_validator

from .. import LANGUAGES

if TYPE_CHECKING:  # types only: notebook_format imports this module
    from .notebook_format import NotebookSource
    from .yaml_reader import SourceMap


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)


class Text(Strict):
    """A text in each language; a draft may lack one of them, never both."""

    en: str | None = None
    fr: str | None = None

    @model_validator(mode="after")
    def one_language_at_least(self) -> "Text":
        if not (self.en or self.fr):
            raise ValueError("write the text under `en:` and `fr:`")
        return self

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)

    def missing(self) -> list[str]:
        return [lang for lang in LANGUAGES if not self.get(lang)]

    def best(self, lang: str) -> str:
        """The text in `lang`, or in the other language while the translation is missing."""
        return self.get(lang) or next(self.get(other) for other in LANGUAGES if self.get(other))


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # ids land in URLs and HTML attributes
Id = Annotated[str, Field(pattern=ID_PATTERN.pattern)]
Competence = Annotated[str, Field(pattern=r"^[1-5]\.[1-6]$")]


class Objective(Strict):
    id: Id
    text: Text


class LessonRef(Strict):
    """A lesson is a Markdown file in the module folder, or a notebook in notebooks/."""

    file: str | None = None
    notebook: str | None = None

    @model_validator(mode="after")
    def one_source(self) -> "LessonRef":
        if (self.file is None) == (self.notebook is None):
            raise ValueError("give the lesson either `file: name.md` or `notebook: name.ipynb`")
        return self


class Option(Strict):
    id: Id
    text: Text
    explanation: Text | None = None


class Question(Strict):
    id: Id
    assesses: list[str] = Field(min_length=1)
    question: Text
    answer: Annotated[list[str], BeforeValidator(_as_list, json_schema_input_type=str | list[str])] = Field(min_length=1)
    options: list[Option] = Field(min_length=2)


class Exercise(Strict):
    assesses: list[str] = []
    title: Text
    instructions: Text
    minutes: PositiveInt  # what the exercise takes; the module's time adds it to reading and quiz


class Brief(Strict):
    """The one-page brief an executive keeps or forwards: besides the key takeaways."""

    exercise: Text  # the exercise in two lines
    questions_for_session: list[Text] = Field(min_length=1)  # to bring to the next mentoring session
    questions_for_team: list[Text] = Field(min_length=1)  # what to ask the team


class Source(Strict):
    title: str
    publisher: str
    year: int = Field(ge=1900, le=2100)
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = "en"  # of the source itself: pages say when it differs


class AgendaItem(Strict):
    minutes: PositiveInt
    activity: Text


class MentorGuideRef(Strict):
    file: str
    session_minutes: Literal[60, 90]
    preparation: list[Text] = Field(min_length=1)
    agenda: list[AgendaItem] = Field(min_length=1)


class Module(Strict):
    id: Id
    track: Id
    order: PositiveInt
    status: Literal["draft", "published"]
    last_reviewed: date
    level: Literal["beginner", "intermediate", "advanced"]
    title: Text
    summary: Text
    prerequisites: list[str] = []
    competences: list[Competence] = Field(min_length=1)
    objectives: list[Objective] = Field(min_length=1)
    lessons: list[LessonRef] = Field(min_length=1)
    quiz: list[Question] = Field(min_length=1)
    exercise: Exercise
    takeaways: list[Text] = Field(min_length=1)
    brief: Brief | None = None  # required once published (rule brief-missing)
    glossary: list[str] = []
    sources: list[Source] = Field(min_length=1)
    mentor_guide: MentorGuideRef | None = None

    @property
    def published(self) -> bool:
        return self.status == "published"


class Track(Strict):
    id: Id
    title: Text
    summary: Text
    self_assessment: list[Text] = []  # statements a reader rates to find where to start


class GlossaryEntry(Strict):
    term: Text
    definition: Text


class Tool(Strict):
    """A printable page of the programme's toolkit: tools/<file> and its French twin."""

    id: Id
    track: Id  # the learning path whose page lists it (mentor guides link to every tool)
    file: str
    print_pages: PositiveInt  # the A4 pages it announces, and prints on
    title: Text
    summary: Text


# --- what is read from disk beside the YAML -------------------------------------------------

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


@dataclass
class Document:
    """A Markdown file: its first line is `# Title`, the rest is the body (each worked out once)."""

    path: Path
    text: str

    @cached_property
    def title(self) -> str | None:
        for line in self.text.splitlines():
            if line.strip():
                match = _HEADING.match(line.strip())
                return match.group(1) if match else None
        return None

    @cached_property
    def body(self) -> str:
        lines = self.text.splitlines()
        for index, line in enumerate(lines):
            if line.strip():
                rest = lines[index + 1:] if _HEADING.match(line.strip()) else lines[index:]
                return "\n".join(rest).strip() + "\n"
        return ""

    @cached_property
    def words(self) -> int:
        prose = re.sub(r"```.*?```", " ", self.body, flags=re.S)
        prose = re.sub(r"\(https?://[^)]*\)", " ", prose)
        return len(_WORD.findall(prose))

    @cached_property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / 200))  # 200 words a minute, for a careful read


@dataclass
class Lesson:
    """One lesson of a module: its Markdown file in each language that exists."""

    ref: LessonRef
    slug: str
    documents: dict[str, Document] = field(default_factory=dict)
    notebook: "NotebookSource | None" = None


@dataclass
class LoadedModule:
    """A module as found on disk: its YAML model, its folder and its documents."""

    model: Module
    folder: Path
    yaml_path: Path
    source: "SourceMap"
    lessons: list[Lesson] = field(default_factory=list)
    mentor_guide: dict[str, Document] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.model.id

    def lesson_minutes(self, lesson: Lesson, lang: str) -> int:
        """A lesson's reading time in `lang` (the other language's while it is untranslated): its
        prose, which for a notebook lesson is its Markdown cells, tables and charts aside."""
        document = lesson.documents.get(lang) or next(iter(lesson.documents.values()), None)
        return document.reading_minutes if document else 0

    def minutes(self, lang: str) -> int:
        """The time the module asks of a reader in `lang`: its lessons, its quiz and its exercise,
        the same parts the module's pages announce, so that they add up."""
        reading = sum(self.lesson_minutes(lesson, lang) for lesson in self.lessons)
        return reading + quiz_minutes(len(self.model.quiz)) + self.model.exercise.minutes


QUIZ_SECONDS_PER_QUESTION = 90  # reading a scenario, four options and the explanations


def quiz_minutes(questions: int) -> int:
    return -(-questions * QUIZ_SECONDS_PER_QUESTION // 60)


@dataclass
class LoadedTool:
    model: Tool
    documents: dict[str, Document] = field(default_factory=dict)


@dataclass
class Curriculum:
    root: Path
    tracks: list[Track]
    glossary: dict[str, GlossaryEntry]
    modules: list[LoadedModule]
    tracks_source: "SourceMap | None" = None
    glossary_source: "SourceMap | None" = None
    docs: dict[str, dict[str, Document]] = field(default_factory=dict)  # lang -> name -> page
    tools: list[LoadedTool] = field(default_factory=list)
    tools_source: "SourceMap | None" = None
    # what did not load ("tracks", "glossary", "tools"; module folders): its error is reported once,
    # and the rules do not report again every reference to it
    incomplete: set[str] = field(default_factory=set)
    unloaded_modules: list[Path] = field(default_factory=list)

    def module(self, module_id: str) -> LoadedModule | None:
        return self._modules_by_id.get(module_id)

    def track_modules(self, track_id: str) -> list[LoadedModule]:
        return list(self._modules_by_track.get(track_id, ()))

    # Indexes built once, on first use, so that lookups stay constant-time as modules grow
    # (the model is complete when the loader returns it).
    @cached_property
    def _modules_by_id(self) -> dict[str, LoadedModule]:
        found: dict[str, LoadedModule] = {}
        for m in self.modules:
            found.setdefault(m.id, m)  # the first of two equal ids, as module-id-duplicate reports
        return found

    @cached_property
    def _modules_by_track(self) -> dict[str, list[LoadedModule]]:
        tracks: dict[str, list[LoadedModule]] = {}
        for m in sorted(self.modules, key=lambda m: (m.model.order, m.id)):
            tracks.setdefault(m.model.track, []).append(m)
        return tracks

