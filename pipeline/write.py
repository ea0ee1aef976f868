"""Last stage, write: validated Parquet and CSV datasets, all or nothing.

Every dataset is written into a fresh folder beside the output folder,
which replaces the old one only once all files are complete, so that a
failed run leaves the previous outputs as they were.
"""

import csv
import datetime as dt
import io
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.json as pajson
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.errors import OutputError
from pipeline.tabular import arrow_schema, csv_column

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


@dataclass(frozen=True)
class Encoded:
    """Rows of one dataset made ready to append: an Arrow table and the
    CSV lines. Encoding can run in a worker process; appending is cheap."""

    rows: int
    table: pa.Table
    csv_text: str


class Encoder:
    """Turns records of one model into an Arrow table and CSV lines.

    Two ways to the same table: pyarrow.array builds it fastest, but its
    first call imports pandas (about 0.4 s, a third of a run on one
    dump) to check whether it was handed a pandas object; Arrow's JSON
    reader needs no pandas but parses slower. Small runs take the JSON
    way (`bulk=False`), large runs the array way. JSON has no date type,
    so date columns are read as text and cast.
    """

    def __init__(self, name: str, model: type[BaseModel]):
        self.name = name
        self.model = model
        self.columns = list(model.model_fields)
        self.schema = arrow_schema(model, name)
        self._to_csv = [csv_column(f.type) for f in self.schema]
        self._dates = [i for i, f in enumerate(self.schema)
                       if pa.types.is_date(f.type)]
        self._json_options = pajson.ParseOptions(
            explicit_schema=pa.schema([
                pa.field(f.name, pa.string()) if i in self._dates else f
                for i, f in enumerate(self.schema)
            ]),
            unexpected_field_behavior="error",
        )

    def encode(self, rows: Sequence[BaseModel], bulk: bool = False) -> Encoded:
        if any(type(row) is not self.model for row in rows):
            # Records are validated when built; refuse anything else.
            raise TypeError(f"{self.name}: expected {self.model.__name__}")
        values = [row.__dict__ for row in rows]
        columns = {c: [v[c] for v in values] for c in self.columns}
        cells = [convert(columns[c])
                 for c, convert in zip(self.columns, self._to_csv)]
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(zip(*cells))
        table = (pa.table(columns, schema=self.schema) if bulk
                 else self._table_from_json(values))
        return Encoded(len(rows), table, text.getvalue())

    def _table_from_json(self, values: list[dict[str, Any]]) -> pa.Table:
        if not values:
            return self.schema.empty_table()
        lines = "\n".join(
            json.dumps(v, ensure_ascii=False, default=_iso_date)
            for v in values
        )
        read = pajson.read_json(
            io.BytesIO(lines.encode("utf-8")),
            read_options=pajson.ReadOptions(use_threads=False),
            parse_options=self._json_options,
        )
        arrays = [
            read.column(i).cast(field.type) if i in self._dates
            else read.column(i)
            for i, field in enumerate(self.schema)
        ]
        return pa.Table.from_arrays(arrays, schema=self.schema)


def _iso_date(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class DatasetWriter:
    """Appends rows of one dataset to NAME.parquet and NAME.csv.

    Each append adds one Parquet row group, so that a run can stream
    file after file without holding every row in memory.
    """

    def __init__(self, folder: Path, name: str, model: type[BaseModel]):
        self.name = name
        self.encoder = Encoder(name, model)
        self.rows = 0
        self._parquet = pq.ParquetWriter(
            folder / f"{name}.parquet", self.encoder.schema,
            compression="zstd",
        )
        self._csv_file = (folder / f"{name}.csv").open(
            "w", encoding=CSV_ENCODING, newline="")
        csv.writer(self._csv_file, lineterminator="\n").writerow(
            self.encoder.columns)

    def append(self, encoded: Encoded) -> None:
        if not encoded.rows:
            return
        self._parquet.write_table(encoded.table)
        self._csv_file.write(encoded.csv_text)
        self.rows += encoded.rows

    def close(self) -> None:
        self._parquet.close()
        self._csv_file.close()
        log.debug("wrote %s: %d rows", self.name, self.rows)
