"""Static types: mypy in strict mode over pipeline/ and schemas/.

Its settings are pyproject.toml's [tool.mypy]. It found a crash that no
run had met: a debug line indexed units with a value that could be None
(see tests/test_segment.py, six rows before a displaced title).
"""

import pytest
from mypy import api

from tests.conftest import ROOT


def test_pipeline_and_schemas_type_check_in_strict_mode(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report, errors, status = api.run([])
    assert status == 0, report + errors
    assert "no issues found" in report
