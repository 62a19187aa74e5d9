"""The deployable site: every language built by MkDocs into a staging folder, then swapped in
(swap.py), so a failed or killed build leaves the old site intact."""
from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import BuildFailed, compile_curriculum
from ..render import write_tree
from ..render.paths import OFFLINE_DOWNLOAD
from .mkdocs_build import build_language
from .offline import ZIP_FOLDER, build_offline_edition, pack_offline_edition
from .swap import BuildLocked, build_lock, new_staging_folder, recover, replace_site, staging_area

SOURCE_DIRS = ("modules", "notebooks", "docs", "overrides")
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


@dataclass
class BuildResult:
    site: Path
    seconds: float
    untranslated: dict[str, list[str]]


def build_site(root: Path, output: Path | None = None) -> BuildResult:
    """Builds the site and swaps it in (swap.py); one build of a repository at a time."""
    started = time.perf_counter()
    root = root.resolve()
    output = (output or root / "site").resolve()
    try:
        with build_lock(root):
            trees = _build_and_swap(root, output)
    except BuildLocked as locked:
        raise BuildFailed([str(locked)]) from None
    return BuildResult(output, time.perf_counter() - started,
                       {lang: tree.untranslated for lang, tree in trees.items() if tree.untranslated})


def _build_and_swap(root: Path, output: Path) -> dict:
    area = staging_area(root, output)
    recover(area, output)  # what a killed build left
    curriculum, trees = compile_curriculum(root)
    for lang, tree in trees.items():
        write_tree(tree, root / "build" / "src" / lang, assets=root / "docs" / "assets")
        _write_if_changed(root / "build" / "abbreviations" / f"{lang}.md", tree.abbreviations)
    staging = new_staging_folder(area)
    try:
        with tempfile.TemporaryDirectory(prefix="offline-") as scratch:
            offline = Path(scratch) / ZIP_FOLDER  # its name is the zip's top folder
            for lang, tree in trees.items():
                build_language(root, lang, tree.nav, staging / lang)
                build_offline_edition(root, lang, tree.nav, offline)
            pack_offline_edition(offline, language_chooser("index.html"), staging / OFFLINE_DOWNLOAD)
        (staging / "index.html").write_text(language_chooser(), encoding="utf-8")
        replace_site(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        with contextlib.suppress(OSError):
            area.rmdir()  # when empty: nothing stays beside a site built outside the repository
    return trees


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def language_chooser(index: str = "") -> str:
    """The root page: sends the reader to their browser's language, with plain links without JS.
    From disk (the offline edition) a folder does not open its index.html: `index` names it."""
    links = "\n".join(f'      <li><a href="{lang}/{index}" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</a></li>'
                      for lang in LANGUAGES)
    alternates = "\n".join(f'  <link rel="alternate" hreflang="{lang}" href="{lang}/{index}">' for lang in LANGUAGES)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Reverse mentoring curriculum · Curriculum de mentorat inversé</title>
  <meta name="description" content="Digital skills for company leaders, taught through reverse mentoring. Compétences numériques des dirigeants, par le mentorat inversé.">
{alternates}
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
