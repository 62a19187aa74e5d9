"""`make bench STAGES=...`: only the chosen stages run, and the table shows "-" for the others.
(The figures themselves are never asserted: a benchmark is not a timed test.)"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import bench  # noqa: E402


def test_only_the_chosen_stages_are_measured(curriculum_root: Path, tmp_path: Path, capsys) -> None:
    found = bench.measure_size(curriculum_root, 1, tmp_path, {"check"})
    assert len(found["check"]) == 1 and "checked" in found["check"][0].output
    assert not (curriculum_root / "site").exists(), "no build was asked for"
    bench.print_table({"fixture": found}, 1)
    rows = {line[:42].strip(): line[42:].split() for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert rows["check, s"][0] != "-"
    assert rows["build cold, s"][0] == "-" and rows["serve: saved lesson served, s"][0] == "-"


def test_an_unknown_stage_is_refused(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["bench.py", "--stages", "check,colld", "--lighthouse", "none"])
    with pytest.raises(SystemExit):
        bench.main()
    assert "colld" in capsys.readouterr().err
