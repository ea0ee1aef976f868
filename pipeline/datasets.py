"""The datasets a run writes: name, record model and row order."""

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from pipeline.rows import (
    ClauseRow, DirectoryEntryRow, LinePieceRow, PartRow, TableCellRow,
)
from schemas import Clause, Document, LinePiece, WarningRecord
from schemas.citations import Citation
from schemas.parts import Part
from schemas.tables import DirectoryEntry, Table, TableCell


@dataclass(frozen=True)
class Dataset:
    """One output dataset, written as NAME.parquet and NAME.csv."""

    name: str
    model: type[BaseModel]
    sort_key: Callable[[Any], tuple[Any, ...]]
    # Columns whose values identify a row; checked unique by `validate`.
    primary_key: tuple[str, ...] = ()
    # Held until every file is read, because the cross-document stage
    # (relations) changes its rows; the others stream file by file.
    held: bool = False
    # Streamed, but its records also kept for the end of the run, which
    # reads them without changing them.
    kept: bool = False
    # The named tuple its records are, checked as they are encoded
    # (pipeline.rows); None when they are the model's instances.
    row: type[tuple[Any, ...]] | None = None


# In the order they are written; every later stage adds its own. Sort
# keys are attrgetters where they can be: each file's rows are sorted,
# and a getter builds the key tuples in C, a lambda in Python.
DATASETS: tuple[Dataset, ...] = (
    Dataset("documents", Document, attrgetter("source", "line_start"),
            primary_key=("doc_id",), held=True),
    Dataset("lines", LinePiece, attrgetter("source", "line", "char_start"),
            primary_key=("source", "line", "char_start"), row=LinePieceRow),
    Dataset("warnings", WarningRecord,
            lambda w: (w.source, w.line, w.doc_id or "", w.code), held=True),
    Dataset("clauses", Clause,
            attrgetter("source", "line_start", "char_start", "clause_id"),
            primary_key=("clause_id",), row=ClauseRow),
    # Kept for the report's list of tables.
    Dataset("tables", Table,
            attrgetter("source", "line_start", "table_id"),
            primary_key=("table_id",), kept=True),
    Dataset("table_cells", TableCell,
            attrgetter("source", "line_start", "char_start", "table_id",
                       "row_no", "column_no"),
            primary_key=("table_id", "row_no", "column_no"), row=TableCellRow),
    Dataset("directory_entries", DirectoryEntry,
            attrgetter("source", "line_start", "table_id", "row_no"),
            primary_key=("table_id", "row_no"), row=DirectoryEntryRow),
    # Kept: relations resolves citations against every part of the
    # collection.
    Dataset("parts", Part,
            attrgetter("source", "line_start", "char_start", "part_id"),
            primary_key=("part_id",), kept=True, row=PartRow),
    # Held: relations fills resolved_doc_id.
    Dataset("citations", Citation,
            attrgetter("source", "line_start", "char_start",
                       "citation_id"),
            primary_key=("citation_id",), held=True),
)
