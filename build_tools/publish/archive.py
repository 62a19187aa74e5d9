"""Zip files that are the same bytes from one build to the next: entries in sorted order, each
dated SOURCE_DATE_EPOCH when it is set (else the build's time), fixed permissions.

`shutil.make_archive` takes the order of the folder listing and each file's modification time,
so two builds of the same sources gave two different zips.
"""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

_FILE_MODE, _FOLDER_MODE = 0o100644, 0o040755


def build_time() -> time.struct_time:
    """SOURCE_DATE_EPOCH (reproducible builds' convention) when set, else now; in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return time.gmtime(int(epoch) if epoch.isdigit() else time.time())


def write_zip(folder: Path, destination: Path) -> Path:
    """Zips `folder` (its name as the top folder in the zip) into `destination`."""
    stamp = max(build_time()[:6], (1980, 1, 1, 0, 0, 0))  # the zip format starts in 1980
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in [folder, *sorted(folder.rglob("*"))]:
            name = path.relative_to(folder.parent).as_posix()
            entry = zipfile.ZipInfo(name + "/" if path.is_dir() else name, date_time=stamp)
            entry.create_system = 3  # Unix, so that the permissions below are read
            if path.is_dir():
                entry.external_attr = (_FOLDER_MODE << 16) | 0x10
                archive.writestr(entry, b"")
            else:
                entry.external_attr = _FILE_MODE << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())
    return destination
