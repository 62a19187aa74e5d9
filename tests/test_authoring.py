"""What an author meets around the content: new-lesson, report, and the GitHub project's files
(workflows that call the Makefile's targets, templates, CONTRIBUTING)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from build_tools.cli import main
from fixture import MODULE, REPO

WORKFLOWS = REPO / ".github" / "workflows"


def _cli(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), *args])


# --- new-lesson --------------------------------------------------------------------------------

def test_new_lesson_adds_both_files_and_one_line_keeping_the_comments(curriculum_root: Path) -> None:
    assert _cli(curriculum_root, "new", "alpha", "alpha-next").exit_code == 0
    yml = curriculum_root / "modules/alpha/alpha-next/module.yml"
    before = yml.read_text().splitlines()
    result = _cli(curriculum_root, "new-lesson", "alpha-next", "reading-the-report")
    assert result.exit_code == 0, result.output
    after = yml.read_text().splitlines()
    added = [line for line in after if line not in before]
    assert added == ["  - file: reading-the-report.md"]
    assert [line for line in after if line != added[0]] == before  # every comment kept, in place
    assert after.index(added[0]) == after.index("  - file: first-lesson.md") + 1
    for name in ("reading-the-report.md", "reading-the-report.fr.md"):
        assert (yml.parent / name).read_text().startswith("# Reading the report\n")
    check = _cli(curriculum_root, "check")
    assert check.exit_code == 0, check.output
    assert [line for line in check.stdout.splitlines() if "reading-the-report" in line and "lesson-length" not in line] == []


@pytest.mark.parametrize("args, message", [
    (["alpha-basic", "next"], "did you mean 'alpha-basics'?"),
    (["alpha-basics", "First Lesson"], "lower-case"),
    (["alpha-basics", "first"], "already exists"),
])
def test_new_lesson_refuses_with_a_reason(curriculum_root: Path, args: list[str], message: str) -> None:
    result = _cli(curriculum_root, "new-lesson", *args)
    assert result.exit_code == 1 and message in result.output


# --- report ------------------------------------------------------------------------------------

def test_report_prints_a_row_per_module(curriculum_root: Path) -> None:
    yml = curriculum_root / MODULE / "module.yml"
    yml.write_text(yml.read_text().replace("last_reviewed: ", "last_reviewed: 2020-01-01 #"))
    result = _cli(curriculum_root, "report")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("| alpha-basics"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[:4] == ["alpha-basics", "published", "en, fr", "2/2"]
    assert cells[5] == "1" and cells[8] == "2020-01-01" and cells[9] == "2020-12-31 (overdue)"
    assert cells[10] == "complete"


# --- the GitHub project ------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(), re.M))


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_pull_requests_are_checked_tested_and_built_with_a_preview() -> None:
    workflow = _workflow("pull-request.yml")
    assert "pull_request" in workflow["on"]
    runs = {name: _runs(job) for name, job in workflow["jobs"].items()}
    commands = [command for job in runs.values() for command in job]
    assert {"make check", "make test", "make site"} <= set(commands)
    build = next(job for job in workflow["jobs"].values() if "make site" in _runs(job))
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site" and "preview" in upload["with"]["name"]


def test_main_is_deployed_with_the_official_pages_actions() -> None:
    workflow = _workflow("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    jobs = workflow["jobs"]
    build = next(job for job in jobs.values() if "actions/upload-pages-artifact" in _uses(job))
    assert _uses(build)[-1] == "actions/upload-pages-artifact"
    deploy = next(job for job in jobs.values() if "actions/deploy-pages" in _uses(job))
    assert deploy["needs"] in ("build", ["build"]) and deploy["environment"]["name"] == "github-pages"


def test_each_language_is_built_in_its_own_job_and_the_parts_assembled() -> None:
    """The split build of the README's "Speed and scale": a matrix job per language, then one job
    that joins the parts, with the Makefile's targets and the artifacts' names in step."""
    from build_tools import LANGUAGES

    jobs = _workflow("deploy.yml")["jobs"]
    language = next(job for job in jobs.values() if "matrix" in job.get("strategy", {}))
    assert language["strategy"]["matrix"]["lang"] == list(LANGUAGES)
    part = next(step for step in language["steps"] if step.get("run", "").startswith("make site-part"))
    assert part["run"] == "make site-part SITE_LANG=${{ matrix.lang }}"
    assert "steps.pages.outputs.base_url" in part["env"]["SITE_URL"] and "actions/configure-pages" in _uses(language)
    cache = next(step for step in language["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "build/cache" and "matrix.lang" in cache["with"]["key"]
    upload = next(step for step in language["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "part-${{ matrix.lang }}" and upload["with"]["path"].rstrip("/") == "part-${{ matrix.lang }}"
    build = next(name for name, job in jobs.items() if "make assemble" in _runs(job))
    assert jobs[build]["needs"] in ("language", ["language"])
    download = next(step for step in jobs[build]["steps"] if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["pattern"] == "part-*" and download["with"]["path"] == "."  # part-en/, part-fr/
    assert _runs(jobs[build]).index("make assemble") > _runs(jobs[build]).index(".ci/install")
    dry = {target: _make_dry_run(target, "SITE_LANG=fr") for target in ("site-part", "assemble")}
    assert ".venv/bin/curriculum site --lang fr --output part-fr" in dry["site-part"]
    assert ".venv/bin/curriculum assemble" in dry["assemble"] and "--output site" in dry["assemble"]


def _make_dry_run(target: str, *variables: str) -> str:
    import subprocess

    done = subprocess.run(["make", "-n", target, *variables], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_workflows_call_the_makefile_after_installing_what_ci_installs(name: str) -> None:
    for job in _workflow(name)["jobs"].values():
        runs = _runs(job)
        makes = [command for command in runs if command.startswith("make ")]
        for command in makes:
            assert command.split()[1] in _make_targets(), command
        if makes:
            assert runs.index(".ci/install") < runs.index(makes[0])
            container = job.get("container", "")
            image = container.get("image", "") if isinstance(container, dict) else container
            assert image.startswith("python:3.11")  # Debian, where .ci/install's apt works


def test_ci_run_installs_the_same_packages_as_the_workflows() -> None:
    run = (REPO / ".ci/run").read_text()
    assert ".ci/install" in run and "make test" in run
    assert "chromium" in (REPO / ".ci/install").read_text()


def test_the_pull_request_template_holds_the_review_checklist() -> None:
    template = (REPO / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    headings = [line.strip("* ").lower() for line in template.splitlines() if line.startswith("**")]
    for part in ("content standards", "sources", "translation", "mentor guide", "checks"):
        assert any(part in heading for heading in headings), part
    assert template.count("- [ ]") >= 12


def test_the_issue_template_proposes_a_lesson() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/propose-a-lesson.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    required = [item["id"] for item in form["body"] if item.get("validations", {}).get("required")]
    assert {"module", "idea", "sources"} <= set(required)


def test_contributing_points_to_the_authors_guide() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert {"docs/en/contribute.md", "docs/fr/contribute.md"} <= set(links)
    assert all((REPO / link).is_file() for link in links if not link.startswith("http"))
    assert len(text.split()) < 400  # short: the guide says the rest
