"""The worked example runs on a fresh output and gives the checked counts."""

import csv
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXPECTED, ROOT


def test_example_counts_hotels_per_city_on_the_latest_edition(
    real_out: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "explore.py"), str(real_out)],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    with (EXPECTED / "liaoning-2020-02.relations-hotels.tsv").open(
            encoding="utf-8") as handle:
        expected = {r["city"]: r["hotels"]
                    for r in csv.DictReader(handle, delimiter="\t")}
    printed = dict(line.split() for line in done.stdout.splitlines()[2:17])
    assert printed == expected
    assert "total: 102" in done.stdout
    assert "top-level clauses in" in done.stdout
