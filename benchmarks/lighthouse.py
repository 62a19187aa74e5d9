"""Lighthouse on a built site served the way a static host serves it (gzip, cache headers):
the four category scores, the bytes a first view transfers, and the audits that lost points.
Used by `make audit` (audit.py) and `make bench` (bench.py)."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")


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


def serve_compressed(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """Serves `site` on 127.0.0.1:port in a background thread; call .shutdown() when done."""
    handler = functools.partial(CompressingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class Audit:
    scores: dict[str, int]
    transfer_bytes: int  # everything a first view downloads, compressed as sent
    requests: int
    weak: list[str] = field(default_factory=list)  # audits that cost points: "category: id (title)"


def lighthouse(url: str) -> Audit:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (make audit and make bench do it)")
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
                        "--only-categories=" + ",".join(CATEGORIES), f"--chrome-flags={CHROME_FLAGS}"],
                       check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")})
        report = json.loads(report_path.read_text())
    categories, audits = report["categories"], report["audits"]
    weak = [f"{category}: {ref['id']} ({audits[ref['id']]['title']})" for category in CATEGORIES
            for ref in categories[category]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 0.9]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    return Audit({category: round(categories[category]["score"] * 100) for category in CATEGORIES},
                 int(audits["total-byte-weight"]["numericValue"]), len(requests), weak)
