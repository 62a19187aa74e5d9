"""Where and how a notebook's kernel runs: contained, so that a notebook from a pull request can
spoil neither the project, nor the builder, nor the next build.

- A working folder of its own: a copy of the notebook's folder (its data and helpers) in the
  system's temporary folder, removed afterwards. HOME, TMPDIR, IPython's and matplotlib's
  folders, the kernel's connection file and sockets are all inside it.
- A clean environment: a handful of variables set here, none of the builder's (its tokens,
  SITE_URL...); only SOURCE_DATE_EPOCH passes, so that charts are reproducible.
- Read-only: where the machine allows it (Linux, `unshare` from util-linux, as root or with user
  namespaces), the kernel gets its own mount, PID and network namespaces, and guard.py makes the
  whole file system read-only except the working folder, before any author code runs. In every
  case guard.py installs an audit hook that refuses Python-level writes into the project.
- No process left behind: every process started from the kernel inherits a token in its
  environment; when the run ends, any process still carrying it is killed, and the build waits
  until it is gone. In a PID namespace, the end of the kernel ends them all anyway, and `setpriv
  --pdeathsig` ends the namespace should the build itself be killed.
"""
from __future__ import annotations

import functools
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from jupyter_client.manager import AsyncKernelManager
from traitlets import List, Unicode
from traitlets.config import Config

RUN_TOKEN = "CURRICULUM_NOTEBOOK_RUN"
SANDBOX_PREFIX = "curriculum-notebook-"  # then the builder's process id: a killed build's folders are found
PASSED_VARIABLES = ("SOURCE_DATE_EPOCH",)  # the only variables of the builder a notebook sees
GUARD = [sys.executable, "-m", "build_tools.notebooks.guard"]
_MATPLOTLIBRC = "svg.hashsalt: curriculum\n"  # the same SVG ids in every build, whoever draws the chart


@dataclass(frozen=True)
class Containment:
    """What this machine lets the build enforce on a notebook."""

    namespaces: bool  # own mount, PID and network namespaces: the file system read-only for any process
    prefix: tuple[str, ...]  # the command that puts the kernel in them

    def describe(self) -> str:
        if self.namespaces:
            return "own mount, PID and network namespaces; file system read-only but the working folder"
        return "no namespaces here: Python-level writes into the project refused by an audit hook"


def protected_paths(root: Path) -> list[str]:
    """The project and the Python the build runs with: a notebook must change neither."""
    build_tools = Path(__file__).resolve().parents[1]
    return sorted({str(root.resolve()), sys.prefix, sys.base_prefix, str(build_tools)})


@functools.cache
def containment(root: Path) -> Containment:
    """Tries, once per build process, to start the guard inside new namespaces."""
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return Containment(False, ())
    prefix = (unshare, "--mount", "--pid", "--net", "--fork", "--kill-child")
    if os.geteuid() != 0:
        prefix += ("--user", "--map-root-user")
    setpriv = shutil.which("setpriv")
    if setpriv is not None:  # should the build be killed, `unshare` gets SIGKILL, and the kernel with it
        prefix = (setpriv, "--pdeathsig", "KILL", *prefix)
    with tempfile.TemporaryDirectory(prefix="curriculum-probe-") as folder:
        probe = [*prefix, *GUARD, "--writable", folder, "--read-only-mounts", "--probe",
                 *[f"--protect={path}" for path in protected_paths(root)]]
        try:
            works = subprocess.run(probe, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, timeout=60).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            works = False
    return Containment(works, prefix if works else ())


class ContainedKernelManager(AsyncKernelManager):
    """Starts the kernel through the guard (and `unshare` when available)."""

    command_prefix = List(Unicode(), config=True, help="what runs the kernel's command")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*self.command_prefix, "--", *super().format_kernel_cmd(extra_arguments)]


@dataclass
class Sandbox:
    folder: Path  # everything the run may write
    cwd: Path  # the copy of the notebook's folder, where the notebook runs
    env: dict[str, str]
    token: str
    config: Config  # for NotebookClient: the kernel manager, its connection file and sockets


@contextmanager
def sandbox(notebook_folder: Path, root: Path) -> Iterator[Sandbox]:
    """A contained run of one notebook; on leaving, its processes are gone and its folder too."""
    _clear_stale_sandboxes()
    folder = Path(tempfile.mkdtemp(prefix=f"{SANDBOX_PREFIX}{os.getpid()}-")).resolve()
    token = secrets.token_hex(16)
    try:
        cwd = folder / "work"
        shutil.copytree(notebook_folder, cwd, ignore=shutil.ignore_patterns("*.ipynb", ".*", "__pycache__"))
        env = _clean_environment(folder, token)
        rules = containment(root.resolve())
        guard = [*rules.prefix, *GUARD, "--writable", str(folder),
                 *[f"--protect={path}" for path in protected_paths(root)]]
        if rules.namespaces:
            guard.append("--read-only-mounts")
        manager = {"command_prefix": guard, "connection_file": str(folder / "kernel.json")}
        if rules.namespaces:  # no network inside: the kernel talks to the build over Unix sockets
            manager.update(transport="ipc", ip=str(folder / "kernel"))
        yield Sandbox(folder, cwd, env, token, Config({"ContainedKernelManager": manager}))
    finally:
        stop_processes(token)
        shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def _clear_stale_sandboxes() -> None:
    """Removes, once per build process, the working folders of builds that were killed."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SANDBOX_PREFIX}*-*"):
        owner = folder.name.removeprefix(SANDBOX_PREFIX).split("-")[0]
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's
        return True
    return True


def _clean_environment(folder: Path, token: str) -> dict[str, str]:
    home, temporary, matplotlib = folder / "home", folder / "tmp", folder / "home" / ".matplotlib"
    for path in (home, temporary, matplotlib):
        path.mkdir(parents=True, exist_ok=True)
    (matplotlib / "matplotlibrc").write_text(_MATPLOTLIBRC, encoding="utf-8")
    font_list = _font_list()
    if font_list is not None:  # matplotlib would spend a second or two finding the fonts again
        shutil.copy(font_list, matplotlib / font_list.name)
    env = {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(home), "TMPDIR": str(temporary), "MPLCONFIGDIR": str(matplotlib),
        "IPYTHONDIR": str(home / ".ipython"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONNOUSERSITE": "1",
        RUN_TOKEN: token,
    }
    env.update({name: os.environ[name] for name in PASSED_VARIABLES if name in os.environ})
    return env


@functools.cache
def _font_list() -> Path | None:
    """matplotlib's list of fonts, as the build's own matplotlib made it (outside the project)."""
    try:
        import matplotlib
        from matplotlib import font_manager  # noqa: F401  (finds the fonts once, if not yet done)
    except ImportError:
        return None
    found = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json"))
    return found[-1] if found else None


def processes_carrying(token: str) -> list[int]:
    """The live processes whose environment holds the run's token (Linux: /proc)."""
    marker = f"{RUN_TOKEN}={token}\0".encode()
    found = []
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else []:
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as environ:
                    if marker in environ.read():
                        found.append(int(entry.name))
            except OSError:  # gone meanwhile, or not ours
                pass
    return found


def stop_processes(token: str, seconds: float = 30) -> None:
    """Kills every process of the run, including those that left the kernel's process group,
    and waits until each has ended (a pidfd tells when), a bounded time."""
    deadline = time.monotonic() + seconds
    while (pids := processes_carrying(token)) and time.monotonic() < deadline:
        for pid in pids:
            _kill_and_wait(pid, deadline)


def _kill_and_wait(pid: int, deadline: float) -> None:
    try:
        handle = os.pidfd_open(pid)
    except (OSError, AttributeError):
        handle = None
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if handle is not None:
        select.select([handle], [], [], max(0.0, deadline - time.monotonic()))  # readable once it has ended
        os.close(handle)
