"""How long `curriculum check` takes on the real curriculum, and the share of YAML reading in it.

Prints the median CPU time of several runs of: reading every YAML file with the event-stream reader the
checker uses (libyaml), reading them with PyYAML's pure-Python composer (what the checker used
before, for comparison), and the whole check (load and rules). Run:
`.venv/bin/python benchmarks/check.py [runs] [repository]` (by default, this one).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SOURCES = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else REPO  # another checkout's sources, to compare

from build_tools.pipeline import check_curriculum  # noqa: E402
from build_tools.sources.problems import Problems  # noqa: E402
from build_tools.sources.yaml_reader import load_yaml  # noqa: E402


def median_seconds(function, runs: int) -> float:
    """The median CPU time of `function`: other work on a busy machine does not count."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    files = sorted((SOURCES / "modules").rglob("*.yml"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    size = sum(len(text.encode("utf-8")) for text in texts)
    print(f"{len(files)} YAML files, {size / 1024:.0f} KB; median CPU time of {runs} runs")
    with_positions = median_seconds(lambda: [load_yaml(path, Problems(SOURCES)) for path in files], runs)
    composer = median_seconds(lambda: [yaml.compose(text, Loader=yaml.SafeLoader) for text in texts], runs)
    check = median_seconds(lambda: check_curriculum(SOURCES), runs)
    print(f"  YAML, event stream ({yaml.CSafeLoader.__name__ if yaml.__with_libyaml__ else 'pure Python'}), "
          f"data and positions: {with_positions * 1000:7.1f} ms")
    print(f"  YAML, pure-Python composer, nodes only (before):   {composer * 1000:7.1f} ms")
    print(f"  curriculum check, whole (load and rules):           {check * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
