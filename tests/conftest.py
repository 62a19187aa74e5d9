import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from fixture import REPO, write_fixture  # noqa: E402
from site_address import SITE_ORIGIN  # noqa: E402


def pytest_collection_modifyitems(items: list) -> None:
    """Tests that need the real site run last: with parallel workers, one builds it while the
    others run the tests that do not need it, instead of all of them waiting for the build."""
    items.sort(key=lambda item: "real_site" in getattr(item, "fixturenames", ()))


@pytest.fixture
def curriculum_root(tmp_path: Path) -> Path:
    """A valid copy of the fixture curriculum that a test may change."""
    return write_fixture(tmp_path / "repo")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def _build_real_site(folder: Path) -> dict:
    from build_tools.pipeline import BuildFailed
    from build_tools.publish.site import build_site
    from test_build import tree_digest

    before = tree_digest(REPO)
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE_ORIGIN + "/"
    try:
        site = str(build_site(REPO, folder / "site").site)
    except BuildFailed as failure:
        return {"failure": failure.report()}
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    return {"site": site, "before": before, "after": tree_digest(REPO)}


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str):
    """The real curriculum built once per test run: (site folder, sources before, sources after, origin).

    With parallel workers (pytest-xdist), the first worker that needs it builds it under a file lock
    in the run's shared folder; the others wait for the lock and read what it recorded."""
    if worker_id == "master":
        built = _build_real_site(tmp_path_factory.mktemp("real"))
    else:
        from filelock import FileLock

        shared = tmp_path_factory.getbasetemp().parent
        record = shared / "real-site.json"
        with FileLock(str(shared / "real-site.lock")):
            if not record.is_file():
                record.write_text(json.dumps(_build_real_site(shared / "real")), encoding="utf-8")
        built = json.loads(record.read_text(encoding="utf-8"))
    if "failure" in built:
        pytest.fail(f"the real curriculum does not build:\n{built['failure']}")
    return Path(built["site"]), built["before"], built["after"], SITE_ORIGIN


@pytest.fixture(scope="session")
def offline_edition(real_site, tmp_path_factory) -> Path:
    """The real site's offline edition, unzipped: the folder the zip unpacks to."""
    import zipfile

    from build_tools.publish.offline import ZIP_FOLDER
    from build_tools.render.paths import OFFLINE_DOWNLOAD

    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_site[0] / OFFLINE_DOWNLOAD) as zipped:
        zipped.extractall(folder)
    return folder / ZIP_FOLDER


@pytest.fixture
def no_hang():
    """Ends the whole test run, with every thread's traceback, should the test hang: a test of
    hostile input must fail loudly, never wait forever. Not a sleep: a deadline that rarely fires."""
    import faulthandler

    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
