"""The offline edition: a zip of a language's site that works opened from disk, search included
(Material's offline plugin)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..pipeline import BuildFailed
from .archive import write_zip
from .mkdocs_build import language_config, run_mkdocs

SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"


def build_offline_edition(root: Path, lang: str, nav: list, downloads: Path) -> None:
    """A zip of the site that works opened from disk, search included (Material's offline plugin).

    The plugin would load its iframe-worker shim from a CDN; we serve the copy npm installed.
    """
    candidates = [folder / "node_modules" / "iframe-worker" / "shim" / "index.js"
                  for folder in (root, Path(__file__).resolve().parents[2])]
    shim = next((path for path in candidates if path.is_file()), None)
    if shim is None:
        raise BuildFailed(["node_modules/iframe-worker/shim/index.js is missing: run `npm ci` (the Makefile does it)"])
    with tempfile.TemporaryDirectory(prefix="offline-") as folder:
        site_dir = Path(folder) / f"curriculum-{lang}"
        config = language_config(root, lang, nav, site_dir, plugins=["search", "offline"])
        config["extra"]["polyfills"] = [SHIM_PATH]
        run_mkdocs(config, f"offline edition ({lang})")
        (site_dir / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shim, site_dir / SHIM_PATH)
        write_zip(site_dir, downloads / f"curriculum-offline-{lang}.zip")
