"""The MkDocs part: one Material build per language from the generated tree, and `serve`.

Everything else (load, check, render) knows nothing of MkDocs. A build goes to a staging folder
and replaces site/ only when every language built, so a failed build leaves the old site intact.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, on stderr

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, ConfigurationError  # noqa: E402

from . import LANGUAGES  # noqa: E402
from .pipeline import BuildFailed, compile_curriculum  # noqa: E402
from .render import write_tree  # noqa: E402

SOURCE_DIRS = ("modules", "notebooks", "docs", "overrides")
DOWNLOADS = "downloads"
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
SITE_NAMES = {"en": "Reverse mentoring curriculum", "fr": "Curriculum de mentorat inversé"}


@dataclass
class BuildResult:
    site: Path
    seconds: float
    untranslated: dict[str, list[str]]


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings so that a strict failure can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, output: Path | None = None) -> BuildResult:
    started = time.perf_counter()
    root = root.resolve()
    output = (output or root / "site").resolve()
    curriculum, trees = compile_curriculum(root)
    for lang, tree in trees.items():
        write_tree(tree, root / "build" / "src" / lang, assets=root / "docs" / "assets")
        _write_if_changed(root / "build" / "abbreviations" / f"{lang}.md", tree.abbreviations)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=output.parent))
    try:
        for lang, tree in trees.items():
            _build_language(root, lang, tree.nav, staging / lang)
            _build_offline_edition(root, lang, tree.nav, staging / lang / DOWNLOADS)
        (staging / "index.html").write_text(language_chooser(), encoding="utf-8")
        _replace(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(output, time.perf_counter() - started,
                       {lang: tree.untranslated for lang, tree in trees.items() if tree.untranslated})


def _language_config(root: Path, lang: str, nav: list, site_dir: Path, plugins: list | None = None):
    overrides = {"plugins": plugins} if plugins is not None else {}
    config = load_config(str(root / "mkdocs.yml"), docs_dir=str(root / "build" / "src" / lang),
                         site_dir=str(site_dir), nav=nav, strict=True, **overrides)
    site_root = config["site_url"].rstrip("/") + "/"
    config["site_url"] = f"{site_root}{lang}/"
    config["extra"]["site_root"] = site_root
    config["site_name"] = SITE_NAMES[lang]
    config.theme["language"] = lang
    # glossary tooltips: every page gets the language's abbreviations appended
    config["markdown_extensions"] += ["abbr", "pymdownx.snippets"]
    config["mdx_configs"]["pymdownx.snippets"] = {
        "base_path": [str(root / "build" / "abbreviations")], "auto_append": [f"{lang}.md"], "check_paths": True}
    return config


def _run_mkdocs(config, what: str) -> None:
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        # what the `mkdocs build` command does around a build: plugins start their thread pools here
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as error:
        details = [f"  {message}" for message in collector.messages] or [f"  {error}"]
        raise BuildFailed([f"{what}: MkDocs stopped the build:"] + details) from None
    finally:
        logger.removeHandler(collector)


def _fill_social_font_cache(root: Path) -> None:
    """The social plugin downloads its font from Google Fonts unless its cache holds it: we fill
    the cache with the DejaVu fonts that matplotlib ships, so the build asks no one for anything."""
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    cache = root / "build" / "cache" / "social" / "fonts" / "DejaVu Sans"
    for style, name in (("Regular", "DejaVuSans.ttf"), ("Bold", "DejaVuSans-Bold.ttf")):
        target = cache / f"{style}.ttf"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(fonts / name, target)


def _build_language(root: Path, lang: str, nav: list, site_dir: Path) -> None:
    _fill_social_font_cache(root)
    try:
        config = _language_config(root, lang, nav, site_dir)
    except ConfigurationError as error:
        raise BuildFailed([f"mkdocs.yml: {error}"]) from None
    _run_mkdocs(config, f"site ({lang})")


def _build_offline_edition(root: Path, lang: str, nav: list, downloads: Path) -> None:
    """A zip of the site that works opened from disk, search included (Material's offline plugin).

    The plugin would load its iframe-worker shim from a CDN; we serve the copy npm installed.
    """
    candidates = [folder / "node_modules" / "iframe-worker" / "shim" / "index.js"
                  for folder in (root, Path(__file__).resolve().parents[1])]
    shim = next((path for path in candidates if path.is_file()), None)
    if shim is None:
        raise BuildFailed(["node_modules/iframe-worker/shim/index.js is missing: run `npm ci` (the Makefile does it)"])
    with tempfile.TemporaryDirectory(prefix="offline-") as folder:
        site_dir = Path(folder) / f"curriculum-{lang}"
        config = _language_config(root, lang, nav, site_dir, plugins=["search", "offline"])
        config["extra"]["polyfills"] = [SHIM_PATH]
        _run_mkdocs(config, f"offline edition ({lang})")
        (site_dir / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shim, site_dir / SHIM_PATH)
        downloads.mkdir(parents=True, exist_ok=True)
        shutil.make_archive(str(downloads / f"curriculum-offline-{lang}"), "zip", root_dir=folder,
                            base_dir=site_dir.name)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _replace(staging: Path, output: Path) -> None:
    """Swaps the new site in with two renames, so readers never see half a site."""
    old = output.with_name(output.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def language_chooser() -> str:
    """The root page: sends the reader to their browser's language, with plain links without JS."""
    links = "\n".join(f'      <li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES[lang]}</a></li>'
                      for lang in LANGUAGES)
    alternates = "\n".join(f'  <link rel="alternate" hreflang="{lang}" href="{lang}/">' for lang in LANGUAGES)
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
        if (supported.indexOf(lang) !== -1) {{ location.replace(lang + "/"); return; }}
      }}
      location.replace(supported[0] + "/");
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


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    from mkdocs.livereload import LiveReloadServer

    root = root.resolve()
    output = root / "site"

    def rebuild() -> None:
        try:
            result = build_site(root, output)
            print(f"built site/ in {result.seconds:.1f} s", flush=True)
        except BuildFailed as failure:
            print(failure.report(), flush=True)
            print("the previous site is still served; fix the problems above and save", flush=True)

    rebuild()
    print(f"serving on http://{host}:{port}/ (Ctrl+C to stop); watching {', '.join(SOURCE_DIRS)}", flush=True)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(output))
    for name in SOURCE_DIRS + ("mkdocs.yml",):
        if (root / name).exists():
            server.watch(str(root / name))
    try:
        server.serve()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.shutdown()
