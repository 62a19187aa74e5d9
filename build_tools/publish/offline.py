"""The offline edition: one zip that holds every language, made to be opened from disk (file://).

Search, quizzes, progress, the self-assessment and the language switcher work there as online:
- Material's offline plugin turns off directory URLs and inlines the search index;
- instant navigation is left out: it does nothing from disk, and Material's bundle then completes
  its `document$` stream before the page has loaded, so no script hooked to it would ever start;
- both languages sit side by side (`en/`, `fr/`) with a chooser page, so the switcher's links
  (`../fr/<same page>`) land on a page of the zip;
- the home page says it is the offline edition instead of linking to a download that is not there;
- what a reader never uses from disk is left out: source maps, the search languages the site does
  not use, the sitemaps, the 404 page (its links start at the domain: only a server can use it).

`build_offline_edition` builds one language into a folder (its inputs: the generated tree
build/src/<lang>/, mkdocs.yml, overrides/, docs/assets/); `pack_offline_edition` zips the languages.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import BuildFailed
from ..render.i18n import t
from .archive import write_zip
from .mkdocs_build import language_config, run_mkdocs
from .search_accents import fold_search_accents

SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
ZIP_FOLDER = "curriculum-offline"  # the folder the zip unpacks to: the name of the folder it is packed from
# the home page's download paragraph (render/site_pages.py), replaced in the offline edition
DOWNLOAD_PARAGRAPH = re.compile(r'<p class="rm-offline">.*?</p>', re.S)
SEARCH_FILES_KEPT = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {f"lunr.{lang}.min.js" for lang in LANGUAGES}


def _iframe_worker_shim(root: Path) -> Path:
    candidates = [folder / "node_modules" / "iframe-worker" / "shim" / "index.js"
                  for folder in (root, Path(__file__).resolve().parents[2])]
    shim = next((path for path in candidates if path.is_file()), None)
    if shim is None:
        raise BuildFailed(["node_modules/iframe-worker/shim/index.js is missing: run `npm ci` (the Makefile does it)"])
    return shim


def build_offline_edition(root: Path, lang: str, nav: list, folder: Path) -> Path:
    """Builds one language's offline edition into folder/<lang>/ and returns that folder.

    Material's offline plugin would load its iframe-worker shim from a CDN; we serve the copy npm installed."""
    shim = _iframe_worker_shim(root)
    site_dir = folder / lang
    config = language_config(root, lang, nav, site_dir, plugins=["search", "offline"])
    config["extra"]["polyfills"] = [SHIM_PATH]
    config.theme["features"] = [feature for feature in config.theme["features"] if feature != "navigation.instant"]
    run_mkdocs(config, f"offline edition ({lang})")
    (site_dir / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(shim, site_dir / SHIM_PATH)
    _leave_out_what_is_not_used_offline(site_dir)
    _mark_home_page_offline(site_dir, lang)
    fold_search_accents(site_dir, lang)
    return site_dir


def _leave_out_what_is_not_used_offline(site_dir: Path) -> None:
    for path in sorted(site_dir.rglob("*.map")):
        path.unlink()
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    for path in sorted(lunr.rglob("*.js")):
        if path.name not in SEARCH_FILES_KEPT:
            path.unlink()
    # sitemaps are for search engines; the 404 page is for a server, and its links start at the domain
    for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
        (site_dir / name).unlink(missing_ok=True)


def _mark_home_page_offline(site_dir: Path, lang: str) -> None:
    """The home page says this is the offline edition instead of linking to it."""
    note = f'<p class="rm-offline">{html.escape(t(lang, "offline_here"))}</p>'
    home = site_dir / "index.html"
    home.write_text(DOWNLOAD_PARAGRAPH.sub(lambda _: note, home.read_text(encoding="utf-8")), encoding="utf-8")


def pack_offline_edition(folder: Path, chooser: str, archive: Path) -> Path:
    """Zips folder/<lang>/ for every language, with `chooser` as the index page beside them.

    The zip's top folder is `folder`'s name (ZIP_FOLDER); write_zip makes the same pages give the same zip."""
    (folder / "index.html").write_text(chooser, encoding="utf-8")
    return write_zip(folder, archive)
