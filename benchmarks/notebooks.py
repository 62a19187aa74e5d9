"""Benchmark: our notebook pipeline against mkdocs-jupyter, on the same notebooks, in one run.

Prints, per notebook and language, the page weight (HTML plus the images it loads) and the
build time, cold (no cache) and warm (second build). Run with `make bench-notebooks`.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.sources.loader import load_curriculum  # noqa: E402
from build_tools.pipeline import notebook_pages  # noqa: E402
from build_tools.sources.problems import Problems  # noqa: E402
from build_tools.publish.site import build_site  # noqa: E402


def page_bytes(html_file: Path) -> tuple[int, int, bool]:
    """The HTML, the local images it references, and whether it inlines base64 images."""
    html = html_file.read_text(encoding="utf-8")
    images = 0
    for src in set(re.findall(r'<img[^>]+src="([^"]+)"', html)):
        if not src.startswith(("data:", "http")):
            image = (html_file.parent / src).resolve()
            images += image.stat().st_size if image.is_file() else 0
    return len(html.encode("utf-8")), images, "data:image" in html


def ours(work: Path) -> dict:
    copy = work / "ours"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".venv", "site", "build", ".git", "node_modules"))
    curriculum = load_curriculum(copy, Problems(copy))
    lessons = [(m.id, l.slug) for m in curriculum.modules for l in m.lessons if l.notebook]
    times = []
    for _ in ("cold", "warm"):  # the notebook stage alone: execute (or read the cache) and convert
        started = time.perf_counter()
        notebook_pages(curriculum, report=lambda line: None)
        times.append(time.perf_counter() - started)
    build_site(copy)
    sizes = {(slug, lang): page_bytes(copy / "site" / lang / "modules" / module / slug / "index.html")
             for module, slug in lessons for lang in ("en", "fr")}
    return {"cold": times[0], "warm": times[1], "sizes": sizes,
            "scope": "notebook stage (execute + convert), both languages"}


def mkdocs_jupyter(work: Path) -> dict:
    docs = work / "mkj" / "docs"
    shutil.copytree(REPO / "notebooks", docs, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    (docs / "index.md").write_text("# Notebooks\n", encoding="utf-8")
    notebooks = sorted(p.stem for p in docs.glob("*.ipynb"))
    config = work / "mkj" / "mkdocs.yml"
    config.write_text("site_name: bench\ntheme:\n  name: material\n  font: false\n"
                      "plugins:\n  - mkdocs-jupyter:\n      execute: true\n      include_source: true\n",
                      encoding="utf-8")
    times = []
    for _ in ("cold", "warm"):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True,
                       cwd=docs.parent, env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)})
        times.append(time.perf_counter() - started)
    sizes = {(name, "en"): page_bytes(work / "mkj" / "site" / name / "index.html") for name in notebooks}
    return {"cold": times[0], "warm": times[1], "sizes": sizes,
            "scope": "mkdocs build of the notebooks alone, one language"}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        results = {"ours (nbclient + nbconvert)": ours(work), "mkdocs-jupyter": mkdocs_jupyter(work)}
    print(f"{'pipeline':30} {'page':24} {'lang':4} {'HTML bytes':>11} {'image bytes':>12} {'base64 inline':>14}")
    for name, result in results.items():
        for (page, lang), (html, images, inline) in sorted(result["sizes"].items()):
            inline = "yes" if inline else "no"
            print(f"{name:30} {page:24} {lang:4} {html:>11,} {images:>12,} {inline:>14}")
    print()
    print(f"{'pipeline':30} {'cold s':>8} {'warm s':>8}  what is built")
    for name, result in results.items():
        print(f"{name:30} {result['cold']:8.1f} {result['warm']:8.1f}  {result['scope']}")


if __name__ == "__main__":
    main()
