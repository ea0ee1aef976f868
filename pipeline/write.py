"""Last stage, write: validated Parquet and CSV datasets, all or nothing.

Every dataset is written into a fresh folder beside the output folder,
which replaces the old one only once all files are complete, so that a
failed run leaves the previous outputs as they were.
"""

import csv
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.errors import OutputError
from pipeline.tabular import arrow_schema, csv_value

log = logging.getLogger(__name__)

# CSV opens with a BOM so that spreadsheet programs read it as UTF-8.
CSV_ENCODING = "utf-8-sig"


@contextmanager
def staged_output(out: Path) -> Iterator[Path]:
    """Yield an empty folder that replaces `out` if the block succeeds."""
    parent = out.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
        stage.chmod(0o755)  # mkdtemp makes it private; outputs are shared
    except OSError as err:
        raise OutputError(
            f"{out}: cannot create the output folder ({err.strerror}). "
            "Choose another --out or fix its permissions."
        ) from err
    try:
        yield stage
        _swap(stage, out)
    except OSError as err:
        raise OutputError(
            f"{out}: writing the datasets failed ({err.strerror}). Free "
            "space or fix permissions and rerun; the previous outputs "
            "are unchanged."
        ) from err
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap(stage: Path, out: Path) -> None:
    old = stage.with_name(stage.name + ".old")
    try:
        if out.exists():
            os.replace(out, old)
        os.replace(stage, out)
    except OSError as err:
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise OutputError(
            f"{out}: cannot replace the output folder ({err.strerror}). "
            "Check its permissions; the previous outputs are unchanged."
        ) from err
    shutil.rmtree(old, ignore_errors=True)


def write_dataset(folder: Path, name: str, model: type[BaseModel],
                  rows: Sequence[BaseModel]) -> None:
    """Write rows of one model as NAME.parquet and NAME.csv."""
    wrong = [row for row in rows if not isinstance(row, model)]
    if wrong:  # records are validated when built; refuse anything else
        raise TypeError(f"{name}: expected {model.__name__} records")
    records = [row.model_dump() for row in rows]
    schema = arrow_schema(model, name)
    table = pa.Table.from_pylist(records, schema=schema)
    pq.write_table(table, folder / f"{name}.parquet",
                   compression="zstd", write_statistics=True)
    _write_csv(folder / f"{name}.csv", list(model.model_fields), records)
    log.debug("wrote %s: %d rows", name, len(records))


def _write_csv(path: Path, columns: list[str],
               records: list[dict[str, object]]) -> None:
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow([csv_value(record[c]) for c in columns])
