"""Stage 2: named rules over the whole curriculum, each reporting with a stable id.

Rules live in one file per theme; importing them here registers them in order.
"""
from __future__ import annotations

from datetime import date

from ..sources.model import Curriculum
from ..sources.problems import Problems
from . import structure, quiz, references, mentor_guide, languages, links, raw_html  # noqa: F401  (registers the rules)
from . import markdown_limits, notebook_lessons  # noqa: F401
from .registry import LOAD_RULE_IDS, RULES


def all_rule_ids() -> list[str]:
    return list(LOAD_RULE_IDS) + [rule_id for ids, _ in RULES for rule_id in ids]


def run_checks(curriculum: Curriculum, problems: Problems, today: date | None = None) -> None:
    today = today or date.today()
    for _, function in RULES:
        function(curriculum, problems, today)
