"""Notebook lessons: language filtering, execution, cache, failures, sanitising, page weight."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_tools.sources.loader import load_curriculum
from build_tools.notebooks.convert import sanitize_html
from build_tools.pipeline import BuildFailed, compile_curriculum
from build_tools.sources.problems import Problems
from build_tools.publish.site import build_site
from fixture import REPO, add_notebook_lesson, tiny_notebook
from test_build import tree_digest

LABELS = 'LABEL = {"en": "Rows", "fr": "Lignes"}[LANG]\nprint(LABEL, "counted")'


def build(root: Path) -> tuple[dict, list[str]]:
    lines: list[str] = []
    _, trees = compile_curriculum(root, report=lines.append)
    return trees, sorted(lines)


def misses(lines: list[str]) -> list[str]:
    return sorted(line.split(":")[0] for line in lines if "cache miss" in line)


def test_each_language_gets_its_cells_and_its_labels(curriculum_root: Path) -> None:
    add_notebook_lesson(curriculum_root, text=tiny_notebook(LABELS))
    trees, _ = build(curriculum_root)
    fr = trees["fr"].pages["modules/alpha-basics/tiny.md"]
    en = trees["en"].pages["modules/alpha-basics/tiny.md"]
    assert "\n# Leçon chiffrée\n" in fr and "Nous comptons les lignes." in fr and "Numbers lesson" not in fr
    assert "\n# Numbers lesson\n" in en and "Leçon" not in en
    assert "Lignes counted" in fr and "Rows counted" in en
    assert "print(" not in fr, "code cells are hidden from readers"


def test_second_build_executes_nothing_and_markdown_edits_do_not_execute(curriculum_root: Path) -> None:
    notebook = add_notebook_lesson(curriculum_root, text=tiny_notebook(LABELS))
    _, first = build(curriculum_root)
    assert misses(first) == ["notebook tiny (en)", "notebook tiny (fr)"]
    _, second = build(curriculum_root)
    assert misses(second) == [] and len([line for line in second if "cache hit" in line]) == 2
    notebook.write_text(notebook.read_text().replace("Nous comptons les lignes.", "Nous comptons tout."))
    trees, third = build(curriculum_root)
    assert misses(third) == []
    assert "Nous comptons tout." in trees["fr"].pages["modules/alpha-basics/tiny.md"]


def test_a_data_change_reexecutes_only_the_notebook_that_reads_it(curriculum_root: Path) -> None:
    data = curriculum_root / "notebooks/data/numbers.csv"
    data.parent.mkdir()
    data.write_text("n\n1\n2\n")
    reader = 'import pandas as pd\nprint("total", pd.read_csv("data/numbers.csv")["n"].sum())'
    add_notebook_lesson(curriculum_root, "reader", tiny_notebook(reader))
    add_notebook_lesson(curriculum_root, "other", tiny_notebook(LABELS))
    trees, first = build(curriculum_root)
    assert len(misses(first)) == 4
    assert "total 3" in trees["en"].pages["modules/alpha-basics/reader.md"]
    data.write_text("n\n1\n2\n10\n")
    trees, second = build(curriculum_root)
    assert misses(second) == ["notebook reader (en)", "notebook reader (fr)"]
    assert "total 13" in trees["en"].pages["modules/alpha-basics/reader.md"]


def test_a_code_change_reexecutes_that_notebook(curriculum_root: Path) -> None:
    notebook = add_notebook_lesson(curriculum_root, text=tiny_notebook(LABELS))
    build(curriculum_root)
    notebook.write_text(notebook.read_text().replace("counted", "tallied"))
    trees, lines = build(curriculum_root)
    assert misses(lines) == ["notebook tiny (en)", "notebook tiny (fr)"]
    assert "Rows tallied" in trees["en"].pages["modules/alpha-basics/tiny.md"]


def test_a_corrupt_cache_entry_is_executed_again_not_served(curriculum_root: Path) -> None:
    add_notebook_lesson(curriculum_root, text=tiny_notebook(LABELS))
    build(curriculum_root)
    entries = sorted((curriculum_root / "build/cache/notebooks").glob("tiny.fr.*.json"))
    assert len(entries) == 1
    entry = json.loads(entries[0].read_text())
    entry["outputs"][1][0]["text"] = "Tampered counted\n"  # checksum no longer matches
    entries[0].write_text(json.dumps(entry))
    trees, lines = build(curriculum_root)
    assert misses(lines) == ["notebook tiny (fr)"]
    assert "Tampered" not in trees["fr"].pages["modules/alpha-basics/tiny.md"]
    entries[0].write_text("{ truncated")
    _, lines = build(curriculum_root)
    assert misses(lines) == ["notebook tiny (fr)"]


@pytest.mark.parametrize("code, expected", [
    ("def f():\n    return {}['clicks']\n\nf()", ["cell 4, line 4: KeyError: 'clicks'", "  f()"]),
    ("x = (\n1 +", ["notebooks/tiny.ipynb: cell 4, line 2: SyntaxError", "  1 +"]),
    ("import time\nx = 1\ntime.sleep(30)", ["notebooks/tiny.ipynb: cell 4, line 3: TimeoutError", "longer than 2 s",
                                          "  time.sleep(30)"]),
    ("import os\nos._exit(3)", ["notebooks/tiny.ipynb: cell 4, lines 1-2: DeadKernelError"]),
])
def test_a_failing_cell_says_which_line_failed(curriculum_root: Path, code: str, expected: list[str]) -> None:
    add_notebook_lesson(curriculum_root, text=tiny_notebook(code, curriculum={"timeout": 2}))
    with pytest.raises(BuildFailed) as failure:
        build(curriculum_root)
    for text in expected:
        assert text in failure.value.report()


def test_a_failing_cell_stops_the_build_and_keeps_the_site(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    before = tree_digest(site, ["."])
    add_notebook_lesson(curriculum_root, text=tiny_notebook("x = 1\ny = x / 0"))
    with pytest.raises(BuildFailed) as failure:
        build_site(curriculum_root)
    report = failure.value.report()
    assert "notebooks/tiny.ipynb: cell 4, line 2: ZeroDivisionError: division by zero" in report
    assert "  y = x / 0" in report
    assert tree_digest(site, ["."]) == before


def test_charts_are_separate_files_with_alt_text_and_sources_stay_unchanged(curriculum_root: Path) -> None:
    chart = ('import matplotlib.pyplot as plt\nfrom lesson_tools import show_chart\n'
             'fig, ax = plt.subplots()\nax.bar(["a", "b"], [3, 5])\n'
             'show_chart(fig, alt={"en": "Two bars, b is higher", "fr": "Deux barres, b plus haute"}[LANG])')
    import shutil
    shutil.copy(REPO / "notebooks/lesson_tools.py", curriculum_root / "notebooks/lesson_tools.py")
    add_notebook_lesson(curriculum_root, text=tiny_notebook(chart))
    before = tree_digest(curriculum_root)
    site = build_site(curriculum_root).site
    assert tree_digest(curriculum_root) == before
    html = (site / "fr/modules/alpha-basics/tiny/index.html").read_text()
    images = [p for p in (site / "fr/modules/alpha-basics").iterdir() if p.suffix in (".png", ".svg")]
    assert len(images) == 1
    tag = re.search(rf'<img alt="Deux barres, b plus haute" height="(\d+)" src="\.\./{images[0].name}" width="(\d+)"', html)
    assert tag, "the chart has no alt text, width and height"  # width and height: no layout shift
    size = (int(tag.group(2)), int(tag.group(1)))
    if images[0].suffix == ".png":
        from PIL import Image
        assert Image.open(images[0]).size == size
    else:  # matplotlib sizes SVG in points, 3/4 of a CSS pixel
        points = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', images[0].read_text())
        assert points and round(float(points.group(1)) * 4 / 3) == size[0]
    assert "base64" not in html


def test_a_chart_without_alt_text_fails_the_build(curriculum_root: Path) -> None:
    chart = 'import matplotlib.pyplot as plt\n%matplotlib inline\nplt.plot([1, 2])\nplt.show()'
    add_notebook_lesson(curriculum_root, text=tiny_notebook(chart))
    with pytest.raises(BuildFailed) as failure:
        build(curriculum_root)
    assert "notebooks/tiny.ipynb: cell 4: a chart has no alt text" in failure.value.report()


SCRIPT_INJECTIONS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
    "<a href=\"&#106;avascript:alert(1)\">click</a>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<body onload=alert(1)>text</body>",
    "<table onmouseover=\"alert(1)\"><tr><td>1</td></tr></table>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
]


@pytest.mark.parametrize("html", SCRIPT_INJECTIONS)
def test_sanitiser_removes_every_way_to_run_script(html: str) -> None:
    clean = sanitize_html(html).lower()
    for danger in ("<script", "javascript:", "onerror", "onload", "onmouseover", "ontoggle", "onfocus", "<iframe",
                   "<object", "<embed", "<form", "<svg", "<link", "<meta", "style="):
        assert danger not in clean, (danger, clean)


def test_sanitiser_keeps_tables_without_their_classes() -> None:
    table = ('<table border="1" class="dataframe"><thead><tr><th>a</th></tr></thead>'
             '<tbody><tr><td>1</td></tr></tbody></table>')
    assert sanitize_html(table) == "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"


def test_html_outputs_reach_the_page_sanitised(curriculum_root: Path) -> None:
    code = ('from IPython.display import display, HTML\n'
            'display(HTML("<b onclick=\\"steal()\\">bold</b><script>steal()</script>"))')
    add_notebook_lesson(curriculum_root, text=tiny_notebook(code))
    trees, _ = build(curriculum_root)
    page = trees["en"].pages["modules/alpha-basics/tiny.md"]
    assert "<b>bold</b>" in page and "steal" not in page


# --- the real notebooks ------------------------------------------------------------------------

def _real_notebook_lessons() -> list[tuple[str, str]]:
    curriculum = load_curriculum(REPO, Problems(REPO))
    return [(m.id, lesson.slug) for m in curriculum.modules for lesson in m.lessons if lesson.notebook]


def test_the_curriculum_has_notebook_lessons() -> None:
    assert _real_notebook_lessons()


@pytest.mark.parametrize("module_id, slug", _real_notebook_lessons())
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_notebook_page_is_light(real_site, module_id: str, slug: str, lang: str) -> None:
    html = (real_site[0] / lang / "modules" / module_id / slug / "index.html").read_bytes()
    assert len(html) < 60_000
    assert b"base64" not in html and b"data:image" not in html
    assert b"<img" in html
