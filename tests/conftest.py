"""Shared fixtures: one run of the real dump, and small raw folders."""

import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.run import Extraction, extract_all, run

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
REAL_DUMP = RAW / "liaoning-2020-02.txt"
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = ROOT / "tests" / "expected"


@pytest.fixture(scope="session")
def real_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output folder of one run over the project's raw/ folder."""
    out = tmp_path_factory.mktemp("real") / "out"
    run(RAW, out)
    return out


@pytest.fixture(scope="session")
def real_run() -> Extraction:
    """The in-memory extraction of the project's raw/ folder."""
    return extract_all(RAW)


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """An empty raw folder to put test dumps in."""
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def copy_real_dump(folder: Path, name: str = REAL_DUMP.name) -> Path:
    target = folder / name
    shutil.copyfile(REAL_DUMP, target)
    return target


def share_field_names(records: list[Any]) -> bool:
    """Whether records given the same fields share one set of their names
    (pipeline.records), with more records than sets."""
    sets = {id(r.__pydantic_fields_set__) for r in records}
    names = {frozenset(r.__pydantic_fields_set__) for r in records}
    return len(records) > len(sets) == len(names)
