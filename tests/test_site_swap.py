"""The site is replaced in one step: a build killed at any moment leaves the previous site whole
and nothing stray in the repository; two builds at once do not interleave.

The kills are real: a process sends itself SIGKILL right before a chosen file-system step
(kill_harness.py), and the test waits for its end, never for a set time.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.pipeline import BuildFailed
from build_tools.publish.site import build_site
from build_tools.publish.swap import build_lock, recover, staging_area
from test_build import tree_digest

HARNESS = Path(__file__).with_name("kill_harness.py")


def _state(site: Path) -> str:
    return json.dumps(tree_digest(site, ["."]), sort_keys=True)


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


def test_a_real_build_killed_at_a_random_point_keeps_the_previous_site(curriculum_root: Path) -> None:
    """A whole build first counts its steps from the moment its staging folder exists; then, from
    the previous site again, a build is killed at a random one of them."""
    seed = int.from_bytes(os.urandom(4), "big")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # the same bytes from every build
    site = curriculum_root / "site"
    previous = curriculum_root / "previous-site"
    (previous / "en").mkdir(parents=True)
    (previous / "en" / "index.html").write_text("the previous site\n")
    shutil.copytree(previous, site)
    top = sorted(p.name for p in curriculum_root.iterdir())
    whole = _harness("build", "curriculum.site.staging", "none", str(curriculum_root), env=environment)
    assert whole.returncode == 0, whole.stderr[-2000:]
    steps, new = int(whole.stdout.split()[-1]), _state(site)
    shutil.rmtree(site)
    shutil.copytree(previous, site)
    shutil.rmtree(curriculum_root / "build" / "cache")  # the same cold build again: as many steps
    step = random.Random(seed).randint(1, steps)
    killed = _harness("build", "curriculum.site.staging", str(step), str(curriculum_root), env=environment)
    assert killed.returncode == -9, f"step {step} of {steps}: not killed\n{killed.stderr[-2000:]}"
    assert _state(site) in (_state(previous), new), f"step {step} of {steps}: half a site"
    assert sorted(p.name for p in curriculum_root.iterdir()) == sorted(set(top) | {"build"}), f"step {step}"
    recover(staging_area(curriculum_root.resolve(), site.resolve()), site.resolve())  # the next build's first step
    assert _state(site) in (_state(previous), new) and not (curriculum_root / "build" / "site-staging").exists()
    with build_lock(curriculum_root.resolve()):  # the killed build's lock went with it
        pass


def test_two_builds_at_once_do_not_interleave(curriculum_root: Path) -> None:
    with build_lock(curriculum_root.resolve()):
        with pytest.raises(BuildFailed, match=f"another build of this repository is running \\(process {os.getpid()}\\)"):
            build_site(curriculum_root)
    assert not (curriculum_root / "site").exists()
