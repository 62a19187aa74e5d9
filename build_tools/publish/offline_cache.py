"""The offline edition, made again only when something it is made from has changed.

The edition is a second full MkDocs build of a language: it depends on that language's generated
tree, its navigation and glossary, the site configuration and templates, the public address, the
code that builds it and the versions of the packages that do. Their digest names a folder in
build/cache/offline/ that holds what `build_offline_edition` wrote; a build with the same digest
copies that folder instead of building again.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..versions import package_versions
from .mkdocs_build import abbreviations_path
from .offline import build_offline_edition

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
CODE = Path(__file__).resolve().parent  # the publishing code: a change there makes the edition again


def offline_edition(root: Path, lang: str, nav: list, downloads: Path) -> bool:
    """Puts the offline edition of `lang` into `downloads`; True when it had to be built."""
    cache = root / "build" / "cache" / "offline"
    entry = cache / f"{lang}-{edition_key(root, lang, nav)[:24]}"
    built = not entry.is_dir()
    if built:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=f".{lang}-", dir=cache) as folder:
            build_offline_edition(root, lang, nav, Path(folder) / "out")
            for old in cache.glob(f"{lang}-*"):
                shutil.rmtree(old, ignore_errors=True)
            (Path(folder) / "out").rename(entry)  # whole or not at all: an interrupted build caches nothing
    shutil.copytree(entry, downloads, dirs_exist_ok=True)
    return built


def edition_key(root: Path, lang: str, nav: list) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps({"lang": lang, "nav": nav, "site_url": os.environ.get("SITE_URL", ""),
                              "versions": package_versions(PACKAGES)},
                             sort_keys=True).encode("utf-8"))
    sources = [root / "build" / "src" / lang, root / "mkdocs.yml", root / "overrides", abbreviations_path(root, lang),
               CODE, _shim_package(root)]
    for source in sources:
        for path in _files(source):
            digest.update(str(path.relative_to(source.parent)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if not source.is_dir():
        return []
    return sorted(path for path in source.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _shim_package(root: Path) -> Path:
    """The iframe-worker package the offline edition ships, found where offline.py finds it."""
    candidates = [folder / "node_modules" / "iframe-worker" / "package.json" for folder in (root, CODE.parents[1])]
    return next((path for path in candidates if path.is_file()), candidates[0])
