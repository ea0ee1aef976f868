"""The data package, the data dictionary, and their agreement with files."""

import hashlib
import json
from pathlib import Path

from pipeline.datasets import DATASETS
from pipeline.package import data_dictionary
from tests.conftest import REAL_DUMP, ROOT


def test_datapackage_describes_every_dataset_and_source(real_out: Path) -> None:
    package = json.loads((real_out / "datapackage.json").read_text("utf-8"))
    assert [r["name"] for r in package["resources"]] == [
        d.name for d in DATASETS
    ]
    digest = hashlib.sha256(REAL_DUMP.read_bytes()).hexdigest()
    assert package["sources"] == [{
        "title": REAL_DUMP.name, "path": f"raw/{REAL_DUMP.name}",
        "hash": f"sha256:{digest}",
    }]
    for resource in package["resources"]:
        assert (real_out / resource["path"]).exists()
        assert (real_out / resource["parquet_path"]).exists()


def test_csv_resources_pass_frictionless_validation(real_out: Path) -> None:
    import frictionless

    report = frictionless.Package(
        str(real_out / "datapackage.json")
    ).validate()
    problems = report.flatten(["title", "message"])
    assert report.valid, problems[:5]


def test_data_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "datasets.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), (
        "docs/datasets.md is out of date: run `python -m pipeline docs`"
    )


def test_every_warning_code_is_documented_in_the_readme() -> None:
    from schemas import WARNING_CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in WARNING_CODES if f"`{code}`" not in readme]
    assert missing == []
