"""The preview that `curriculum serve` keeps up to date: a saved lesson rebuilds only what it
touches, a change of shape rebuilds the language, a failure keeps the served pages; and each
page's menu stays the same size however long its track grows."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from build_tools.pipeline import BuildFailed
from build_tools.publish.live import LivePreview
from fixture import MODULE, write_fixture

MODULES = 14  # more than a menu shows at once (mkdocs_glue.LONG)


def _copy_module(root: Path, number: int) -> None:
    folder = root / f"modules/alpha/alpha-{number}"
    shutil.copytree(root / MODULE, folder)
    yml = folder / "module.yml"
    yml.write_text(yml.read_text().replace("id: alpha-basics", f"id: alpha-{number}", 1)
                   .replace("order: 1", f"order: {number}", 1).replace("en: Alpha basics", f"en: Alpha {number}", 1))


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    root = write_fixture(tmp_path_factory.mktemp("preview") / "repo")
    for number in range(2, MODULES + 1):
        _copy_module(root, number)
    live = LivePreview(root, root / "site", languages=("en",))
    assert live.rebuild().languages == {"en": "whole"}
    return root, live


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_nothing_changed_rebuilds_nothing(preview) -> None:
    root, live = preview
    before = _mtimes(root / "site")
    assert live.rebuild().languages == {"en": "unchanged"}
    assert _mtimes(root / "site") == before


def test_a_saved_lesson_rebuilds_its_pages_and_keeps_search_whole(preview) -> None:
    root, live = preview
    site = root / "site/en"
    index = json.loads((site / "search/search_index.json").read_text())["docs"]
    before = _mtimes(root / "site")
    lesson = root / "modules/alpha/alpha-7/first.md"
    lesson.write_text(lesson.read_text() + "\nA sentence saved during the preview.\n")
    result = live.rebuild()
    assert result.languages == {"en": "2 page(s)"}  # the lesson and the module's printable page
    changed = {name for name, mtime in _mtimes(root / "site").items() if before.get(name) != mtime}
    assert {"en/modules/alpha-7/first/index.html", "en/modules/alpha-7/print/index.html"} <= changed
    assert not any("alpha-3/" in name for name in changed)
    assert "A sentence saved during the preview." in (site / "modules/alpha-7/first/index.html").read_text()
    after = json.loads((site / "search/search_index.json").read_text())["docs"]
    assert len(after) == len(index)  # every page is still searchable
    assert any("A sentence saved during the preview." in doc["text"] for doc in after)
    menu = (site / "modules/alpha-7/first/index.html").read_text()
    assert ">None<" not in menu and "Alpha 8" in menu  # the menu still names the pages it did not render


def test_a_new_title_rebuilds_the_language_whole(preview) -> None:
    root, live = preview
    lesson = root / "modules/alpha/alpha-5/first.md"
    lesson.write_text(lesson.read_text().replace("# First lesson", "# The first lesson, renamed", 1))
    assert live.rebuild().languages == {"en": "whole"}
    # the quiz page's own Markdown did not change: its menu shows the new title because all was rebuilt
    assert "The first lesson, renamed" in (root / "site/en/modules/alpha-5/quiz/index.html").read_text()


def test_a_save_the_checker_refuses_keeps_the_served_page_and_costs_nothing_once_undone(preview) -> None:
    root, live = preview
    page = root / "site/en/modules/alpha-9/first/index.html"
    served = page.read_bytes()
    lesson = root / "modules/alpha/alpha-9/first.md"
    text = lesson.read_text()
    lesson.write_text(text + "\nSee [the missing page](nowhere.md).\n")
    with pytest.raises(BuildFailed, match="nowhere.md"):
        live.rebuild()
    assert page.read_bytes() == served
    lesson.write_text(text)
    assert live.rebuild().languages == {"en": "unchanged"}  # the served pages are still the right ones
    # (a failure inside MkDocs, once pages were written: tests/test_serve.py)


def _menu_links(html: str) -> list[str]:
    """The links of the main menu (between it and the table of contents)."""
    menu = html.split('class="md-nav md-nav--primary"', 1)[1].split('md-sidebar--secondary', 1)[0]
    return re.findall(r'<a href="([^"]+)"', menu)


def test_every_page_menu_has_the_same_size_however_long_the_track(preview) -> None:
    root, _ = preview
    site = root / "site/en"
    sizes = {number: len(_menu_links((site / f"modules/alpha-{number}/first/index.html").read_text()))
             for number in range(2, MODULES + 1)}
    assert len({sizes[number] for number in range(3, MODULES)}) == 1, sizes  # the last has no next module
    assert max(sizes.values()) == sizes[7]
    links = _menu_links((site / "modules/alpha-7/first/index.html").read_text())
    assert any(link.endswith("paths/alpha/") for link in links)  # the track's page lists every module
    assert any("alpha-6/" in link for link in links) and any("alpha-8/" in link for link in links)
    assert not any("alpha-3/" in link for link in links)


def test_make_serve_takes_the_port() -> None:
    import subprocess

    from fixture import REPO

    dry = subprocess.run(["make", "-n", "serve", "PORT=8123"], cwd=REPO, capture_output=True, text=True)
    assert dry.returncode == 0 and ".venv/bin/curriculum serve --port 8123" in dry.stdout.splitlines()


def test_a_build_after_a_preview_update_indexes_only_its_own_pages(preview, tmp_path: Path) -> None:
    """MkDocs reuses one search plugin for every build of a process, and Material's search merges the
    index of its last dirty build into the next: the offline edition got the preview's pages."""
    from build_tools.pipeline import compile_curriculum
    from build_tools.publish.mkdocs_build import language_config, run_mkdocs

    root, live = preview
    lesson = root / "modules/alpha/alpha-4/first.md"
    lesson.write_text(lesson.read_text() + "\nA sentence saved before the offline edition.\n")
    assert live.rebuild().languages == {"en": "2 page(s)"}
    _, trees = compile_curriculum(root, report=lambda line: None, languages=("en",))
    config = language_config(root, "en", trees["en"].nav, tmp_path / "offline", plugins=["search", "offline"])
    run_mkdocs(config, "offline edition (en)")
    docs = json.loads((tmp_path / "offline/search/search_index.json").read_text())["docs"]
    pages = {doc["location"].split("#", 1)[0] for doc in docs}
    assert pages and all(page.endswith(".html") for page in pages), sorted(pages)[:5]  # no directory URL
