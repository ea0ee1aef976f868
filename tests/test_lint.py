"""Lint: ruff over the whole project, with pyproject.toml's [tool.ruff]."""

import subprocess
import sys

from tests.conftest import ROOT


def test_the_project_passes_ruff() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "."],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
