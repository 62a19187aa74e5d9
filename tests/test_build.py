"""Whole builds: the site for the fixture and for the real curriculum, and the scaffold."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from build_tools.cli import main
from build_tools.sources.loader import load_curriculum
from build_tools.pipeline import BuildFailed
from build_tools.sources.problems import Problems
from build_tools.publish.site import build_site
from build_tools.render import glossary
from fixture import REPO

SOURCE_DIRS = ("modules", "notebooks", "docs")


def tree_digest(root: Path, names=SOURCE_DIRS) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for name in names if (root / name).exists() for p in sorted((root / name).rglob("*")) if p.is_file()}


def test_fixture_site_has_both_languages_and_a_chooser(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    chooser = (site / "index.html").read_text()
    assert '<a href="en/" hreflang="en"' in chooser and '<a href="fr/" hreflang="fr"' in chooser
    assert "navigator.languages" in chooser
    fr = (site / "fr/modules/alpha-basics/first/index.html").read_text()
    assert '<html lang="fr"' in fr
    assert "Première leçon" in fr
    assert '"lang":["fr"]' in (site / "fr/search/search_index.json").read_text().replace(" ", "")


def test_language_switcher_points_at_the_same_page(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    page = (site / "en/modules/alpha-basics/quiz/index.html").read_text()
    links = dict((lang, href) for href, lang in re.findall(r'href="([^"]+)" hreflang="(\w+)" lang=', page))
    assert links == {"en": "../../../../en/modules/alpha-basics/quiz/",
                     "fr": "../../../../fr/modules/alpha-basics/quiz/"}
    target = (site / "en/modules/alpha-basics/quiz" / links["fr"] / "index.html").resolve()
    assert target == (site / "fr/modules/alpha-basics/quiz/index.html").resolve() and target.is_file()


def test_no_page_asks_a_third_party_host(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    for page in site.rglob("*.html"):
        html = page.read_text()
        # what a browser fetches by itself: scripts, images, frames, stylesheets, preloads
        fetched = re.findall(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(https?:)?//([^"]+)"', html)
        fetched += [m for m in re.findall(r'<link\b([^>]*)>', html)
                    if re.search(r'rel="(stylesheet|preload|preconnect|icon|manifest|modulepreload)"', m)
                    and re.search(r'href="(https?:)?//', m)]
        assert not fetched, f"{page}: {fetched}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_a_failed_build_leaves_the_previous_site(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    before = tree_digest(site, ["."])
    yml = curriculum_root / "modules/alpha/alpha-basics/module.yml"
    yml.write_text(yml.read_text().replace("answer: a", "answer: z"))
    with pytest.raises(BuildFailed) as failure:
        build_site(curriculum_root)
    assert "module.yml:" in failure.value.report() and "quiz-answer-unknown" in failure.value.report()
    assert tree_digest(site, ["."]) == before


def test_a_broken_link_fails_the_strict_build_and_keeps_the_site(curriculum_root: Path) -> None:
    site = build_site(curriculum_root).site
    before = tree_digest(site, ["."])
    lesson = curriculum_root / "modules/alpha/alpha-basics/first.md"
    lesson.write_text(lesson.read_text() + "\nSee [the other lesson](nowhere.md).\n")
    with pytest.raises(BuildFailed) as failure:
        build_site(curriculum_root)
    assert "nowhere.md" in failure.value.report()
    assert tree_digest(site, ["."]) == before


def test_cli_site_reports_errors_without_traceback(curriculum_root: Path) -> None:
    yml = curriculum_root / "modules/alpha/alpha-basics/module.yml"
    yml.write_text(yml.read_text() + "level: advanced\n")
    result = CliRunner().invoke(main, ["--root", str(curriculum_root), "site"])
    assert result.exit_code == 1
    assert "duplicate-key" in result.output and "Traceback" not in result.output
    assert not (curriculum_root / "site").exists()


# --- the scaffold ----------------------------------------------------------------------------

def test_new_module_passes_check_as_a_draft(curriculum_root: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(curriculum_root), "new", "alpha", "alpha-next"])
    assert result.exit_code == 0, result.output
    folder = curriculum_root / "modules/alpha/alpha-next"
    for name in ("module.yml", "first-lesson.md", "first-lesson.fr.md", "mentor-guide.md", "mentor-guide.fr.md"):
        assert (folder / name).is_file()
    assert "order: 2" in (folder / "module.yml").read_text()
    check = runner.invoke(main, ["--root", str(curriculum_root), "check"])
    assert check.exit_code == 0, check.output
    assert "error" not in "".join(line for line in check.stdout.splitlines() if "alpha-next" in line and "warning" not in line)
    # building it: tests/test_end_to_end.py


@pytest.mark.parametrize("args, message", [
    (["alpha", "alpha-basics"], "already exists"),
    (["alpha", "Bad Id"], "lower-case"),
    (["nowhere", "nowhere-one"], "not in modules/tracks.yml"),
])
def test_new_module_refuses_bad_arguments(curriculum_root: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(curriculum_root), "new", *args])
    assert result.exit_code == 1 and message in result.output


# --- the real curriculum ---------------------------------------------------------------------

def _real_modules() -> list[str]:
    return sorted(p.parent.name for p in (REPO / "modules").glob("*/*/module.yml"))


def test_real_curriculum_checks_without_error() -> None:
    result = CliRunner().invoke(main, ["--root", str(REPO), "check"])
    assert result.exit_code == 0, result.output


def test_real_build_leaves_the_sources_byte_for_byte(real_site) -> None:
    _, before, after, _ = real_site
    assert before and before == after


def test_real_curriculum_has_modules() -> None:
    assert len(_real_modules()) >= 3


@pytest.mark.parametrize("module_id", _real_modules())
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_module_is_published_in_both_languages(real_site, module_id: str, lang: str) -> None:
    site = real_site[0] / lang
    problems = Problems(REPO)
    module = load_curriculum(REPO, problems).module(module_id)
    pages = ["", "quiz/", "practice/"] + [f"{lesson.slug}/" for lesson in module.lessons]
    for page in pages:
        html = (site / "modules" / module_id / page / "index.html").read_text()
        assert f'<html lang="{lang}"' in html
    guide = (site / "mentors" / module_id / "index.html").read_text()
    assert f'href="../../modules/{module_id}/"' in guide


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_glossary_files_every_term_under_a_letter_without_tooltips(real_site, lang: str) -> None:
    article = (real_site[0] / lang / "glossary" / "index.html").read_text().split("<article", 1)[1]
    terms = load_curriculum(REPO, Problems(REPO)).glossary
    assert article.count('class="rm-glossary__entry"') == len(terms)
    assert all(f'id="{term_id}"' in article for term_id in terms)
    letters = re.findall(r'<h2 id="letter_([a-z])">([A-Z])</h2>', article)
    assert len(letters) > 10 and all(anchor.upper() == letter for anchor, letter in letters)
    assert "<abbr" not in article  # every definition is on the page already


def test_tables_leave_the_build_framed_for_scrolling(real_site) -> None:
    """Material's script moves a plain table into this frame after the first paint (a long task on a
    page of tables); the build writes the frame, and the class keeps the script's hands off."""
    framed = 0
    for page in (real_site[0] / "en").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<table>" not in html, page
        framed += html.count('<div class="rm-table-frame"><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                             '<table class="rm-table">')
    assert framed > 20


def test_a_large_glossary_builds_with_a_page_per_letter(curriculum_root: Path, monkeypatch) -> None:
    monkeypatch.setattr(glossary, "SINGLE_PAGE_UP_TO", 0)  # the fixture's one term, as if there were thousands
    site = build_site(curriculum_root).site  # strict: every link to a term must find its page and anchor
    letter = (site / "en" / "glossary" / "c" / "index.html").read_text(encoding="utf-8").split("<article", 1)[1]
    assert 'id="crawler"' in letter and "<abbr" not in letter
    assert 'href="c/"' in (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    overview = (site / "fr" / "modules" / "alpha-basics" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../glossary/r/#crawler"' in overview
