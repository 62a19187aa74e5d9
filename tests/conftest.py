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


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory):
    """The real curriculum built once per test run: (site folder, sources before, sources after, port).

    It is built for the address the browser tests serve it at, so that canonical URLs and the
    sitemap (which Material's instant navigation reads) match what the browser sees."""
    from build_tools.publish.site import build_site
    from test_build import tree_digest

    port = _free_port()
    before = tree_digest(REPO)
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        site = build_site(REPO, tmp_path_factory.mktemp("real") / "site").site
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    return site, before, tree_digest(REPO), port


@pytest.fixture
def no_hang():
    """Ends the whole test run, with every thread's traceback, should the test hang: a test of
    hostile input must fail loudly, never wait forever. Not a sleep: a deadline that rarely fires."""
    import faulthandler

    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
