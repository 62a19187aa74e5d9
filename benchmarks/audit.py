"""Lighthouse on every page type of the real curriculum, served with compression: prints the four
category scores and the bytes a first view transfers.

Targets: performance 95 or more (100 wanted); accessibility, best practices and SEO 100. Run `make audit`.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from benchmarks.lighthouse import CATEGORIES, lighthouse, serve_compressed  # noqa: E402
from build_tools.publish.site import build_site  # noqa: E402
from site_pages import page_types  # noqa: E402

PORT = 8765


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SITE_URL"] = f"http://127.0.0.1:{PORT}/"
        site = build_site(REPO, Path(folder) / "site").site
        server = serve_compressed(site, PORT)
        print(f"{'page':18} " + " ".join(f"{c:>15}" for c in CATEGORIES) + f" {'KB sent':>8}")
        for name, path in page_types(REPO).items():
            audit = lighthouse(f"http://127.0.0.1:{PORT}/en/{path}")
            print(f"{name:18} " + " ".join(f"{audit.scores[c]:>15}" for c in CATEGORIES)
                  + f" {audit.transfer_bytes / 1024:>8.0f}")
            for line in audit.weak:
                print(f"{'':18}   {line}")
        server.shutdown()


if __name__ == "__main__":
    main()
