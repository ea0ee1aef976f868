"""The datasets a run writes: name, record model and row order."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from schemas import Document, LinePiece


@dataclass(frozen=True)
class Dataset:
    """One output dataset, written as NAME.parquet and NAME.csv."""

    name: str
    model: type[BaseModel]
    sort_key: Callable[[Any], tuple[Any, ...]]


# In the order they are written; every later stage adds its own.
DATASETS: tuple[Dataset, ...] = (
    Dataset("documents", Document, lambda d: (d.source, d.line_start)),
    Dataset("lines", LinePiece, lambda p: (p.source, p.line, p.char_start)),
)
