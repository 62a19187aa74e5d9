"""`curriculum serve`: a fast preview on 127.0.0.1, rebuilt where a source changes (see live.py)."""
from __future__ import annotations

import os
import traceback
from pathlib import Path

from .. import LANGUAGES
from ..pipeline import BuildFailed
from .live import LivePreview
from .site import SOURCE_DIRS


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, languages: tuple[str, ...] = LANGUAGES) -> None:
    from mkdocs.livereload import LiveReloadServer

    root = root.resolve()
    # the preview's canonical links and sitemap name the address it is served at (mkdocs.yml reads
    # SITE_URL): Material's instant navigation loads only the addresses its sitemap lists, port included
    os.environ["SITE_URL"] = f"http://{host}:{port}/"
    output = root / "site"
    preview = LivePreview(root, output, languages)

    def rebuild() -> None:
        rebuild_keeping_last_good_site(preview)

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


def rebuild_keeping_last_good_site(preview: LivePreview) -> bool:
    """Rebuilds the preview; on any error, the checker's or not (MkDocs, a plugin, a library), says
    why and returns False: the last good pages stay in place and stay served."""
    try:
        result = preview.rebuild()
    except BuildFailed as failure:
        print(failure.report(), flush=True)
    except (Exception, SystemExit) as error:  # noqa: BLE001  (serve must outlive any build)
        traceback.print_exc()
        print(f"the build stopped on an unexpected error, not in the sources' checks: "
              f"{type(error).__name__}: {error}", flush=True)
    else:
        rebuilt = ", ".join(f"{lang}: {what}" for lang, what in result.languages.items())
        print(f"preview rebuilt in {result.seconds:.1f} s ({rebuilt})", flush=True)
        return True
    print("the previous site is still served; fix the problems above and save", flush=True)
    return False
