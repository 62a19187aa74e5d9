"""A curriculum of any size, made from the real modules, for benchmarks.

`python benchmarks/generate.py 200 /tmp/c200` writes a repository with 200 modules: the real ones,
then copies of them (`seo-codes-2`...) with their lessons, mentor guides and YAML as written, so
lessons keep their real length and the YAML its real shape. Copies stay in their module's track
(tracks grow with the size, the worst case for navigation); a copy's prerequisites point at the
same round of copies; every `GLOSSARY_EVERY` modules bring copies of the glossary terms they use,
like a real glossary that grows with the curriculum, until glossary.yml weighs 90% of what the
checker lets a source file weigh (1 MB: about 1,800 terms, reached near 180 modules); later copies
use the terms already there. Notebook lessons share their notebook, so a cold build executes it
once at any size.
"""
from __future__ import annotations

from copy import deepcopy
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.sources.files import size_limit  # noqa: E402
COPIED = ("mkdocs.yml", "overrides", "docs", "notebooks", "tools")
GLOSSARY_EVERY = 16  # modules per round of new glossary terms
GLOSSARY_SHARE = 0.9  # the glossary grows until it weighs this share of what a source file may weigh


def real_modules(repo: Path = REPO) -> list[Path]:
    return sorted(path.parent for path in (repo / "modules").glob("*/*/module.yml"))


def _rename_list(text: str, key: str, rename) -> str:
    """Renames every item of the top-level list `key:`, written inline or as a block."""
    inline = re.compile(rf"^{key}:[ \t]*\[(.*?)\]", re.M | re.S)
    match = inline.search(text)
    if match:
        items = [item.strip() for item in match.group(1).split(",") if item.strip()]
        return text[:match.start()] + f"{key}: [{', '.join(rename(item) for item in items)}]" + text[match.end():]
    block = re.compile(rf"^{key}:[ \t]*\n((?:[ \t]+-[ \t]*\S+[ \t]*\n)+)", re.M)
    match = block.search(text)
    if not match:
        return text
    lines = re.sub(r"^([ \t]+-[ \t]*)(\S+)", lambda m: m.group(1) + rename(m.group(2)), match.group(1), flags=re.M)
    return text[:match.start(1)] + lines + text[match.end(1):]


def module_copy(text: str, copy: int, glossary_round: int, ids: set[str]) -> str:
    """module.yml of copy number `copy`: new id and order, prerequisites and terms of its round."""
    text = re.sub(r"^id:[ \t]*(\S+)", lambda m: f"id: {m.group(1)}-{copy}", text, count=1, flags=re.M)
    text = re.sub(r"^order:[ \t]*(\d+)", lambda m: f"order: {int(m.group(1)) + 100 * copy}", text, count=1, flags=re.M)
    text = _rename_list(text, "prerequisites", lambda item: f"{item}-{copy}" if item in ids else item)
    if glossary_round:
        text = _rename_list(text, "glossary", lambda term: f"{term}-g{glossary_round}")
    return text


def _round_terms(module_text: str, glossary_round: int, glossary: dict, made: dict) -> dict[str, dict]:
    """The copies of the glossary terms a module uses that its round has not made yet."""
    terms = {}
    for term_id in yaml.safe_load(module_text).get("glossary", []):
        original, copy_id = glossary.get(term_id), f"{term_id}-g{glossary_round}"
        if original and copy_id not in made:
            terms[copy_id] = {"term": {lang: f"{text} {glossary_round}" for lang, text in original["term"].items()},
                              "definition": deepcopy(original["definition"])}  # no YAML alias: the checker refuses them
    return terms


def generate(size: int, output: Path, repo: Path = REPO) -> Path:
    """Writes a repository with `size` modules under `output` (emptied first) and returns it."""
    sources = real_modules(repo)
    if not sources:
        raise SystemExit(f"no module in {repo / 'modules'}")
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    for name in COPIED:
        if (repo / name).is_dir():
            shutil.copytree(repo / name, output / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        elif (repo / name).is_file():
            shutil.copy(repo / name, output / name)
    if (repo / "node_modules").is_dir():
        (output / "node_modules").symlink_to(repo / "node_modules")
    (output / "modules").mkdir()
    shutil.copy(repo / "modules" / "tracks.yml", output / "modules" / "tracks.yml")
    ids = {folder.name for folder in sources}
    glossary_text = (repo / "modules" / "glossary.yml").read_text(encoding="utf-8")
    glossary = yaml.safe_load(glossary_text) or {}
    extra_terms: dict[str, dict] = {}
    budget = GLOSSARY_SHARE * size_limit(output / "modules" / "glossary.yml") - len(glossary_text.encode("utf-8"))
    for number in range(size):
        source = sources[number % len(sources)]
        copy = number // len(sources)
        target = output / "modules" / source.parent.name / (source.name if copy == 0 else f"{source.name}-{copy}")
        shutil.copytree(source, target)
        if copy == 0:
            continue
        yml = target / "module.yml"
        text = yml.read_text(encoding="utf-8")
        glossary_round = number // GLOSSARY_EVERY
        new_terms = _round_terms(text, glossary_round, glossary, extra_terms) if glossary_round else {}
        cost = len(yaml.safe_dump(new_terms, allow_unicode=True, width=1000).encode("utf-8")) if new_terms else 0
        if cost > budget:  # the glossary is full: this copy uses the real terms
            glossary_round, new_terms, cost = 0, {}, 0
        budget -= cost
        extra_terms.update(new_terms)
        yml.write_text(module_copy(text, copy, glossary_round, ids), encoding="utf-8")
    if extra_terms:
        glossary_text += "\n" + yaml.safe_dump(extra_terms, allow_unicode=True, sort_keys=False, width=1000)
    (output / "modules" / "glossary.yml").write_text(glossary_text, encoding="utf-8")
    return output


def main() -> None:
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        raise SystemExit("usage: python benchmarks/generate.py MODULES OUTPUT_FOLDER")
    folder = generate(int(sys.argv[1]), Path(sys.argv[2]).resolve())
    print(f"{sys.argv[1]} modules written to {folder}")


if __name__ == "__main__":
    main()
