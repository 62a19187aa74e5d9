"""`curriculum new` and `curriculum new-lesson`: a module folder, or a lesson in a module, that
passes `curriculum check` as a draft."""
from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

import yaml

from .sources.problems import Problems
from .sources.yaml_reader import load_yaml

TEMPLATES = Path(__file__).parent / "scaffold"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    pass


def new_module(root: Path, track: str, module_id: str, today: date | None = None) -> Path:
    for label, value in (("track", track), ("module id", module_id)):
        if not _ID.match(value):
            raise ScaffoldError(f"{label} '{value}' must use lower-case letters, digits and hyphens, like seo-measure")
    known = _track_ids(root)
    if track not in known:
        raise ScaffoldError(f"track '{track}' is not in modules/tracks.yml (known: {', '.join(known) or 'none'}): "
                            "add it there first or pick a known track")
    track_dir = root / "modules" / track
    folder = track_dir / module_id
    if folder.exists():
        raise ScaffoldError(f"{folder.relative_to(root)} already exists: choose another module id")
    existing = [p for p in track_dir.glob("*/module.yml")] if track_dir.is_dir() else []
    values = {
        "__MODULE_ID__": module_id,
        "__TRACK__": track,
        "__ORDER__": str(_next_order(existing)),
        "__TODAY__": (today or date.today()).isoformat(),
        "__TITLE__": module_id.replace("-", " ").capitalize(),
    }
    folder.mkdir(parents=True)
    for template in sorted(path for path in TEMPLATES.iterdir() if path.is_file()):
        text = template.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (folder / template.name).write_text(text, encoding="utf-8")
    return folder


def _track_ids(root: Path) -> list[str]:
    loaded = load_yaml(root / "modules" / "tracks.yml", Problems(root))
    data = loaded[0] if loaded else []
    return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item] if isinstance(data, list) else []


def _next_order(module_files: list[Path]) -> int:
    orders = [int(m.group(1)) for f in module_files
              if (m := re.search(r"^order:\s*(\d+)", f.read_text(encoding="utf-8", errors="replace"), re.M))]
    return max(orders, default=0) + 1


# --- a lesson added to a module -------------------------------------------------------------------

LESSON_TEMPLATES = {"": "first-lesson.md", ".fr": "first-lesson.fr.md"}


def new_lesson(root: Path, module_id: str, slug: str) -> list[Path]:
    """Writes <slug>.md and <slug>.fr.md from the template and lists the lesson last in module.yml,
    touching nothing else in the file (its comments stay)."""
    if not _ID.match(slug):
        raise ScaffoldError(f"lesson name '{slug}' must use lower-case letters, digits and hyphens, "
                            "like reading-the-report: it becomes the page's address")
    found = sorted((root / "modules").glob(f"*/{module_id}/module.yml"))
    if not found:
        known = sorted(path.parent.name for path in (root / "modules").glob("*/*/module.yml"))
        close = difflib.get_close_matches(module_id, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(known) or 'none'}"
        raise ScaffoldError(f"there is no module '{module_id}' in modules/<track>/ ({hint})")
    yml = found[0]
    files = [yml.parent / f"{slug}{suffix}.md" for suffix in LESSON_TEMPLATES]
    for file in files:
        if file.exists():
            raise ScaffoldError(f"{file.relative_to(root)} already exists: choose another name")
    text = yml.read_text(encoding="utf-8")
    line, indent = _end_of_lessons(text, yml.relative_to(root))
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(line, f"{indent}- file: {slug}.md\n")
    title = slug.replace("-", " ").capitalize()
    for file, template in zip(files, LESSON_TEMPLATES.values()):
        body = (TEMPLATES / template).read_text(encoding="utf-8").split("\n", 1)[1]
        file.write_text(f"# {title}\n{body}", encoding="utf-8")
    yml.write_text("".join(lines), encoding="utf-8")
    return files


def _end_of_lessons(text: str, name: Path) -> tuple[int, str]:
    """The line after the last lesson of `lessons:` (0-based), and the indentation of its dash."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise ScaffoldError(f"{name} cannot be read: run `curriculum check` and fix it first") from None
    lessons = next((value for key, value in getattr(document, "value", []) if getattr(key, "value", None) == "lessons"),
                   None)
    if not isinstance(lessons, yaml.SequenceNode) or lessons.flow_style or not lessons.value:
        raise ScaffoldError(f"{name} has no `lessons:` list written one `- file:` a line: write it so, then run "
                            "this command again")
    lines = text.splitlines()
    last = lessons.value[-1].start_mark.line
    dash = re.match(r"^(\s*)-\s", lines[last])
    # after the last line of the last lesson, before any blank line or comment that follows it
    end = last
    for number in range(last + 1, min(lessons.end_mark.line, len(lines))):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            end = number
    return end + 1, dash.group(1) if dash else "  "
