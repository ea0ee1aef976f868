"""Parts of a document: the letter, attachments, forwarded documents."""

from dataclasses import dataclass
from typing import Literal

from pipeline.segment import DraftDocument
from pipeline.structure import Span

PartKind = Literal["letter", "attachment", "forwarded"]


@dataclass(frozen=True)
class FoundPart:
    """One part of a document: its order, kind and body pieces."""

    order: int
    kind: PartKind
    span: Span
    title: str | None = None


def part_id(doc_id: str, order: int) -> str:
    """Stable id of a document's part: the letter is part 0."""
    return f"{doc_id}-p{order}"


def split_parts(draft: DraftDocument, tables: list[Span]) -> list[FoundPart]:
    """The parts of a document, in order, covering its whole body.

    Not yet done: the whole body is one letter; attachments and
    forwarded documents are not split off (issues 4 and 6).
    """
    return [FoundPart(0, "letter", Span(0, len(draft.body) - 1))]
