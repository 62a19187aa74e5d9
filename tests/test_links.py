"""Links, images and raw HTML: the scanner, the rewriting for each page a document lands on, and
the rule that no source file ever brings a script, an event handler or a javascript: link."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from build_tools.pipeline import check_curriculum, compile_curriculum
from build_tools.sources.markdown_scan import MARKDOWN_EXTENSIONS, heading_ids, scan
from fixture import MODULE, REPO, add_notebook_lesson, tiny_notebook, write_fixture
from test_check_table import PNG
from test_notebooks import SCRIPT_INJECTIONS

LESSON = f"{MODULE}/first.md"


def test_the_scanner_reads_links_and_images_with_their_place_outside_code() -> None:
    text = ("# Title\n\nSee [the guide](mentor-guide.md#demo) and ![A chart](chart.png \"t\").\n\n"
            "```\n[not a link](code.md) <b>\n```\n\n`[nor this](span.md)` <https://example.org>\n\n"
            "!!! note\n    [inside](../other/module.yml)\n\n[![Logo](logo.png)](first.md)\n\n[ref]: ../../glossary.yml#seo\n"
            "*[SEO]: Search engine optimisation\n")
    found = [(ref.kind, ref.url, ref.line, ref.col) for ref in scan(text).references]
    assert found == [("link", "mentor-guide.md#demo", 3, 17), ("image", "chart.png", 3, 54),
                     ("autolink", "https://example.org", 9, 24), ("link", "../other/module.yml", 12, 14),
                     ("image", "logo.png", 14, 10), ("link", "first.md", 14, 21),
                     ("definition", "../../glossary.yml#seo", 16, 8)]
    assert scan(text).markup == []


@pytest.mark.parametrize("text, expected", [
    ("Hello <b>there</b>", ["<b>"]),
    ("Keep `<track>` in backticks and <!-- a comment --> too", []),
    ("A heading {: onclick=\"steal()\" }", ['{: onclick="steal()" }']),
    ("<!--> <script>steal()</script> -->", ["<!-->", "<script>"]),
    ("~~~\n<script>unclosed fence</script>\n~~~~\n", ["<script>"]),
    ("`a\n<script>` spans cross no line here", ["<script>"]),
])
def test_the_scanner_finds_raw_html_that_python_markdown_would_pass(text: str, expected: list[str]) -> None:
    assert [item.text for item in scan(text).markup if not item.text.startswith("</")] == expected


def test_heading_ids_are_those_of_the_site() -> None:
    text = "# Title\n\n## L'exploration : où ?\n\n## The `robots.txt` file {#robots}\n\n## Section\n\n## Section\n"
    assert heading_ids(text) == {"title", "lexploration-ou", "robots", "section", "section_1"}


def test_headings_get_the_ids_that_every_extension_of_the_site_gives_them(repo: Path, monkeypatch) -> None:
    """`heading_ids` loads only the extensions that decide an id: on every heading of the real
    curriculum and on headings that use what the other extensions read, the ids are the same."""
    from build_tools.sources import markdown_scan

    chosen = list(markdown_scan.HEADING_EXTENSIONS)
    monkeypatch.setattr(markdown_scan, "_per_thread", threading.local())  # the converters made here stay here

    def ids(text: str, extensions: list[str]) -> frozenset[str]:
        monkeypatch.setattr(markdown_scan, "HEADING_EXTENSIONS", extensions)
        markdown_scan._per_thread.__dict__.pop("md", None)  # a converter with these extensions
        heading_ids.cache_clear()
        return heading_ids(text)

    written = [path.read_text(encoding="utf-8") for folder in ("modules", "docs", "tools")
               for path in sorted((repo / folder).rglob("*.md"))]
    written.append("# A *stressed* `code` [link](x.md) and SEO\n\n## Title {#own .kind}\n\n## Title\n\n"
                   "## Title\n\n### Détails : où ? | a | b |\n\nSetext\n======\n\n## !!! note\n\n## ??? tip\n\n"
                   "## ```python\n\n## <b>bold</b> &amp; more\n\n*[SEO]: Search engine optimisation\n")
    assert len(written) > 100
    for text in written:
        assert ids(text, chosen) == ids(text, MARKDOWN_EXTENSIONS), text[:60]
    assert len(ids(written[-1], MARKDOWN_EXTENSIONS)) == 10


def test_the_scanner_uses_the_markdown_extensions_of_mkdocs_yml() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=Loader)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert sorted(names + ["abbr"]) == sorted(MARKDOWN_EXTENSIONS)  # abbr: added by the build


# --- never a script from a source file ---------------------------------------------------------

MARKDOWN_INJECTIONS = [
    "[Click](javascript:alert(1))",
    "[Click](JaVaScRiPt:alert(1))",
    "[Click](&#106;avascript:alert(1))",
    "[Click]( javascript:alert(1) )",
    "[Click](java\tscript:alert(1))",
    "[Click](data:text/html;base64,PHNjcmlwdD4=)",
    "![Chart](javascript:alert(1))",
    "[Click][x]\n\n[x]: javascript:alert(1)",
    "<javascript://%0aalert(1)>",
    "Paragraph\n{: onclick=\"alert(1)\" }",
    "## Heading { onmouseover=alert(1) }",
    "<!--> <script>alert(1)</script> -->",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "!!! note\n    <script>alert(1)</script>",
    "- item\n\n    <iframe src=\"https://evil.example\"></iframe>",
]


@pytest.fixture(scope="module")
def fixture_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture(tmp_path_factory.mktemp("links") / "repo", with_site_config=False)


@pytest.mark.parametrize("injection", SCRIPT_INJECTIONS + MARKDOWN_INJECTIONS)
def test_no_script_reaches_a_page_from_a_lesson(fixture_root: Path, injection: str) -> None:
    lesson = fixture_root / LESSON
    original = lesson.read_text()
    lesson.write_text(original + "\n" + injection + "\n")
    try:
        _, problems = check_curriculum(fixture_root)
    finally:
        lesson.write_text(original)
    refused = [p for p in problems.errors if p.path == LESSON]
    assert refused and refused[0].line > 20, [p.format() for p in problems.items]
    assert {p.rule for p in refused} <= {"html-not-allowed", "link-unsafe", "remote-resource", "image-alt-missing"}


@pytest.mark.parametrize("where", ["mentor guide", "docs page", "notebook cell", "yaml text", "tools page"])
def test_no_script_reaches_a_page_from_any_source_file(curriculum_root: Path, where: str) -> None:
    script = '<script>steal()</script>'
    if where == "mentor guide":
        file = f"{MODULE}/mentor-guide.fr.md"
        (curriculum_root / file).write_text((curriculum_root / file).read_text() + script)
    elif where == "docs page":
        file = "docs/fr/index.md"
        (curriculum_root / file).write_text((curriculum_root / file).read_text() + script)
    elif where == "notebook cell":
        file = "notebooks/tiny.ipynb"
        add_notebook_lesson(curriculum_root, text=tiny_notebook().replace("Nous comptons les lignes.", script))
    elif where == "yaml text":
        file = "modules/glossary.yml"
        path = curriculum_root / file
        path.write_text(path.read_text().replace("fr: Un programme", f"fr: Un {script} programme"))
    else:
        file = "tools/charter.md"
        (curriculum_root / "tools").mkdir()
        (curriculum_root / "tools/tools.yml").write_text(
            "- id: charter\n  track: alpha\n  file: charter.md\n  print_pages: 1\n  title: {en: Charter, fr: Charte}\n"
            "  summary: {en: The charter., fr: La charte.}\n")
        (curriculum_root / "tools/charter.md").write_text(f"# Charter\n\nText {script}\n")
        (curriculum_root / "tools/charter.fr.md").write_text("# Charte\n\nTexte.\n")
    _, problems = check_curriculum(curriculum_root)
    assert any(p.path == file and p.rule == "html-not-allowed" for p in problems.errors), \
        [p.format() for p in problems.items]


# --- links written as files sit on disk, rewritten for each page ----------------------------------

def _two_modules(root: Path) -> None:
    """A second module in another track, and a lesson of the first that links everywhere."""
    tracks = root / "modules/tracks.yml"
    tracks.write_text(tracks.read_text() + "- id: beta\n  title: {en: Beta track, fr: Parcours bêta}\n"
                      "  summary: {en: All about beta., fr: Tout sur bêta.}\n")
    import shutil
    shutil.copytree(root / MODULE, root / "modules/beta/beta-basics")
    yml = root / "modules/beta/beta-basics/module.yml"
    yml.write_text(yml.read_text().replace("id: alpha-basics", "id: beta-basics").replace("track: alpha", "track: beta"))
    (root / MODULE / "chart.png").write_bytes(PNG)
    links = ("\nSee [the guide](mentor-guide.md#pitfalls), [the overview](module.yml), "
             "[beta](../../beta/beta-basics/first.md#section), [a term](../../glossary.yml#crawler), "
             "[this part](#section) and ![A chart](chart.png).\n")
    for name in ("first.md", "first.fr.md"):
        (root / MODULE / name).write_text((root / MODULE / name).read_text() + links)


def test_links_point_at_the_generated_page_from_every_page_a_lesson_lands_on(curriculum_root: Path) -> None:
    _two_modules(curriculum_root)
    _, problems = check_curriculum(curriculum_root)
    assert problems.errors == []
    _, trees = compile_curriculum(curriculum_root)
    for lang, tree in trees.items():
        lesson = tree.pages["modules/alpha-basics/first.md"]
        assert ("[the guide](../../mentors/alpha-basics.md#pitfalls), [the overview](index.md), "
                "[beta](../beta-basics/first.md#section), [a term](../../glossary.md#crawler), "
                "[this part](#section) and ![A chart](chart.png)") in lesson
        printable = tree.pages["modules/alpha-basics/print.md"]
        assert "[this part](first.md#section)" in printable and "![A chart](chart.png)" in printable
        assert tree.files["modules/alpha-basics/chart.png"] == PNG


def test_a_link_from_a_mentor_guide_and_a_docs_page(curriculum_root: Path) -> None:
    guide = curriculum_root / MODULE / "mentor-guide.md"
    guide.write_text(guide.read_text() + "\nThe executive reads [the lesson](first.md#section) first.\n")
    index = curriculum_root / "docs/en/index.md"
    index.write_text(index.read_text() + "\nStart with [alpha](../../modules/alpha/alpha-basics/module.yml).\n")
    _, trees = compile_curriculum(curriculum_root)
    assert "[the lesson](../modules/alpha-basics/first.md#section)" in trees["en"].pages["mentors/alpha-basics.md"]
    assert "[alpha](modules/alpha-basics/index.md)" in trees["en"].pages["index.md"]


def test_an_anchor_missing_from_the_untranslated_twin_is_dropped_not_broken(curriculum_root: Path) -> None:
    fr = curriculum_root / MODULE / "first.fr.md"
    fr.write_text(fr.read_text().replace("## Section", "## Partie"))
    en = curriculum_root / MODULE / "first.md"
    en.write_text(en.read_text() + "\nBack to [the section](#section).\n")
    guide = curriculum_root / MODULE / "mentor-guide.md"
    guide.write_text(guide.read_text() + "\nRead [the section](first.md#section).\n")
    (curriculum_root / MODULE / "mentor-guide.fr.md").unlink()
    yml = curriculum_root / MODULE / "module.yml"
    yml.write_text(yml.read_text().replace("status: published", "status: draft"))
    _, trees = compile_curriculum(curriculum_root)
    assert "[the section](../modules/alpha-basics/first.md)" in trees["fr"].pages["mentors/alpha-basics.md"]
    assert "[the section](../modules/alpha-basics/first.md#section)" in trees["en"].pages["mentors/alpha-basics.md"]
