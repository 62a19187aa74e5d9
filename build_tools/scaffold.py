"""`curriculum new`: a module folder that passes `curriculum check` as a draft."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

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
    for template in sorted(TEMPLATES.iterdir()):
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
