"""Tables flattened one cell per line, rebuilt as rows (issue 5)."""

from dataclasses import dataclass, field
from typing import Any

from pipeline.segment import DraftDocument
from pipeline.structure import Span


@dataclass
class FoundTable:
    """A table of one document: the body pieces it spans and its records."""

    span: Span
    table: Any  # schemas.tables.Table
    cells: list[Any] = field(default_factory=list)
    entries: list[Any] = field(default_factory=list)


def find_tables(draft: DraftDocument) -> list[FoundTable]:
    """Every table in a document's body.

    Not yet done: no table is found; issue 5 builds this stage.
    """
    return []
