"""The datasets a run writes: name, record model and row order."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

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


# In the order they are written; every later stage adds its own.
DATASETS: tuple[Dataset, ...] = (
    Dataset("documents", Document, lambda d: (d.source, d.line_start),
            primary_key=("doc_id",), held=True),
    Dataset("lines", LinePiece, lambda p: (p.source, p.line, p.char_start),
            primary_key=("source", "line", "char_start")),
    Dataset("warnings", WarningRecord,
            lambda w: (w.source, w.line, w.doc_id or "", w.code), held=True),
    Dataset("clauses", Clause,
            lambda c: (c.source, c.line_start, c.char_start, c.clause_id),
            primary_key=("clause_id",)),
    # Held, though small, for the report's list of tables.
    Dataset("tables", Table,
            lambda t: (t.source, t.line_start, t.table_id),
            primary_key=("table_id",), held=True),
    Dataset("table_cells", TableCell,
            lambda c: (c.source, c.line_start, c.char_start, c.table_id,
                       c.row_no, c.column_no),
            primary_key=("table_id", "row_no", "column_no")),
    Dataset("directory_entries", DirectoryEntry,
            lambda e: (e.source, e.line_start, e.table_id, e.row_no),
            primary_key=("table_id", "row_no")),
    # Held: relations resolves citations against every part of the
    # collection, and fills resolved_doc_id.
    Dataset("parts", Part,
            lambda p: (p.source, p.line_start, p.char_start, p.part_id),
            primary_key=("part_id",), held=True),
    Dataset("citations", Citation,
            lambda c: (c.source, c.line_start, c.char_start, c.citation_id),
            primary_key=("citation_id",), held=True),
)
