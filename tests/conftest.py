from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
# Short documents written for the tests, one per era and phrasing the sample lacks, with gold answers.
DEVELOPMENT_RAW = ROOT / "tests" / "documents" / "raw"
DEVELOPMENT_GOLD = ROOT / "tests" / "documents" / "gold"
# The real development set: 160 openings of real pages (press releases, reports, council papers, newspapers).
REAL_RAW = ROOT / "tests" / "real" / "raw"
REAL_GOLD = ROOT / "tests" / "real" / "gold"
# The second real development set: 82 more openings, collected apart from the first (services O-Z).
REAL2_RAW = ROOT / "tests" / "real2" / "raw"
REAL2_GOLD = ROOT / "tests" / "real2" / "gold"


def _extract_once(tmp_path_factory: pytest.TempPathFactory, raw: Path, name: str) -> Path:
    from pipeline.extract.run import RunOptions, run

    out = tmp_path_factory.mktemp(name)
    report = run(RunOptions(str(raw), str(out), jobs=2, quiet=True))
    assert report.exit_code == 0, report.errors
    return out


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus, extracted once for the whole session."""
    return _extract_once(tmp_path_factory, RAW, "processed")


@pytest.fixture(scope="session")
def development_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The development documents (tests/documents), extracted once for the whole session."""
    return _extract_once(tmp_path_factory, DEVELOPMENT_RAW, "development")


@pytest.fixture(scope="session")
def real_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real development set (tests/real), extracted once for the whole session."""
    return _extract_once(tmp_path_factory, REAL_RAW, "real")


@pytest.fixture(scope="session")
def real2_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second real development set (tests/real2), extracted once for the whole session."""
    return _extract_once(tmp_path_factory, REAL2_RAW, "real2")


@pytest.fixture()
def site():
    """The miniature of the Inspectorate's site (tests/site_server.py), on 127.0.0.1, for one test."""
    from tests.site_server import Site

    server = Site().start()
    yield server
    server.stop()


@pytest.fixture()
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of the sample corpus that a test may change."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


def read_rows(out: Path, table: str) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(os.path.join(out, f"{table}.parquet")).to_pylist()


# The first example of a test that parses text also loads spaCy: no per-example deadline.
from hypothesis import settings  # noqa: E402

# HYPOTHESIS_PROFILE=thorough tries each property on many more texts (a search for rare failures, not for CI).
settings.register_profile("project", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "project"))
