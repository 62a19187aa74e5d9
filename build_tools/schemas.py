"""JSON Schemas of the YAML files, generated from the typed model, for editors: with the YAML
extension of VS Code (or any editor that speaks the YAML language server), a field is completed,
described and checked as it is typed. `curriculum schemas` writes them to schemas/; a test fails
when the committed files drift from the model."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from .sources.model import GlossaryEntry, Id, Module, Tool, Track

SCHEMA_DIR = "schemas"
SCHEMAS = {
    "module.schema.json": ("A module of the curriculum: modules/<track>/<module-id>/module.yml", Module),
    "tracks.schema.json": ("The learning paths, in display order: modules/tracks.yml", list[Track]),
    "glossary.schema.json": ("Every term the lessons explain, by id: modules/glossary.yml", dict[Id, GlossaryEntry]),
    "tools.schema.json": ("The programme's printable tools: tools/tools.yml", list[Tool]),
}


def schema_texts() -> dict[str, str]:
    """File name -> the JSON text of each schema."""
    texts = {}
    for name, (title, shape) in SCHEMAS.items():
        schema = TypeAdapter(shape).json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}
        texts[name] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return texts


def write_schemas(root: Path) -> list[Path]:
    """Writes the schemas that changed; returns them."""
    written = []
    for name, text in schema_texts().items():
        path = root / SCHEMA_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
