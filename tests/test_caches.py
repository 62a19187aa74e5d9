"""A warm build makes nothing again; an edit makes again only what depends on it; the build splits
by language across jobs and the parts assemble into the same site."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from build_tools.publish.site import build_site
from build_tools.render.paths import OFFLINE_DOWNLOAD
from fixture import MODULE, write_fixture

NOTHING = {"social cards": 0, "notebooks": 0, "offline editions": 0}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory):
    """The fixture curriculum built cold, warm, then after its English lesson's first paragraph changed."""
    root = write_fixture(tmp_path_factory.mktemp("caches") / "repo")
    cold = build_site(root)
    whole = _texts(cold.site)  # before the edit: what the split build must give back
    offline = _cached_offline(root)
    warm = build_site(root)
    warm.cached_offline = _cached_offline(root)
    lesson = root / MODULE / "first.md"
    lesson.write_text(lesson.read_text().replace("## Section\n\n", "## Section\n\nA new opening sentence. ", 1))
    edited = build_site(root)
    return root, cold, warm, edited, whole, offline


def _cached_offline(root: Path) -> dict[str, int]:
    """What the offline cache holds (each language's edition, the zip), with when it was written."""
    return {path.name: path.stat().st_mtime_ns for path in (root / "build/cache/offline").iterdir()}


def test_a_cold_build_makes_a_card_per_page_in_each_language(builds) -> None:
    root, cold, *_ = builds
    pages = {lang: len(list((cold.site / lang).rglob("index.html"))) for lang in ("en", "fr")}
    assert cold.regenerated["social cards"] == pages["en"] + pages["fr"]
    for lang in ("en", "fr"):  # each language its own cards and manifest
        cache = root / "build/cache/social" / lang
        assert len(list(cache.rglob("*.png"))) == pages[lang] and (cache / "manifest.json").is_file()
    assert cold.regenerated["offline editions"] == 2


def test_a_warm_build_makes_nothing_again(builds) -> None:
    _, _, warm, _, _, offline_after_cold = builds
    assert warm.regenerated == NOTHING
    assert warm.cached_offline == offline_after_cold  # the zip of both languages too
    assert sum(name.startswith("zip-") for name in offline_after_cold) == 1


def test_an_edited_lesson_makes_again_only_its_card_and_its_language_offline_edition(builds) -> None:
    root, _, _, edited, _, offline_before = builds
    assert edited.regenerated == {"social cards": 1, "notebooks": 0, "offline editions": 1}
    offline_after = set(_cached_offline(root))
    by_lang = lambda names, lang: {name for name in names if name.startswith(f"{lang}-")}  # noqa: E731
    assert by_lang(offline_before, "fr") == by_lang(offline_after, "fr")  # the French edition was kept
    assert by_lang(offline_before, "en") != by_lang(offline_after, "en") and len(by_lang(offline_after, "en")) == 1
    html = (edited.site / "en/modules/alpha-basics/first/index.html").read_text()
    assert "A new opening sentence." in html
    with zipfile.ZipFile(edited.site / OFFLINE_DOWNLOAD) as archive:
        assert "A new opening sentence." in archive.read("curriculum-offline/en/modules/alpha-basics/first.html").decode()
        assert "A new opening sentence." not in archive.read("curriculum-offline/fr/modules/alpha-basics/first.html").decode()


def _texts(site: Path) -> dict[str, str]:
    """Every text file of a site by path, and for the others (images, zips) a digest of what they hold."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = str(path.relative_to(site))
        if path.suffix in (".html", ".xml", ".json", ".js", ".css", ".txt", ".svg"):
            found[name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".zip":  # the same members with the same bytes; dates inside may differ
            with zipfile.ZipFile(path) as archive:
                found[name] = sorted((member, hashlib.sha256(archive.read(member)).hexdigest())
                                     for member in archive.namelist())
        elif path.suffix != ".gz":  # sitemap.xml.gz carries its time; sitemap.xml is compared
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_two_jobs_build_one_language_each_and_the_parts_assemble_into_the_same_site(builds, tmp_path: Path) -> None:
    root, *_, whole, _ = builds
    lesson = root / MODULE / "first.md"
    jobs = {}
    for lang in ("en", "fr"):  # as CI jobs would: each its own checkout, run at the same time
        checkout = tmp_path / f"job-{lang}"
        shutil.copytree(root, checkout, ignore=shutil.ignore_patterns("build", "site"))
        (checkout / MODULE / "first.md").write_text(lesson.read_text().replace("A new opening sentence. ", "", 1))
        jobs[lang] = subprocess.Popen([sys.executable, "-m", "build_tools.cli", "--root", str(checkout), "site",
                                       "--lang", lang, "--output", str(tmp_path / f"part-{lang}")],
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for lang, job in jobs.items():
        output = job.communicate(timeout=600)[0]
        assert job.returncode == 0, output
        assert not (tmp_path / f"part-{lang}" / ("fr" if lang == "en" else "en")).exists()
    assembled = subprocess.run([sys.executable, "-m", "build_tools.cli", "--root", str(root), "assemble",
                                str(tmp_path / "part-en"), str(tmp_path / "part-fr"), "--output", str(tmp_path / "site")],
                               capture_output=True, text=True)
    assert assembled.returncode == 0, assembled.stderr
    assert _texts(tmp_path / "site") == whole


def test_assembling_refuses_a_missing_or_doubled_language(builds, tmp_path: Path) -> None:
    from build_tools.pipeline import BuildFailed
    from build_tools.publish.site import assemble_site

    site = builds[3].site
    with pytest.raises(BuildFailed, match="no part holds fr/"):
        shutil.copytree(site / "en", tmp_path / "only-en" / "en")
        assemble_site(tmp_path, [tmp_path / "only-en"], tmp_path / "out")
    with pytest.raises(BuildFailed, match="en/ is in both"):
        assemble_site(tmp_path, [site, tmp_path / "only-en"], tmp_path / "out")
    assert not (tmp_path / "out").exists()
