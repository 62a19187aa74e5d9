"""Rules on the mentor guide."""
from __future__ import annotations

import re
from datetime import date

from ..sources.model import Curriculum
from ..sources.problems import Problems, Severity
from .registry import rule



@rule("mentor-guide-missing", "agenda-minutes-mismatch")
def mentor_guide_complete(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        guide = m.model.mentor_guide
        if guide is None:
            out.add(m.yaml_path, 1, 1, "mentor-guide-missing",
                    "this module has no `mentor_guide:` (file, session_minutes, preparation, agenda): "
                    "every module pairs with a mentor guide")
            continue
        total = sum(item.minutes for item in guide.agenda)
        if total != guide.session_minutes:
            out.add(m.yaml_path, *m.source.at(("mentor_guide", "agenda"), prefer_key=True), "agenda-minutes-mismatch",
                    f"the agenda adds up to {total} minutes but the session lasts {guide.session_minutes}: "
                    "change the minutes so they add up")




# The parts every guide has, whatever its language: a heading carries its part's id,
# `## Demo script {#demo}` in English, `## Démonstration {#demo}` in French.
GUIDE_SECTIONS = {
    "goal": "the goal of the session",
    "demo": "the demo script, step by step on real tools",
    "plan-b": "what to do when a demo cannot run (no access, feature moved, not in France, module not read)",
    "questions-to-ask": "open questions to ask the executive",
    "likely-questions": "the executive's likely questions, with answers",
    "if-then": "an \"if... then\" box for the senior mentee (defensive, bored, dominating, in a hurry, confidential)",
    "pitfalls": "the mentor's pitfalls",
    "challenge": "the follow-up challenge",
    "follow-up-message": "the message to send after the session",
}
_HEADING_ID = re.compile(r"^##\s+.*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)


def guide_section_ids(text: str) -> set[str]:
    return set(_HEADING_ID.findall(text))


@rule("mentor-guide-section-missing")
def mentor_guide_has_every_part(cur: Curriculum, out: Problems, today: date) -> None:
    for m in cur.modules:
        severity = Severity.ERROR if m.model.published else Severity.WARNING
        for lang, document in sorted(m.mentor_guide.items()):
            present = guide_section_ids(document.text)
            missing = [name for name in GUIDE_SECTIONS if name not in present]
            if missing:
                parts = "; ".join(f"`{{#{name}}}` ({GUIDE_SECTIONS[name]})" for name in missing)
                out.add(document.path, 1, 1, "mentor-guide-section-missing",
                        f"the guide lacks {len(missing)} part(s): add a `## Heading {{#id}}` for each of: {parts}",
                        severity)
