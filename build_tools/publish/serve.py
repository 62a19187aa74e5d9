"""`curriculum serve`: build, serve on 127.0.0.1, rebuild when a source changes."""
from __future__ import annotations

from pathlib import Path

from ..pipeline import BuildFailed
from .site import SOURCE_DIRS, build_site


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    from mkdocs.livereload import LiveReloadServer

    root = root.resolve()
    output = root / "site"

    def rebuild() -> None:
        try:
            result = build_site(root, output)
            print(f"built site/ in {result.seconds:.1f} s", flush=True)
        except BuildFailed as failure:
            print(failure.report(), flush=True)
            print("the previous site is still served; fix the problems above and save", flush=True)

    rebuild()
    print(f"serving on http://{host}:{port}/ (Ctrl+C to stop); watching {', '.join(SOURCE_DIRS)}", flush=True)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(output))
    for name in SOURCE_DIRS + ("mkdocs.yml",):
        if (root / name).exists():
            server.watch(str(root / name))
    try:
        server.serve()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.shutdown()
