"""The README names each guarantee with the test that holds it: those tests exist."""
from __future__ import annotations

import re

from fixture import REPO


def test_every_test_the_readme_cites_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What the build guarantees", 1)[1].split("\n## ", 1)[0]
    cited = []
    for row in (line for line in section.splitlines() if line.startswith("| ") and "`" in line):
        file = None
        for name in re.findall(r"`([\w/.]*(?:\.py)?(?:::\w+)?)`", row.rsplit("|", 2)[-2]):
            if ".py" in name:
                file = name.split("::")[0].removeprefix("tests/")
            if "::" in name:
                cited.append((file, name.split("::")[1]))
            elif name.endswith(".py"):
                cited.append((file, None))
    assert len(cited) >= 15
    missing = [(file, test) for file, test in cited
               if not (REPO / "tests" / file).is_file()
               or (test and f"def {test}(" not in (REPO / "tests" / file).read_text(encoding="utf-8"))]
    assert missing == []
