"""The JSON Schemas for editors: generated from the model, committed, and agreeing with the checker."""
from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from build_tools.cli import main
from build_tools.schemas import SCHEMA_DIR, schema_texts
from fixture import REPO


class _Yaml12(yaml.SafeLoader):
    """Reads YAML as the editor's language server does (YAML 1.2: a date is text)."""


_Yaml12.yaml_implicit_resolvers = {key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
                                   for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _schema(name: str) -> dict:
    return json.loads((REPO / SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _errors(schema_name: str, path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12)
    validator = jsonschema.Draft202012Validator(_schema(schema_name))
    return [f"{'.'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(data)]


def test_the_committed_schemas_match_the_model() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in (REPO / SCHEMA_DIR).glob("*.json")}
    assert committed == schema_texts(), "run `.venv/bin/curriculum schemas` (make schemas) and commit schemas/"


def test_the_schemas_command_writes_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "schemas"])
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_text() for p in (tmp_path / SCHEMA_DIR).iterdir()} == schema_texts()
    assert "up to date" in CliRunner().invoke(main, ["--root", str(tmp_path), "schemas"]).output


def _mapped_files() -> list[tuple[str, Path]]:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    files = [p for p in REPO.rglob("*.yml") if ".venv" not in p.parts and "node_modules" not in p.parts]
    mapped = []
    for schema, patterns in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        for path in files:
            if any(fnmatch.fnmatch(path.relative_to(REPO).as_posix(), pattern) for pattern in patterns):
                mapped.append((Path(schema).name, path))
    return mapped


def test_the_editor_settings_map_every_curriculum_file_to_its_schema() -> None:
    mapped = {path for _, path in _mapped_files()}
    expected = set((REPO / "modules").glob("*/*/module.yml")) | {REPO / "modules/tracks.yml", REPO / "modules/glossary.yml"}
    assert expected <= mapped


@pytest.mark.parametrize("schema, path", _mapped_files(), ids=lambda value: str(value).rsplit("/", 3)[-1][-60:])
def test_every_curriculum_file_follows_its_schema(schema: str, path: Path) -> None:
    assert _errors(schema, path) == []


def test_the_schema_refuses_what_the_checker_refuses(tmp_path: Path) -> None:
    text = (REPO / "build_tools/scaffold/module.yml").read_text().replace("last_reviewed:", "last_review:")
    (tmp_path / "module.yml").write_text(text.replace("level: beginner", "level: expert"))
    errors = _errors("module.schema.json", tmp_path / "module.yml")
    assert any("last_review" in error for error in errors) and any("expert" in error for error in errors)


def test_a_scaffolded_module_names_its_schema_and_follows_it(curriculum_root: Path) -> None:
    assert CliRunner().invoke(main, ["--root", str(curriculum_root), "new", "alpha", "alpha-next"]).exit_code == 0
    yml = curriculum_root / "modules/alpha/alpha-next/module.yml"
    first = yml.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (yml.parent / first.split("$schema=")[1]).resolve()
    assert target == (curriculum_root / SCHEMA_DIR / "module.schema.json").resolve()
    assert _errors("module.schema.json", yml) == []
