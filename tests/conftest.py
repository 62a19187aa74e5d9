import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from fixture import REPO, write_fixture  # noqa: E402


@pytest.fixture
def curriculum_root(tmp_path: Path) -> Path:
    """A valid copy of the fixture curriculum that a test may change."""
    return write_fixture(tmp_path / "repo")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory):
    """The real curriculum built once per test run: (site folder, sources before, sources after)."""
    from build_tools.site import build_site
    from test_build import tree_digest

    before = tree_digest(REPO)
    site = build_site(REPO, tmp_path_factory.mktemp("real") / "site").site
    return site, before, tree_digest(REPO)
