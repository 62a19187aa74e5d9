"""`make bench-notebooks`: our notebook pipeline against mkdocs-jupyter, like with like.

The same scope for both: each notebook lesson as an English page reads it (its English cells,
`LANG = "en"`), inputs hidden, in a MkDocs + Material site holding that one page, built by a whole
process. Ours executes with nbclient and converts with nbconvert to Markdown with its images beside
it, then builds (benchmarks/notebook_site.py); mkdocs-jupyter executes and converts inside MkDocs
(`execute: true`, `no_input: true`). Several paired runs, cold (neither has a cache) then warm (each
with its own cache); the median, wall-clock seconds with CPU seconds in brackets. Page weight is
what a reader's browser receives for the page, gzip-compressed as a host sends it: the HTML and the
images it shows (the theme's CSS and JavaScript are the same for both and left out).
"""
from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench import BIN, Run, median, run, seconds  # noqa: E402
from build_tools.sources.loader import load_notebook  # noqa: E402
from build_tools.sources.problems import Problems  # noqa: E402

LANG = "en"
COMPRESSIBLE = (".html", ".svg", ".css", ".js")


def scoped_notebook(source: Path, folder: Path) -> Path:
    """The notebook as the build runs it for an English page, with its data and helpers beside it."""
    loaded = load_notebook(source, Problems(REPO))
    notebook, _ = loaded.for_language(LANG)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / source.name
    nbformat.write(notebook, path)
    for helper in source.parent.glob("*.py"):
        shutil.copy(helper, folder / helper.name)
    if (source.parent / "data").is_dir():
        shutil.copytree(source.parent / "data", folder / "data", dirs_exist_ok=True)
    return path


def theirs_config(folder: Path, notebook: Path) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text(f"site_name: bench\nsite_dir: {folder / 'site'}\ndocs_dir: {notebook.parent}\n"
                      "theme:\n  name: material\n  font: false\n"
                      f"nav:\n  - {notebook.name}\n"
                      "plugins:\n  - mkdocs-jupyter:\n      execute: true\n      no_input: true\n"
                      f"      cache_dir: {folder / 'cache'}\n", encoding="utf-8")
    return config


def page_weight(html_file: Path) -> tuple[int, int]:
    """Bytes sent for the page's HTML (with any image inlined in it) and for the image files it
    shows, gzip where a host would."""
    def sent(path: Path) -> int:
        data = path.read_bytes()
        return len(gzip.compress(data)) if path.suffix in COMPRESSIBLE else len(data)

    html = html_file.read_text(encoding="utf-8")
    images = 0
    for src in set(re.findall(r'<img[^>]+src="([^"]+)"', html)):
        if not src.startswith(("data:", "http")):
            image = (html_file.parent / src).resolve()
            images += sent(image) if image.is_file() else 0
    return sent(html_file), images


def measure(notebook: Path, work: Path, runs: int) -> dict[str, dict]:
    ours_folder, theirs_folder = work / "ours", work / "theirs"
    ours_notebook = scoped_notebook(notebook, ours_folder / "notebook")
    theirs_notebook = scoped_notebook(notebook, theirs_folder / "docs")
    config = theirs_config(theirs_folder, theirs_notebook)
    times: dict[str, dict[str, list[Run]]] = {"ours": {"cold": [], "warm": []}, "mkdocs-jupyter": {"cold": [], "warm": []}}
    for _ in range(runs):
        for folder in (ours_folder, theirs_folder):
            shutil.rmtree(folder / "cache", ignore_errors=True)
            shutil.rmtree(folder / "site", ignore_errors=True)
        for state in ("cold", "warm"):
            times["ours"][state].append(run(sys.executable, str(REPO / "benchmarks" / "notebook_site.py"),
                                            str(ours_notebook), str(ours_folder)))
            times["mkdocs-jupyter"][state].append(run(str(BIN / "mkdocs"), "build", "-q", "-f", str(config)))
    stem = notebook.stem
    return {"ours": {**times["ours"], "weight": page_weight(ours_folder / "site" / stem / "index.html")},
            "mkdocs-jupyter": {**times["mkdocs-jupyter"],
                               "weight": page_weight(theirs_folder / "site" / stem / "index.html")}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    print(f"{'notebook':28} {'pipeline':15} {'cold s (CPU)':>14} {'warm s (CPU)':>14} {'HTML KB':>8} "
          f"{'image files KB':>15} {'page KB':>8}   (median of {options.runs} paired runs; KB as sent, gzip)")
    for notebook in notebooks:
        with tempfile.TemporaryDirectory(prefix="bench-notebooks-") as folder:
            results = measure(notebook, Path(folder), options.runs)
        for pipeline, result in results.items():
            html, images = result["weight"]
            print(f"{notebook.stem:28} {pipeline:15} {seconds(result['cold']):>14} {seconds(result['warm']):>14} "
                  f"{html / 1024:>8.1f} {images / 1024:>15.1f} {(html + images) / 1024:>8.1f}")
        ratio = median([o.cpu for o in results["ours"]["cold"]]) / median([t.cpu for t in results["mkdocs-jupyter"]["cold"]])
        print(f"{'':28} {'ours / theirs':15} {ratio:>13.2f}x (CPU, cold)")


if __name__ == "__main__":
    main()
