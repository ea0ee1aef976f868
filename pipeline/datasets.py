"""The datasets a run writes: name, record model and row order."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from schemas import Document, LinePiece, WarningRecord


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
)
