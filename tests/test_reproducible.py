"""Two clean builds of the same sources with the same SOURCE_DATE_EPOCH are byte-identical: pages,
sitemaps, search indexes, social cards, chart images and the offline zips.

The two builds run in separate processes (each with its own hash seed) from two copies of the
sources at different paths, as two machines would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from build_tools.render.paths import OFFLINE_DOWNLOAD
from fixture import REPO, add_notebook_lesson, tiny_notebook, write_fixture

EPOCH = "1767225600"  # 2026-01-01 00:00:00 UTC
CHART = ('import matplotlib.pyplot as plt\nfrom lesson_tools import show_chart\n'
         'fig, ax = plt.subplots()\nax.plot([1, 2, 3], [3, 5, 4])\n'
         'show_chart(fig, alt={"en": "A line that rises then falls", "fr": "Une ligne qui monte puis descend"}[LANG])')


def _clean_build(folder: Path, hash_seed: str) -> dict[str, bytes]:
    root = write_fixture(folder)
    shutil.copy(REPO / "notebooks/lesson_tools.py", root / "notebooks/lesson_tools.py")
    add_notebook_lesson(root, text=tiny_notebook(CHART))
    done = subprocess.run([sys.executable, "-m", "build_tools.cli", "--root", str(root), "site"], capture_output=True,
                          text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed})
    assert done.returncode == 0, done.stdout + done.stderr
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first = _clean_build(tmp_path / "one" / "repo", "1")
    second = _clean_build(tmp_path / "another-place" / "repo", "2")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    kinds = {name.rsplit(".", 1)[-1] for name in first}
    assert {"html", "xml", "json", "zip", "svg", "png"} <= kinds, kinds  # charts, cards, zips are among them
    offline = zipfile.ZipFile(tmp_path / "one/repo/site" / OFFLINE_DOWNLOAD)
    names = [entry.filename for entry in offline.infolist()]
    assert names == sorted(names) and {entry.date_time for entry in offline.infolist()} == {(2026, 1, 1, 0, 0, 0)}
