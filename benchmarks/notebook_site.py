"""Our notebook pipeline as one process, for `make bench-notebooks`: execute one notebook with
nbclient (cached in FOLDER/cache), convert it to Markdown with its images, and build a MkDocs +
Material site of that one page in FOLDER/site.

    python benchmarks/notebook_site.py NOTEBOOK.ipynb FOLDER
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.pipeline import BuildFailed  # noqa: E402  (loads the model before the notebook format)
from build_tools.sources.loader import load_notebook  # noqa: E402
from build_tools.notebooks.execute import NotebookCache, run_notebooks  # noqa: E402
from build_tools.notebooks.page_cache import cached_convert  # noqa: E402
from build_tools.sources.problems import Problems  # noqa: E402

LANG = "en"


def main() -> None:
    notebook, folder = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    source = load_notebook(notebook, Problems(notebook.parent))
    if source is None:
        raise BuildFailed([f"{notebook}: not a notebook"])
    cache = NotebookCache(folder / "cache")
    executed = run_notebooks([(source, LANG)], notebook.parent, cache, report=lambda line: None)
    page, _ = cached_convert(cache.folder / "pages", executed[(notebook, LANG)].notebook, f"{notebook.stem}-{LANG}")
    docs = folder / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / f"{notebook.stem}.md").write_text(page.markdown, encoding="utf-8")
    for name, data in page.images.items():
        (docs / name).write_bytes(data)
    config = folder / "mkdocs.yml"
    config.write_text(f"site_name: bench\nsite_dir: {folder / 'site'}\ndocs_dir: {docs}\n"
                      "theme:\n  name: material\n  font: false\n"
                      f"nav:\n  - {notebook.stem}.md\n"
                      "markdown_extensions:\n  - attr_list\n  - tables\n  - md_in_html\n", encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config)))


if __name__ == "__main__":
    main()
