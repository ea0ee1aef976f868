"""What the per-document stages hand each other: spans of body pieces.

A document's body is the ordered list `draft.body` of its body pieces
(a block line, or one <p> paragraph of a row). Tables, parts and
paragraphs are spans or groups of those pieces, named by index, so that
every record can be traced back to its raw lines.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """Body pieces first..last of one document, both included."""

    first: int
    last: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.first <= index <= self.last

    def __len__(self) -> int:
        return self.last - self.first + 1


@dataclass
class Description:
    """Columns that classify adds to a document, and its warnings."""

    columns: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    title: str | None = None  # the full title, when recovered from the body
