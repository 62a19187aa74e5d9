"""Without Chromium the browser tests fail and say how to install it; they are never skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_missing_chromium_fails_with_the_install_command() -> None:
    here = Path(__file__).parent
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(here / "test_behaviour.py"),
         "-k", "glossary_terms_carry"],
        env={**os.environ, "CHROMIUM": "/nonexistent/chromium"}, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "apt-get install -y chromium" in result.stdout
    assert "skipped" not in result.stdout.splitlines()[-1]
