"""Kills a process at a chosen file-system step of a build, for the kill tests.

An audit hook counts the file-system events (open, rename, remove, mkdir, loading a C function... that
follow a marker event (`curriculum.site.staging` or `curriculum.site.swap`, raised by swap.py) and,
at the K-th, sends SIGKILL to its own process: the process dies right before that step, as if
killed from outside at that instant.

Two uses:
- `python kill_harness.py swap MODE WORKDIR`: the swap alone, on small sites. It counts the steps
  of one swap, then for each step K forks a child that swaps and dies before step K, and reports
  what the site is right after the kill and after the next build's recovery (JSON on stdout).
  MODE is `exchange` (renameat2) or `renames` (the fallback).
- `python kill_harness.py build MARKER K ROOT`: a real build of ROOT, killed at step K after MARKER;
  with K `none`, the build completes and prints how many steps followed MARKER.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import sys
from pathlib import Path

FILE_SYSTEM_EVENTS = ("open", "os.", "shutil.", "ctypes.")


def kill_at(marker: str, step: int | None) -> list[int]:
    """Installs the hook; returns a one-item list that counts the steps seen after the marker."""
    seen = [-1]  # -1: the marker has not been raised yet

    def hook(event: str, args: tuple) -> None:
        if event == marker and seen[0] < 0:
            seen[0] = 0
        elif seen[0] >= 0 and event.startswith(FILE_SYSTEM_EVENTS):
            seen[0] += 1
            if seen[0] == step:
                os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)
    return seen


def digest(folder: Path) -> str | None:
    if not folder.is_dir():
        return None
    hashed = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        hashed.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            hashed.update(path.read_bytes())
    return hashed.hexdigest()


def write_site(folder: Path, version: str) -> None:
    for name in ("index.html", "en/index.html", "fr/index.html", "en/downloads/offline.zip"):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{version} {name}\n" * 50)


def swap_once(root: Path, output: Path, mode: str) -> None:
    from build_tools.publish import swap

    if mode == "renames":
        def unsupported(first, second):
            raise OSError(errno.EINVAL, "no exchange on this file system")
        swap.exchange = unsupported
    area = swap.staging_area(root, output)
    staging = swap.new_staging_folder(area)
    write_site(staging, "new")
    swap.replace_site(staging, output)


def run_in_child(function, marker: str, step: int | None) -> tuple[bool, int]:
    """(killed, steps counted): runs `function` in a forked child that dies at `step`."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        seen = kill_at(marker, step)
        function()
        os.write(writer, str(seen[0]).encode())
        os._exit(0)
    os.close(writer)
    _, status = os.waitpid(pid, 0)  # returns when the child has ended: no sleep
    counted = os.read(reader, 64).decode() or "-1"
    os.close(reader)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, int(counted)


def swap_report(mode: str, workdir: Path) -> list[dict]:
    from build_tools.publish import swap

    root, reference = workdir / "repo", workdir / "reference"
    output = root / "site"
    write_site(reference / "old", "old")
    write_site(reference / "new", "new")
    names = {digest(reference / "old"): "old", digest(reference / "new"): "new"}

    def fresh() -> None:
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        shutil.copytree(reference / "old", output)

    fresh()
    _, steps = run_in_child(lambda: swap_once(root, output, mode), "curriculum.site.swap", None)
    report = []
    for step in range(1, steps + 2):  # the last one is past the end: the swap completes
        fresh()
        killed, _ = run_in_child(lambda: swap_once(root, output, mode), "curriculum.site.swap", step)
        after_kill = names.get(digest(output), "broken" if output.exists() else "missing")
        swap.recover(swap.staging_area(root, output), output)  # what the next build does first
        report.append({"step": step, "of": steps, "killed": killed, "after_kill": after_kill,
                       "after_recovery": names.get(digest(output), "broken" if output.exists() else "missing"),
                       "left_in_repository": sorted(p.name for p in root.iterdir() if p.name not in ("build", "site")),
                       "left_in_build": sorted(p.name for p in (root / "build").iterdir() if p.name != "build.lock")})
    return report


def main(argv: list[str]) -> None:
    if argv[0] == "swap":
        print(json.dumps(swap_report(argv[1], Path(argv[2]))))
    elif argv[0] == "build":
        from build_tools.publish.site import build_site

        seen = kill_at(argv[1], int(argv[2]) if argv[2] != "none" else None)
        build_site(Path(argv[3]))
        print(seen[0])  # not killed: how many steps followed the marker


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main(sys.argv[1:])
