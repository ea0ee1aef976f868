"""Cells of a flattened table: body pieces joined where a cell wraps."""

from collections import Counter
from dataclasses import dataclass

import regex

from pipeline import patterns
from pipeline.segment import DraftDocument, Piece

# A block longer than this is a paragraph, not a cell; the longest cell
# of the dump's directories is an address of 33 characters.
MAX_CELL_CHARS = 60


@dataclass(frozen=True)
class Block:
    """Body pieces first..last that print one cell, and its text."""

    first: int
    last: int
    pieces: tuple[Piece, ...]
    text: str

    @property
    def line_start(self) -> int:
        return self.pieces[0].line

    @property
    def line_end(self) -> int:
        return self.pieces[-1].line

    @property
    def compact(self) -> str:
        """The text without any space: how header cells are compared."""
        return "".join(self.text.split())

    def joined(self, other: "Block") -> "Block":
        pieces = self.pieces + other.pieces
        return Block(self.first, other.last, pieces, cell_text(pieces))


def body_blocks(draft: DraftDocument) -> list[Block]:
    """The body as cells: lines that follow each other make one cell.

    A block line stands alone on its raw line; a paragraph of a row or a
    pipe row shares its line with others and is a cell of its own.
    """
    body = draft.body
    per_line = Counter(p.line for p in body)
    blocks: list[Block] = []
    first = 0
    for i in range(1, len(body) + 1):
        if i < len(body) and _continues(body[i - 1], body[i], per_line):
            continue
        blocks.append(_block(body, first, i - 1))
        first = i
    return blocks


def line_blocks(draft: DraftDocument) -> list[Block]:
    """The body as cells, one per piece, for lists that print a cell on
    each line without blank lines between them."""
    body = draft.body
    return [_block(body, i, i) for i in range(len(body))]


def cell_text(pieces: tuple[Piece, ...]) -> str:
    """Wrapped lines joined, layout spaces dropped, other spaces folded."""
    return clean_text("\n".join(p.text for p in pieces))


def clean_text(text: str) -> str:
    """Layout spaces dropped, other runs of spaces folded to one."""
    text = text.strip()
    cleaned: str = patterns.WHITESPACE_RUN.sub(
        lambda run: _space(run, text), text)
    return cleaned


def _space(run: "regex.Match[str]", text: str) -> str:
    """Nothing for a layout space (a CJK character beside it), else one."""
    before = text[run.start() - 1:run.start()]
    after = text[run.end():run.end() + 1]
    if patterns.CJK_CHAR.match(before) or patterns.CJK_CHAR.match(after):
        return ""
    return " "


def is_prose(block: Block) -> bool:
    """A paragraph or an intro line: never a cell, a label or a caption."""
    return (len(block.text) > MAX_CELL_CHARS
            or bool(patterns.PROSE_END.search(block.text))
            or bool(patterns.DATE_LINE.match(block.text)))


def _continues(before: Piece, after: Piece, per_line: Counter[int]) -> bool:
    return (after.line == before.line + 1
            and per_line[before.line] == 1 and per_line[after.line] == 1)


def _block(body: list[Piece], first: int, last: int) -> Block:
    pieces = tuple(body[first:last + 1])
    return Block(first, last, pieces, cell_text(pieces))
