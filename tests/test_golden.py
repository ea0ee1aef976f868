"""The run's figures against the snapshots in tests/golden/.

A difference fails with a readable diff. When a change is meant to move
a count, run `make golden` and review the diff in the commit.
"""

import difflib

import pytest

from pipeline.figures import GOLDEN_FILES, golden_texts
from pipeline.run import Extraction
from tests.conftest import GOLDEN


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_figures_match_golden(real_run: Extraction, name: str) -> None:
    now = golden_texts(real_run.rows)[name]
    before = (GOLDEN / name).read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(
        before.splitlines(keepends=True), now.splitlines(keepends=True),
        fromfile=f"tests/golden/{name}", tofile="this run",
    ))
    if diff:
        pytest.fail(f"figures moved; if on purpose, run `make golden`:\n{diff}",
                    pytrace=False)
