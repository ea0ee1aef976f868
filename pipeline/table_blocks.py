"""Cells of a flattened table: body pieces joined where a cell wraps."""

from collections import Counter
from typing import NamedTuple

import regex

from pipeline import patterns
from pipeline.memo import per_file
from pipeline.segment import Piece

# A block longer than this is a paragraph, not a cell; the longest cell
# of the dump's directories is an address of 33 characters.
MAX_CELL_CHARS = 60

# A whole run of spaces with a CJK character on either side: a layout
# space. A run starts after a non-space, and the possessive \s++ does
# not give back spaces, so a run is never cut at an ideographic space
# (one of the CJK characters) inside it.
_LAYOUT_SPACE = regex.compile(
    rf"(?<!\s)(?:(?<={patterns.CJK_CHAR.pattern})\s+"
    rf"|\s++(?={patterns.CJK_CHAR.pattern}))"
)


class Block(NamedTuple):
    """Body pieces first..last that print one cell, and its text.

    A named tuple, not a frozen dataclass: a table document makes a block
    of every body line, and a tuple is built in half the time.
    """

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

    @property
    def is_prose(self) -> bool:
        """A paragraph or an intro line: never a cell, a label or a caption."""
        return is_prose(self.text)

    @property
    def row_number(self) -> int | None:
        """The row number the block holds alone, the first cell of a row."""
        return row_number(self.text)

    def joined(self, other: "Block") -> "Block":
        pieces = self.pieces + other.pieces
        return Block(self.first, other.last, pieces, cell_text(pieces))


# Each block is asked the two questions below once or twice; cheap tests
# come before the patterns, which most blocks would fail. Both take a
# block's text, which is stripped.

def is_prose(text: str) -> bool:
    """Whether a block's text is a paragraph or an intro line."""
    # The text is stripped: its last character tells a prose ending.
    return (len(text) > MAX_CELL_CHARS
            or text[-1:] in patterns.PROSE_END_CHARS
            or ("-" in text and bool(patterns.DATE_LINE.match(text))))


def row_number(text: str) -> int | None:
    """The row number a block's text holds alone, if any."""
    # One to four digits, the text stripped; most short cells are words
    # (沈阳市), whose letters no digit is.
    if len(text) > 4 or text[:1].isalpha():
        return None
    number = patterns.ROW_NUMBER.match(text)
    return int(number.group(1)) if number else None


def body_blocks(body: list[Piece]) -> list[Block]:
    """A document's body as cells: lines that follow each other make one.

    A block line stands alone on its raw line; a paragraph of a row or a
    pipe row shares its line with others and is a cell of its own.
    """
    # A cell per piece, then the few wrapped ones joined: most pieces
    # are a cell alone, made in one comprehension.
    blocks = line_blocks(body)
    continuing = _continuing(body)
    if not continuing:
        return blocks
    joined: list[Block] = []
    for i, block in enumerate(blocks):
        if i in continuing:
            joined[-1] = joined[-1].joined(block)
        else:
            joined.append(block)
    return joined


def _continuing(body: list[Piece]) -> set[int]:
    """The pieces that continue the piece before them: on the next raw
    line, and each alone on its line."""
    lines = [p.line for p in body]
    alone = {line for line, count in Counter(lines).items() if count == 1}
    return {i for i in range(1, len(lines))
            if lines[i] == lines[i - 1] + 1
            and lines[i] in alone and lines[i - 1] in alone}


def line_blocks(body: list[Piece]) -> list[Block]:
    """A document's body as cells, one per piece, for lists that print a
    cell on each line without blank lines between them."""
    return [Block(i, i, (piece,), clean_text(piece.text))
            for i, piece in enumerate(body)]


def cell_text(pieces: tuple[Piece, ...]) -> str:
    """Wrapped lines joined, layout spaces dropped, other spaces folded."""
    if len(pieces) == 1:  # most cells: nothing to join
        return clean_text(pieces[0].text)
    return clean_text("\n".join(p.text for p in pieces))


def clean_text(text: str) -> str:
    """Layout spaces (a CJK character beside them) dropped, other runs of
    spaces folded to one."""
    text = text.strip()
    # Most cells hold no space. Every character of WHITESPACE_RUN but the
    # ASCII space is unprintable, so these two string tests tell such a
    # cell at a quarter of the cost of the pattern.
    if text.isprintable() and " " not in text:
        return text
    return _spaces_cleaned(text)


# Cells with spaces recur (a city printed 沈 阳 on every row, a pair of
# phone numbers, lists that documents repeat): each is cleaned once per
# raw file (memo.per_file). The bound keeps memory flat.
@per_file(maxsize=4096)
def _spaces_cleaned(text: str) -> str:
    """clean_text for a stripped text that may hold spaces."""
    if not patterns.WHITESPACE_RUN.search(text):
        return text
    # Two passes in C spare a Python call per run: layout runs go first,
    # whole, so the runs left are those with no CJK neighbour.
    dropped: str = _LAYOUT_SPACE.sub("", text)
    folded: str = patterns.WHITESPACE_RUN.sub(" ", dropped)
    return folded
