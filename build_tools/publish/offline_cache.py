"""The offline edition, made again only when something it is made from has changed.

Each language's part of the edition is a second full MkDocs build of that language: it depends on
the language's generated tree, its navigation and glossary, the site configuration and templates,
the public address, the code that builds it and the versions of the packages that do. Their digest
names a folder in build/cache/offline/ that holds what `build_offline_edition` wrote; a build with
the same digest reuses that folder instead of building again.

The zip of every language is kept the same way, named by the digests of the languages' folders,
the chooser page and the date its entries carry (SOURCE_DATE_EPOCH): a warm build copies it.
A build of some languages only (a CI job of a split build) leaves each language's folder beside
its site, in `offline/<lang>/`, for `curriculum assemble` to zip with the others.
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
from .offline import ZIP_FOLDER, build_offline_edition, pack_offline_edition

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
CODE = Path(__file__).resolve().parent  # the publishing code: a change there makes the edition again
PART_FOLDER = "offline"  # in a build of some languages: offline/<lang>/, zipped by `curriculum assemble`


def offline_language(root: Path, lang: str, nav: list) -> tuple[Path, bool]:
    """The folder that holds `lang`'s part of the offline edition, and whether it had to be built."""
    cache = root / "build" / "cache" / "offline"
    entry = cache / f"{lang}-{edition_key(root, lang, nav)[:24]}"
    if entry.is_dir():
        return entry, False
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{lang}-", dir=cache) as folder:
        built = build_offline_edition(root, lang, nav, Path(folder))
        for old in cache.glob(f"{lang}-*"):
            shutil.rmtree(old, ignore_errors=True)
        built.rename(entry)  # whole or not at all: an interrupted build caches nothing
    return entry, True


def offline_zip(root: Path, languages: dict[str, Path], chooser: str, archive: Path) -> None:
    """Writes the zip of every language's folder (`languages`: lang -> folder) with `chooser` as
    its first page, from the cache when the same folders were zipped before."""
    digest = hashlib.sha256(json.dumps({"parts": {lang: folder.name for lang, folder in languages.items()},
                                        "chooser": chooser, "date": os.environ.get("SOURCE_DATE_EPOCH", "")},
                                       sort_keys=True).encode("utf-8"))
    cache = root / "build" / "cache" / "offline"
    cached = cache / f"zip-{digest.hexdigest()[:24]}.zip"
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".zip-", dir=cache) as scratch:
            pack_offline_edition(gather(languages, Path(scratch)), chooser, Path(scratch) / "edition.zip")
            for old in cache.glob("zip-*.zip"):
                old.unlink()
            (Path(scratch) / "edition.zip").rename(cached)
    archive.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(cached, archive)


def gather(languages: dict[str, Path], scratch: Path) -> Path:
    """The folder the zip is packed from: every language's folder side by side under ZIP_FOLDER."""
    folder = scratch / ZIP_FOLDER  # its name is the zip's top folder
    for lang, source in languages.items():
        shutil.copytree(source, folder / lang)
    return folder


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
