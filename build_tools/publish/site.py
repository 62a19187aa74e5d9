"""The deployable site: every language built by MkDocs into a staging folder, then swapped in
(swap.py), so a failed or killed build leaves the old site intact."""
from __future__ import annotations

import contextlib
import gc
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import BuildFailed, compile_curriculum
from ..render import SiteTree, write_tree
from ..render.paths import OFFLINE_DOWNLOAD
from .mkdocs_build import abbreviations_path, build_language
from .offline import pack_offline_edition
from .offline_cache import PART_FOLDER, gather, offline_language, offline_zip
from .sitemaps import write_root_sitemap
from .swap import BuildLocked, build_lock, new_staging_folder, recover, replace_site, staging_area

SOURCE_DIRS = ("modules", "notebooks", "docs", "overrides")
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


@dataclass
class BuildResult:
    site: Path
    seconds: float
    untranslated: dict[str, list[str]]
    regenerated: dict[str, int] = field(default_factory=dict)  # what the caches could not give back


def build_site(root: Path, output: Path | None = None, languages: tuple[str, ...] = LANGUAGES) -> BuildResult:
    """Builds `languages` into output/<lang>/ with the language chooser at output/index.html and
    swaps it in (swap.py); one build of a repository at a time."""
    started, since = time.perf_counter(), time.time()
    root = root.resolve()
    output = (output or root / "site").resolve()
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise BuildFailed([f"unknown language {', '.join(unknown) or '(none)'}: choose among {', '.join(LANGUAGES)}"])
    try:
        with build_lock(root):
            untranslated, offline_built = _build_and_swap(root, output, languages)
    except BuildLocked as locked:
        raise BuildFailed([str(locked)]) from None
    cache = root / "build" / "cache"
    regenerated = {"social cards": _written_since(cache / "social", "*.png", since),
                   "notebooks": _written_since(cache / "notebooks", "*.json", since),
                   "offline editions": offline_built}
    return BuildResult(output, time.perf_counter() - started, untranslated, regenerated)


def _build_and_swap(root: Path, output: Path, languages: tuple[str, ...]) -> tuple[dict[str, list[str]], int]:
    area = staging_area(root, output)
    recover(area, output)  # what a killed build left
    navs, untranslated = _written_trees(root, languages)
    staging = new_staging_folder(area)
    offline_built = 0
    try:
        offline: dict[str, Path] = {}
        for lang, nav in navs.items():
            build_language(root, lang, nav, staging / lang)
            offline[lang], built = offline_language(root, lang, nav)
            offline_built += built
        every_language = set(navs) == set(LANGUAGES)
        if every_language:
            offline_zip(root, offline, language_chooser("index.html"), staging / OFFLINE_DOWNLOAD)
        else:  # one job of a split build: `curriculum assemble` zips the languages together
            for lang, folder in offline.items():
                shutil.copytree(folder, staging / PART_FOLDER / lang)
        _write_root_pages(staging, every_language)
        replace_site(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            area.rmdir()  # when empty: nothing stays beside a site built outside the repository
    return untranslated, offline_built


def _write_root_pages(site: Path, every_language: bool = True) -> None:
    """The language chooser and, when every language is there, the root sitemap (sitemaps.py)."""
    (site / "index.html").write_text(language_chooser(), encoding="utf-8")
    if every_language:
        write_root_sitemap(site)


def _written_trees(root: Path, languages: tuple[str, ...]) -> tuple[dict[str, list], dict[str, list[str]]]:
    """Each language's tree written to disk; returned: the navigation MkDocs needs besides the files,
    and the pages not translated yet. The model and the pages' texts are let go before MkDocs runs
    (at 1,000 modules they weigh more than a gigabyte)."""
    curriculum, trees = compile_curriculum(root, languages=languages)
    write_trees(root, trees)
    kept = ({lang: tree.nav for lang, tree in trees.items()},
            {lang: tree.untranslated for lang, tree in trees.items() if tree.untranslated})
    del curriculum, trees
    gc.collect()  # what refers to itself goes too, now rather than during MkDocs' build
    return kept


def assemble_site(root: Path, parts: list[Path], output: Path) -> Path:
    """One site from parts built apart (`curriculum site --lang ...` in parallel CI jobs): each
    part's language folder side by side, the offline edition zipped from the parts' offline/<lang>/
    folders, and the language chooser. Swapped in whole, like a build."""
    output = output.resolve()
    found: dict[str, Path] = {}
    for part in parts:
        for lang in LANGUAGES:
            if (part / lang / "index.html").is_file():
                if lang in found:
                    raise BuildFailed([f"{lang}/ is in both {found[lang]} and {part}: build each language once"])
                found[lang] = part
    missing = [lang for lang in LANGUAGES if lang not in found]
    if missing:
        raise BuildFailed([f"no part holds {', '.join(f'{lang}/' for lang in missing)}: build it with "
                           f"`curriculum site --lang {missing[0]} --output ...` and add its folder"])
    unzipped = [f"{part}/{PART_FOLDER}/{lang}/" for lang, part in found.items() if not (part / PART_FOLDER / lang).is_dir()]
    if unzipped:
        raise BuildFailed([f"{', '.join(unzipped)} missing: each part is a whole `curriculum site --lang ...` "
                           "output folder (its offline edition included)"])
    try:
        with build_lock(root.resolve()):  # the staging area is the build's: one at a time
            area = staging_area(root.resolve(), output)
            recover(area, output)
            staging = new_staging_folder(area)
            try:
                for lang, part in found.items():
                    shutil.copytree(part / lang, staging / lang)
                with tempfile.TemporaryDirectory(prefix="offline-") as scratch:
                    offline = {lang: part / PART_FOLDER / lang for lang, part in found.items()}
                    pack_offline_edition(gather(offline, Path(scratch)), language_chooser("index.html"),
                                         staging / OFFLINE_DOWNLOAD)
                _write_root_pages(staging)
                replace_site(staging, output)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
                with contextlib.suppress(OSError):
                    area.rmdir()
    except BuildLocked as locked:
        raise BuildFailed([str(locked)]) from None
    return output


def write_trees(root: Path, trees: dict[str, SiteTree]) -> dict[str, int]:
    """Each language's generated tree and glossary on disk, for MkDocs; how many files changed."""
    changed = {}
    for lang, tree in trees.items():
        changed[lang] = write_tree(tree, root / "build" / "src" / lang, assets=root / "docs" / "assets")
        _write_if_changed(abbreviations_path(root, lang), json.dumps(tree.abbreviations, ensure_ascii=False, indent=0))
    return changed


def _written_since(folder: Path, pattern: str, since: float) -> int:
    """Files a cache folder gained or rewrote during this build: what had to be made again."""
    return sum(1 for path in folder.rglob(pattern) if path.stat().st_mtime >= since) if folder.is_dir() else 0


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def language_chooser(index: str = "") -> str:
    """The root page: sends the reader to their browser's language, with plain links without JS.
    From disk (the offline edition) a folder does not open its index.html: `index` names it.
    Its language versions are named in the root sitemap (sitemaps.py), with full addresses."""
    links = "\n".join(f'      <li><a href="{lang}/{index}" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</a></li>'
                      for lang in LANGUAGES)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Reverse mentoring curriculum · Curriculum de mentorat inversé</title>
  <meta name="description" content="Digital skills for company leaders, taught through reverse mentoring. Compétences numériques des dirigeants, par le mentorat inversé.">
  <script>
    (function () {{
      var supported = {list(LANGUAGES)!r};
      var wanted = (navigator.languages || [navigator.language || "en"]);
      for (var i = 0; i < wanted.length; i++) {{
        var lang = String(wanted[i]).slice(0, 2).toLowerCase();
        if (supported.indexOf(lang) !== -1) {{ location.replace(lang + "/{index}"); return; }}
      }}
      location.replace(supported[0] + "/{index}");
    }})();
  </script>
  <style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}}</style>
</head>
<body>
  <main>
    <h1>Reverse mentoring curriculum</h1>
    <p lang="fr">Curriculum de mentorat inversé</p>
    <p>Choose your language · <span lang="fr">Choisissez votre langue</span></p>
    <ul>
{links}
    </ul>
  </main>
</body>
</html>
"""
