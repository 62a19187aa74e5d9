"""`make bench`: how fast the build is at every size, as one table measured in one run.

For the real curriculum and for generated ones (benchmarks/generate.py makes them from the real
modules), the median of several runs of: `curriculum check`; `curriculum site` cold (no cache),
warm (nothing changed) and after one lesson was edited, each beside plain MkDocs + Material
building the same generated tree (the ratio is taken in each run, then its median); what had to be
made again (social cards, notebooks, offline editions); peak memory; how long a saved lesson takes
to be served by `curriculum serve`; and, per page type, Lighthouse's four scores with the bytes a
first view transfers, served gzip-compressed as a static host would.

Times are wall-clock seconds with CPU seconds in brackets: on a busy machine the CPU time is the
steadier figure. Targets are printed beside the figures; the benchmark never fails on a slow machine.

    python benchmarks/bench.py [--sizes real,100,1000] [--runs 3] [--lighthouse real,200|none]
                               [--stages check,cold,warm,edit,plain,serve] [--verbose]

`--stages` chooses what to measure at each size (a stage not run prints "-"): a whole bench at
1,000 modules takes hours, `--stages check,cold` a fraction of it. `plain` adds plain MkDocs beside
each build measured; a warm or edited build without `cold` first makes the caches unmeasured.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from benchmarks.generate import generate, real_modules  # noqa: E402
from benchmarks.lighthouse import CATEGORIES, lighthouse, serve_compressed  # noqa: E402
from build_tools import LANGUAGES  # noqa: E402
from build_tools.pipeline import compile_curriculum  # noqa: E402
from test_serve import _free_port, _get  # noqa: E402  (tests/: the same small helpers)

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MADE = re.compile(r"(\d+) social cards, (\d+) notebooks, (\d+) offline editions")
REBUILT = re.compile(r"preview rebuilt in ([\d.]+) s")
STAGES = ("check", "cold", "warm", "edit", "plain", "serve")
VERBOSE = False  # --verbose: the builds' own progress goes to stderr as it comes


@dataclass
class Run:
    wall: float
    cpu: float
    memory_mb: float
    output: str

    def __add__(self, other: "Run") -> "Run":  # two processes one after the other
        return Run(self.wall + other.wall, self.cpu + other.cpu, max(self.memory_mb, other.memory_mb),
                   self.output + other.output)


def run(*args: str) -> Run:
    """A whole process: its wall time, its CPU time (with what it waited for), its peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV)
    lines = []
    for line in process.stdout:  # line by line, so that --verbose shows a long build's progress
        lines.append(line)
        if VERBOSE:
            print(f"    {line}", end="", file=sys.stderr, flush=True)
    output = "".join(lines)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{output[-3000:]}")
    return Run(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds(runs: list[Run]) -> str:
    wall, cpu = median([r.wall for r in runs]), median([r.cpu for r in runs])
    places = 2 if wall < 1 else 1  # under a second, the tenths hide what a target of 0.5 s is about
    return f"{wall:.{places}f} ({cpu:.{places}f})"


# --- one size ---------------------------------------------------------------------------------

def curriculum(root: Path, *args: str) -> Run:
    return run(str(BIN / "curriculum"), "--root", str(root), *args)


def plain_configs(root: Path, folder: Path) -> list[Path]:
    """mkdocs.yml files for plain MkDocs + Material over our generated tree: the same pages, menu and
    Markdown extensions (the pages need them), the search plugin, nothing of ours."""
    _, trees = compile_curriculum(root, report=lambda line: None)
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        base = yaml_load(file)
    configs = []
    for lang, tree in trees.items():
        config = {"site_name": "plain", "site_url": f"http://127.0.0.1:8000/{lang}/",
                  "docs_dir": str(root / "build" / "src" / lang), "site_dir": str(folder / f"site-{lang}"),
                  "theme": {"name": "material", "font": False, "language": lang}, "plugins": ["search"],
                  "markdown_extensions": base["markdown_extensions"], "nav": tree.nav}
        path = folder / f"plain-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    return configs


def plain(configs: list[Path]) -> Run:
    total = None
    for config in configs:
        one = run(str(BIN / "mkdocs"), "build", "-q", "-f", str(config))
        total = one if total is None else total + one
    return total


def edited_lesson(root: Path) -> tuple[Path, str]:
    """The first lesson of the first module: the one every edit changes."""
    module = sorted((root / "modules").glob("*/*/module.yml"))[0]
    lesson = next(line.split(":", 1)[1].strip() for line in module.read_text(encoding="utf-8").splitlines()
                  if line.strip().startswith("- file:"))
    return module.parent / lesson, module.parent.name


def measure_size(root: Path, runs: int, work: Path, stages: set[str] = set(STAGES)) -> dict:
    """The chosen stages at one size; what is not measured stays an empty list (printed "-")."""
    found: dict[str, list] = {name: [] for name in (
        "check", "cold", "warm", "edit", "plain cold", "plain warm", "plain edit",
        "ratio cold", "ratio warm", "ratio edit", "made cold", "made warm", "made edit", "serve")}
    lesson, _ = edited_lesson(root)
    original = lesson.read_text(encoding="utf-8")
    builds = [stage for stage in ("cold", "warm", "edit") if stage in stages]
    for number in range(runs):
        if "check" in stages:
            print(f"  run {number + 1}: check", file=sys.stderr, flush=True)
            found["check"].append(curriculum(root, "check"))
        if not builds:
            continue
        shutil.rmtree(root / "build", ignore_errors=True)
        shutil.rmtree(root / "site", ignore_errors=True)
        if builds[0] != "cold":
            print(f"  run {number + 1}: build cold to fill the caches (not measured)", file=sys.stderr, flush=True)
            curriculum(root, "site")
        configs = None
        for stage in builds:
            print(f"  run {number + 1}: build {stage}", file=sys.stderr, flush=True)
            if stage == "edit":
                lesson.write_text(original + f"\nA sentence edited for the benchmark, run {number}.\n", encoding="utf-8")
            ours = curriculum(root, "site")
            found[stage].append(ours)
            made = MADE.search(ours.output)
            found[f"made {stage}"].append("/".join(made.groups()) if made else "?")
            if "plain" in stages:
                configs = configs or plain_configs(root, work)
                theirs = plain(configs)
                found[f"plain {stage}"].append(theirs)
                found[f"ratio {stage}"].append(ours.cpu / theirs.cpu)
        lesson.write_text(original, encoding="utf-8")
    if "serve" in stages:
        print("  serve", file=sys.stderr, flush=True)
        found["serve"], found["serve rebuild"] = serve_latencies(root, runs)
    return found


def serve_latencies(root: Path, runs: int) -> tuple[list[float], list[float]]:
    """For `runs` saves of a lesson: seconds until `curriculum serve` serves it, and the seconds of
    rebuilding that the preview reports (the rest is noticing the change and answering)."""
    lesson, module = edited_lesson(root)
    url = f"http://127.0.0.1:{_free_port()}/en/modules/{module}/{lesson.stem}/"
    port = url.split(":")[2].split("/")[0]
    log = root / "serve.log"
    with open(log, "w") as output:
        server = subprocess.Popen([str(BIN / "curriculum"), "--root", str(root), "serve", "--port", port],
                                  stdout=output, stderr=subprocess.STDOUT, env=ENV)
    original = lesson.read_text(encoding="utf-8")
    latencies = []
    try:
        deadline = time.monotonic() + 3600
        while time.monotonic() < deadline:  # the first, whole build
            try:
                _get(url)
                break
            except OSError:
                time.sleep(0.5)
        for number in range(runs):
            sentence = f"A sentence saved in the preview, number {number}."
            saved = time.perf_counter()
            lesson.write_text(original + f"\n{sentence}\n", encoding="utf-8")
            while sentence not in _get(url):
                time.sleep(0.05)
            latencies.append(time.perf_counter() - saved)
            while _rebuilds(log) < number + 2:  # the start's build, then one per save: this one has ended
                time.sleep(0.05)
    finally:
        lesson.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)
    rebuilds = [float(seconds) for seconds in REBUILT.findall(log.read_text())]
    return latencies, rebuilds[1:len(latencies) + 1]  # the first is the whole build at start


def _rebuilds(log: Path) -> int:
    return len(REBUILT.findall(log.read_text()))


def audit_size(root: Path, pages: list[str] | None, runs: int) -> dict[str, object]:
    """Lighthouse per page type, English, on a site built for the address it is served at: of
    `runs` audits of each page, the one with the median performance score (a single audit on a
    shared machine swings by several points)."""
    from site_pages import page_types

    port = _free_port()
    site = root / "site-lighthouse"
    previous = ENV.get("SITE_URL")
    ENV["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        curriculum(root, "site", "--output", str(site))
    finally:
        ENV.pop("SITE_URL") if previous is None else ENV.update(SITE_URL=previous)
    server = serve_compressed(site, port)
    try:
        types = page_types(root)
        return {name: median_audit([lighthouse(f"http://127.0.0.1:{port}/en/{path}") for _ in range(runs)])
                for name, path in types.items() if not pages or name in pages}
    finally:
        server.shutdown()


def median_audit(audits: list) -> object:
    ranked = sorted(audits, key=lambda audit: audit.scores["performance"])
    return ranked[(len(ranked) - 1) // 2]


# --- the table --------------------------------------------------------------------------------

ROWS = [  # (label, key in the results, how to show it, target)
    ("check, s", "check", seconds, "< 0.5 s real, < 10 s at 1,000, linear"),
    ("build cold, s", "cold", seconds, ""),
    ("  plain MkDocs + Material, s", "plain cold", seconds, ""),
    ("  ours / plain (CPU)", "ratio cold", lambda v: f"{median(v):.2f}x", ""),
    ("  made again: cards/notebooks/offline", "made cold", lambda v: v[0], ""),
    ("build warm, nothing changed, s", "warm", seconds, ""),
    ("  plain MkDocs + Material, s", "plain warm", seconds, ""),
    ("  ours / plain (CPU)", "ratio warm", lambda v: f"{median(v):.2f}x", "<= 1.5x"),
    ("  made again: cards/notebooks/offline", "made warm", lambda v: v[0], "0/0/0"),
    ("build after one lesson edited, s", "edit", seconds, ""),
    ("  plain MkDocs + Material, s", "plain edit", seconds, ""),
    ("  ours / plain (CPU)", "ratio edit", lambda v: f"{median(v):.2f}x", ""),
    ("  made again: cards/notebooks/offline", "made edit", lambda v: v[0], "only what the lesson touches"),
    ("peak memory of a build, MB", "cold", lambda v: f"{max(r.memory_mb for r in v):.0f}", "< 2,048 at 1,000"),
    ("serve: saved lesson served, s", "serve", lambda v: f"{median(v):.1f}", "< 3 s real, < 10 s at 200"),
    ("  of which the preview's rebuild, s", "serve rebuild", lambda v: f"{median(v):.1f}", ""),
]


def print_table(results: dict[str, dict], runs: int) -> None:
    sizes = list(results)
    width = 16
    print(f"\n{'median of ' + str(runs) + ' run(s); wall s (CPU s)':42}" + "".join(f"{s:>{width}}" for s in sizes)
          + "   target")
    for label, key, show, target in ROWS:
        cells = [show(results[size][key]) if results[size].get(key) else "-" for size in sizes]
        print(f"{label:42}" + "".join(f"{cell:>{width}}" for cell in cells) + (f"   {target}" if target else ""))


def print_audits(audits: dict[str, dict]) -> None:
    print(f"\n{'Lighthouse, median (English)':28}{'size':>8}" + "".join(f"{c[:11]:>12}" for c in CATEGORIES)
          + f"{'KB sent':>9}{'requests':>9}   target: 100 (performance >= 95), 100, 100, 100")
    for size, pages in audits.items():
        for name, audit in pages.items():
            print(f"{name:28}{size:>8}" + "".join(f"{audit.scores[c]:>12}" for c in CATEGORIES)
                  + f"{audit.transfer_bytes / 1024:>9.0f}{audit.requests:>9}")
            for line in audit.weak:
                print(f"{'':38}{line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="real,100", help="real and/or numbers of modules, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", default="real,200", help="sizes to audit, or none")
    parser.add_argument("--pages", default="", help="page types to audit (default: all)")
    parser.add_argument("--stages", default=",".join(STAGES), help="what to measure at each size (default: all)")
    parser.add_argument("--verbose", action="store_true", help="show the builds' own progress on stderr")
    options = parser.parse_args()
    stages = {s for s in options.stages.split(",") if s}
    if stages - set(STAGES):
        parser.error(f"unknown stage(s) {', '.join(sorted(stages - set(STAGES)))}: choose among {', '.join(STAGES)}")
    global VERBOSE
    VERBOSE = options.verbose
    real = len(real_modules())
    size_of = lambda name: real if name == "real" else int(name)  # noqa: E731
    label = lambda name: f"real ({real})" if name == "real" else name  # noqa: E731
    sizes = [s for s in options.sizes.split(",") if s]
    audited = [s for s in options.lighthouse.split(",") if s and s != "none"]
    results, audits = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        for name in dict.fromkeys(sizes + audited):
            root = generate(size_of(name), work / f"c{name}")
            if name in sizes:
                print(f"measuring {label(name)} modules...", file=sys.stderr, flush=True)
                results[label(name)] = measure_size(root, options.runs, work, stages)
            if name in audited:
                print(f"auditing {label(name)} modules...", file=sys.stderr, flush=True)
                audits[label(name)] = audit_size(root, [p for p in options.pages.split(",") if p], options.runs)
            shutil.rmtree(root, ignore_errors=True)
    print(f"languages: {', '.join(LANGUAGES)}; machine: {os.cpu_count()} CPU(s); load average now "
          f"{os.getloadavg()[0]:.1f}")
    if results:
        print_table(results, options.runs)
    if audits:
        print_audits(audits)


if __name__ == "__main__":
    main()
