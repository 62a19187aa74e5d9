"""The notebook kernel's first steps, before any author code runs: shut the project for writing.

Run as `python -m build_tools.notebooks.guard --writable DIR --protect PATH... [--read-only-mounts]
-- python -m ipykernel_launcher -f CONNECTION_FILE`. It
1. with `--read-only-mounts` (inside the new mount namespace that `unshare` made for it), makes
   the root mount and every mount that holds a protected path read-only, the working folder
   excepted: the kernel and any process it starts, root included, get EROFS on a write there;
2. installs a Python audit hook, which cannot be removed, that refuses Python-level writes (open
   for writing, remove, rename, mkdir...) into a protected path outside the working folder, with a
   message an author understands; it holds where namespaces are not available;
3. runs the kernel in this same process.
"""
from __future__ import annotations

import argparse
import ctypes
import errno
import os
import runpy
import sys

# mount(2) flags, and the statvfs flags that a read-only remount must keep (they share values)
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_NOATIME, MS_NODIRATIME = 32, 4096, 1024, 2048
MS_RELATIME, ST_RELATIME = 1 << 21, 4096
_KEPT_FLAGS = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# audit event -> the positions of its arguments that name a path written to
_WRITING_EVENTS = {
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,),
    "os.truncate": (0,), "os.utime": (0,), "os.rename": (0, 1), "os.link": (1,), "os.symlink": (1,),
    "os.setxattr": (0,), "os.removexattr": (0,), "shutil.rmtree": (0,), "shutil.copyfile": (1,),
    "shutil.copytree": (1,), "shutil.move": (0, 1),
}
_DIR_FD = {"os.remove": 1, "os.rmdir": 1, "os.mkdir": 2, "os.chmod": 2, "os.rename": 2, "os.symlink": 2, "os.utime": 3}


def _mount(libc, source: str | None, target: str, flags: int) -> None:
    if libc.mount(source and source.encode(), target.encode(), None, flags, None) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {target}: {os.strerror(error)}")


def _mount_point(path: str) -> str:
    path = os.path.realpath(path)
    while not os.path.ismount(path):
        path = os.path.dirname(path)
    return path


def make_read_only(protected: list[str], writable: str) -> None:
    """The root mount, and every mount that holds a protected path, become read-only in this mount
    namespace; the working folder is first made a mount of its own, which stays writable. Other
    mounts (/dev, /proc, /dev/shm) are left as they are."""
    libc = ctypes.CDLL(None, use_errno=True)
    _mount(libc, writable, writable, MS_BIND)
    for point in sorted({"/"} | {_mount_point(path) for path in protected}):
        flags = os.statvfs(point).f_flag
        kept = (flags & _KEPT_FLAGS) | (MS_RELATIME if flags & ST_RELATIME else 0)
        _mount(libc, None, point, MS_REMOUNT | MS_BIND | MS_RDONLY | kept)
    os.chdir(os.getcwd())  # the folder we started in, seen again through the new, writable mount


def refuse_writes(protected: list[str], writable: str) -> None:
    """An audit hook: a Python-level write into a protected path, outside `writable`, raises."""
    protected = [os.path.realpath(path) for path in protected]
    writable = os.path.realpath(writable)
    inside = lambda path, folder: path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)  # noqa: E731
    busy = []

    def target(event: str, args: tuple, index: int) -> str | None:
        path = args[index] if index < len(args) else None
        if not isinstance(path, (str, bytes, os.PathLike)):
            return None  # a file descriptor: opened earlier, and checked then
        path = os.fsdecode(path)
        dir_fd = args[_DIR_FD[event]] if event in _DIR_FD and len(args) > _DIR_FD[event] else None
        if isinstance(dir_fd, int) and dir_fd >= 0 and not os.path.isabs(path):
            path = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
        return os.path.realpath(path)

    def hook(event: str, args: tuple) -> None:
        if busy:  # realpath and readlink below may raise events of their own
            return
        if event == "open":
            positions = (0,) if len(args) > 2 and isinstance(args[2], int) and args[2] & _WRITE_FLAGS else ()
        else:
            positions = _WRITING_EVENTS.get(event, ())
        if not positions:
            return
        busy.append(True)
        try:
            paths = [target(event, args, index) for index in positions]
        finally:
            busy.pop()
        for path in paths:
            if path and not inside(path, writable) and any(inside(path, folder) for folder in protected):
                raise PermissionError(errno.EACCES, "a notebook may not write into the project or the build's "
                                      "Python: write into its working folder (the current folder) instead", path)

    sys.addaudithook(hook)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writable", required=True)
    parser.add_argument("--protect", action="append", default=[])
    parser.add_argument("--read-only-mounts", action="store_true")
    parser.add_argument("--probe", action="store_true", help="set up, then exit 0 without a kernel")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    if options.read_only_mounts:
        make_read_only(options.protect, options.writable)
    refuse_writes(options.protect, options.writable)
    if options.probe:
        return
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if command[1:2] != ["-m"]:
        raise SystemExit(f"guard: expected `python -m module ...`, got {command}")
    sys.argv = [command[2], *command[3:]]
    runpy.run_module(command[2], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
