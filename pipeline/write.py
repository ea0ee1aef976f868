"""Last stage, write: validated Parquet and CSV datasets, all or nothing.

Every dataset is written into a fresh folder beside the output folder,
which replaces the old one only once all files are complete, so that a
failed run leaves the previous outputs as they were.
"""

import codecs
import datetime as dt
import logging
import os
import shutil
import tempfile
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq
from pydantic import BaseModel

from pipeline.errors import OutputError
from pipeline.rows import ColumnCheck
from pipeline.tabular import arrow_schema, csv_text, encode_json

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
    CSV text of those of its columns that the CSV writes otherwise
    (Encoder.csv_table joins the two). Encoding can run in a worker
    process, which sends each array once; appending is cheap, and
    formatting both files is left to a writing thread, which Arrow runs
    without the GIL."""

    rows: int
    table: pa.Table
    csv_text: pa.Table


class Encoder:
    """Turns records of one model into an Arrow table and CSV lines.

    A streamed dataset's records are rows (pipeline.rows), checked here
    column by column; the others are the model's instances, validated
    when built.

    Two ways to the same arrays: pyarrow.array builds them fastest, but
    its first call imports pandas (about 0.4 s, a third of a run on one
    dump) to check whether it was handed a pandas object; Arrow's JSON
    reader needs no pandas but parses slower. Small runs take the JSON
    way (`bulk=False`), large runs the array way.

    The CSV lines come from Arrow's CSV writer, given the table's arrays
    and, for the columns that it would not write as wanted (lists,
    floats: see tabular.csv_text), their text built beside them
    (csv_schema); it is many times faster than Python's csv module.
    """

    def __init__(self, name: str, model: type[BaseModel],
                 row: type[tuple[Any, ...]] | None = None):
        self.name = name
        self.model = model
        self.row = row
        self._check = ColumnCheck(model, row) if row is not None else None
        self.columns = list(model.model_fields)
        self.schema = arrow_schema(model, name)
        self._dates = [f.name for f in self.schema
                       if pa.types.is_date(f.type)]
        self._as_text = {f.name: convert for f in self.schema
                         if (convert := csv_text(f.type)) is not None}
        # Every array built: the table's columns, then the CSV text of
        # those in _as_text; the CSV takes each column's text if it has one.
        self._fields = list(self.schema) + [
            pa.field(_text_column(n), pa.string()) for n in self._as_text
        ]
        self._text_schema = pa.schema(self._fields[len(self.columns):])
        built = [f.name for f in self._fields]
        self._csv_arrays = [
            built.index(_text_column(c) if c in self._as_text else c)
            for c in self.columns
        ]
        self.csv_schema = pa.schema([
            pa.field(c, self._fields[i].type)
            for c, i in zip(self.columns, self._csv_arrays)
        ])
        self._json_options = pajson.ParseOptions(
            explicit_schema=pa.schema([
                pa.field(f.name, pa.list_(_json_type(f.type)))
                for f in self._fields
            ]),
            unexpected_field_behavior="error",
        )

    def encode(self, rows: Sequence[Any], bulk: bool = False) -> Encoded:
        columns = self._checked_columns(rows)
        for name, convert in self._as_text.items():
            columns[_text_column(name)] = convert(columns[name])
        arrays = (self._arrays(columns) if bulk
                  else self._arrays_from_json(columns))
        width = len(self.columns)
        table = pa.Table.from_arrays(arrays[:width], schema=self.schema)
        csv_text = pa.Table.from_arrays(arrays[width:],
                                        schema=self._text_schema)
        return Encoded(len(rows), table, csv_text)

    def csv_table(self, encoded: Encoded) -> pa.Table:
        """The table of the CSV's columns, sharing the encoded arrays."""
        arrays = encoded.table.columns + encoded.csv_text.columns
        return pa.Table.from_arrays(
            [arrays[i] for i in self._csv_arrays], schema=self.csv_schema)

    def _checked_columns(self, rows: Sequence[Any]) -> dict[str, list[Any]]:
        """Each field's values, of rows checked here or of records
        validated when built; anything else is refused."""
        kinds = set(map(type, rows))
        if self._check is not None and kinds <= {self.row}:
            return self._check.columns(rows)
        if self._check is None and kinds <= {self.model}:
            values = [row.__dict__ for row in rows]
            return {c: [v[c] for v in values] for c in self.columns}
        expected = self.row or self.model
        raise TypeError(f"{self.name}: expected {expected.__name__}")

    def csv_header(self) -> bytes:
        """The names quoted, as Arrow writes a header (which it would
        write only by way of an empty table, whose making imports
        pandas)."""
        return (",".join(f'"{c}"' for c in self.columns) + "\n").encode()

    def _arrays(self, columns: dict[str, list[Any]]) -> list[pa.Array]:
        return [_array(columns[f.name], f.type) for f in self._fields]

    def _arrays_from_json(self, columns: dict[str, list[Any]]
                          ) -> list[pa.Array]:
        """Every array from one JSON object of columns, parsed as a
        single row of lists: one call to the JSON encoder in all,
        rather than one per record.

        JSON has no date type, so dates go as day numbers and are read
        back as dates; each column is the values of its one list. Both
        ways spare the import of pyarrow.compute (a tenth of a run on
        one dump), which casting or flattening would make.
        """
        days = {name: [_day_number(d) for d in columns[name]]
                for name in self._dates}
        data = encode_json(columns | days).encode("utf-8")
        read = pajson.read_json(
            pa.BufferReader(data),
            # The row must fit in one block.
            read_options=pajson.ReadOptions(use_threads=False,
                                            block_size=len(data) + 1),
            parse_options=self._json_options,
        )
        arrays = []
        for field in self._fields:
            values = read.column(field.name).combine_chunks().values
            arrays.append(values.view(field.type)
                          if field.name in self._dates else values)
        return arrays


def _array(values: list[Any], kind: pa.DataType) -> pa.Array:
    """pyarrow.array, texts by way of their UTF-8 bytes.

    Handed a str, Arrow asks CPython for its UTF-8 form, which CPython
    then keeps beside the text for as long as the str lives. The held
    records live until the run ends: their texts' UTF-8 copies added 44
    MB to the end of a run on 100 copies. Encoding them here keeps no
    copy, and is faster too.
    """
    if kind != pa.string():
        return pa.array(values, kind)
    utf8 = [None if value is None else value.encode() for value in values]
    return pa.array(utf8, pa.binary()).view(pa.string())


def _text_column(name: str) -> str:
    return f"{name} as CSV text"


def _json_type(kind: pa.DataType) -> pa.DataType:
    return pa.int32() if pa.types.is_date(kind) else kind


_EPOCH = dt.date(1970, 1, 1).toordinal()


def _day_number(day: dt.date | None) -> int | None:
    """Days since 1970-01-01, as Arrow stores a date."""
    return None if day is None else day.toordinal() - _EPOCH


# Arrow's CSV: lines end in a bare newline, every text is quoted, and
# null is written as nothing, so that an empty text ("") differs. The
# header is written apart (Encoder.csv_header).
CSV_OPTIONS = pacsv.WriteOptions(include_header=False)


# Appends a writer's thread may have queued: enough that the thread rarely
# waits for the main one, few enough that memory stays flat.
IN_FLIGHT = 4


class DatasetWriter:
    """Appends rows of one dataset to NAME.parquet and NAME.csv.

    Each append adds one Parquet row group, so that a run can stream
    file after file without holding every row in memory. The writing
    itself runs in a thread of the writer's own: Arrow formats the CSV,
    compresses the Parquet and writes both without holding the GIL, so
    the next file's extraction goes on meanwhile. At most IN_FLIGHT
    appends wait, so memory stays flat; an error of the writing is
    raised by a later append or by close.
    """

    def __init__(self, folder: Path, encoder: Encoder):
        self.name = encoder.name
        self.encoder = encoder
        self.rows = 0
        # No dictionary pages: on the dump's row groups zstd alone makes
        # every dataset's file smaller, and writing takes a fifth less
        # time without hashing every text.
        self._parquet = pq.ParquetWriter(
            folder / f"{self.name}.parquet", encoder.schema,
            compression="zstd", use_dictionary=False,
        )
        # An Arrow file, so that the writing thread formats and writes
        # the CSV without taking the GIL.
        self._csv_file = pa.OSFile(str(folder / f"{self.name}.csv"), "wb")
        self._csv_file.write(codecs.BOM_UTF8)  # as CSV_ENCODING reads it
        self._csv_file.write(encoder.csv_header())
        self._csv = pacsv.CSVWriter(self._csv_file, encoder.csv_schema,
                                    write_options=CSV_OPTIONS)
        self._thread = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"write-{self.name}")
        self._writing: deque[Future[None]] = deque()

    def append(self, encoded: Encoded) -> None:
        if not encoded.rows:
            return
        if len(self._writing) >= IN_FLIGHT:
            self._writing.popleft().result()  # raises what it raised
        self._writing.append(self._thread.submit(self._write, encoded))
        self.rows += encoded.rows

    def close(self) -> None:
        try:
            while self._writing:
                self._writing.popleft().result()
        finally:
            self._thread.shutdown()
            self._parquet.close()
            self._csv.close()
            self._csv_file.close()
        log.debug("wrote %s: %d rows", self.name, self.rows)

    def _write(self, encoded: Encoded) -> None:
        self._parquet.write_table(encoded.table)
        self._csv.write_table(self.encoder.csv_table(encoded))
