"""The site is replaced in one step: a build killed at any moment leaves the previous site whole
and nothing stray in the repository; two builds at once do not interleave.

The kills are real: a process sends itself SIGKILL right before a chosen file-system step
(kill_harness.py), and the test waits for its end, never for a set time.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.pipeline import BuildFailed
from build_tools.publish.site import build_site
from build_tools.publish.swap import build_lock
from test_build import tree_digest

HARNESS = Path(__file__).with_name("kill_harness.py")


def _harness(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HARNESS), *args], capture_output=True, text=True, timeout=600,
                          env=env)


@pytest.mark.parametrize("mode", ["exchange", "renames"])
def test_a_swap_killed_at_any_step_leaves_a_whole_site(tmp_path: Path, mode: str) -> None:
    """Every step of the swap, one kill each. With the exchange (Linux), the site is whole even
    right after the kill; with two renames (elsewhere), the next build puts the old one back."""
    done = _harness("swap", mode, str(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report) >= 4 and all(row["killed"] for row in report[:-1]) and not report[-1]["killed"]
    for row in report:
        if mode == "exchange":
            assert row["after_kill"] in ("old", "new"), row
        assert row["after_recovery"] in ("old", "new"), row
        assert row["left_in_repository"] == [] and row["left_in_build"] == [], row
    assert {row["after_recovery"] for row in report} == {"old", "new"}, "the kills missed one side of the swap"


def _state(site: Path) -> str:
    return json.dumps(tree_digest(site, ["."]), sort_keys=True)


def test_a_real_build_killed_at_random_points_keeps_the_previous_site(curriculum_root: Path, monkeypatch) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    chance = random.Random(seed)
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # the same bytes from every build
    previous = curriculum_root / "site"
    (previous / "en").mkdir(parents=True)
    (previous / "en" / "index.html").write_text("the previous site\n")
    top = sorted(p.name for p in curriculum_root.iterdir())
    seen = [_state(previous)]
    for marker, steps in (("curriculum.site.staging", 400), ("curriculum.site.swap", 6)):
        step = chance.randint(1, steps)
        killed = _harness("build", marker, str(step), str(curriculum_root), env=environment)
        assert killed.returncode == -9, f"seed {seed}, {marker} step {step}: not killed\n{killed.stderr[-2000:]}"
        assert previous.is_dir(), f"seed {seed}: no site/ after a kill at {marker} step {step}"
        assert sorted(p.name for p in curriculum_root.iterdir()) == sorted(set(top) | {"build", "site"}), seed
        seen.append(_state(previous))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", environment["SOURCE_DATE_EPOCH"])
    build_site(curriculum_root)  # the next build: not locked out, clears what the killed ones left
    assert not (curriculum_root / "build" / "site-staging").exists()
    whole = {seen[0], _state(previous)}  # the previous site, or a complete new one
    assert set(seen) <= whole, f"seed {seed}: a killed build left half a site"


def test_two_builds_at_once_do_not_interleave(curriculum_root: Path) -> None:
    with build_lock(curriculum_root.resolve()):
        with pytest.raises(BuildFailed, match=f"another build of this repository is running \\(process {os.getpid()}\\)"):
            build_site(curriculum_root)
    assert not (curriculum_root / "site").exists()
