"""Lighthouse on four page types, served with compression: prints the four category scores.

Targets: performance 95 or more; accessibility, best practices and SEO 100. Run `make audit`.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_tools.sources.loader import load_curriculum  # noqa: E402
from build_tools.sources.problems import Problems  # noqa: E402
from build_tools.publish.site import build_site  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text, like any production host, and sets cache headers."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def pages() -> dict[str, str]:
    curriculum = load_curriculum(REPO, Problems(REPO))
    modules = [m for track in curriculum.tracks for m in curriculum.track_modules(track.id)]
    lesson = next(l for l in modules[0].lessons if l.notebook is None)
    notebook = next((m, l) for m in modules for l in m.lessons if l.notebook is not None)
    return {"home": "en/", "lesson": f"en/modules/{modules[0].id}/{lesson.slug}/",
            "notebook lesson": f"en/modules/{notebook[0].id}/{notebook[1].slug}/",
            "mentor guide": f"en/mentors/{modules[0].id}/"}


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (make audit does it)")
    with tempfile.TemporaryDirectory() as folder:
        port = 8765
        os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
        site = build_site(REPO, Path(folder) / "site").site
        handler = functools.partial(CompressingHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"{'page':16} " + " ".join(f"{c:>15}" for c in CATEGORIES))
        for name, path in pages().items():
            report = Path(folder) / "report.json"
            subprocess.run([str(LIGHTHOUSE), f"http://127.0.0.1:{port}/{path}", "--quiet", "--output=json",
                            f"--output-path={report}", "--only-categories=" + ",".join(CATEGORIES),
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"
                            " --disable-component-update --no-first-run"],
                           check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")})
            scores = json.loads(report.read_text())["categories"]
            print(f"{name:16} " + " ".join(f"{round(scores[c]['score'] * 100):>15}" for c in CATEGORIES))
            audits = json.loads(report.read_text())["audits"]
            for category in CATEGORIES:
                for ref in scores[category]["auditRefs"]:
                    audit = audits[ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                        print(f"{'':16}   {category}: {ref['id']} ({audit['title']})")
        server.shutdown()


if __name__ == "__main__":
    main()
