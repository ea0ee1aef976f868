"""Paragraphs of a document's body, with page breaks mended (issue 4).

The PDF-to-text step cut a paragraph in two where a page ended: the
line stops mid-sentence, a blank line follows, then the rest of the
paragraph. Such halves are rejoined, but never across a table, a
heading or a numbered item.
"""

import bisect
from typing import NamedTuple

from pipeline import patterns
from pipeline.numbering import leading_marker
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Span

# The shortest first half that a page break leaves in the dump is 54
# characters (one printed line, line 1716); headings, names and table
# cells that end without punctuation are shorter than 50.
MIN_BROKEN_LENGTH = 50


# A named tuple rather than a dataclass, like segment's Piece: a document
# has one per paragraph, and a frozen dataclass costs four times as much
# to make.
class BodyParagraph(NamedTuple):
    """One paragraph of the body and the body pieces it is made of.

    offsets[k] is where the text of pieces[k] begins in text, so that a
    position in the paragraph can be traced back to its raw line.
    """

    text: str
    pieces: tuple[int, ...]
    offsets: tuple[int, ...] = (0,)

    def locate(self, position: int) -> tuple[int, int]:
        """The body piece (index into draft.body) holding a text position,
        and the position within that piece's text."""
        # The last piece that begins at or before the position; offsets
        # never decrease, so a binary search finds it.
        k = bisect.bisect_right(self.offsets, position) - 1
        if k < 0:
            raise ValueError(f"position {position} before the paragraph")
        return self.pieces[k], position - self.offsets[k]


def body_paragraphs(draft: DraftDocument,
                    tables: list[Span]) -> list[BodyParagraph]:
    """The body's paragraphs, in order, page breaks mended."""
    # Where each body piece stands among all the document's pieces: a
    # gap means a separator row between two body pieces.
    positions = [n for n, p in enumerate(draft.pieces) if p.role == "body"]
    body = [draft.pieces[n] for n in positions]  # draft.body, in one pass
    in_tables = table_pieces(tables)
    paragraphs: list[BodyParagraph] = []
    for i, piece in enumerate(body):
        if not piece.text:
            continue
        # Each piece is a paragraph of its own, made at once; the few a
        # page break cut are joined again to the one before. A table's
        # piece (half the pieces) is tested here, before the call.
        if paragraphs and i not in in_tables and _continues(
                body, paragraphs[-1].pieces[-1], i, positions, in_tables):
            paragraphs[-1] = _joined(body, paragraphs[-1].pieces + (i,))
        else:
            paragraphs.append(BodyParagraph(piece.text, (i,)))
    return paragraphs


def table_pieces(tables: list[Span]) -> set[int]:
    """The body pieces that tables hold: one set lookup per piece then,
    not one test per table."""
    return {i for span in tables for i in range(span.first, span.last + 1)}


def line_position(body: list[Piece], piece_index: int, position: int,
                  end: bool = False) -> tuple[int, int]:
    """Raw line and character of a position in a body piece's text.

    A block line's text is its raw text, so the position carries over.
    A <p> or pipe-row piece has markup and folded spaces in between: the
    text around the position is looked up in the raw piece, and the
    piece's own edge is used when it cannot be found there.
    """
    piece = body[piece_index]
    if piece.raw == piece.text:
        return piece.line, piece.start + position
    found = _find_in_raw(piece, position, end)
    if found is not None:
        return piece.line, piece.start + found
    return piece.line, piece.end if end else piece.start


def _continues(body: list[Piece], before: int, after: int,
               positions: list[int], in_tables: set[int]) -> bool:
    """Whether body piece `after` is the rest of a paragraph cut at `before`."""
    first, second = body[before], body[after]
    if after != before + 1 or second.line <= first.line + 1:
        return False  # a page break leaves a blank line, nothing else
    if positions[after] != positions[before] + 1:
        return False  # a separator row stands between them
    if before in in_tables or after in in_tables:
        return False
    return _cut_mid_sentence(first.text) and _carries_on(second.text)


# Characters that SENTENCE_END finds at a text's very end (tests check
# each): most paragraphs end with one, which settles the test at once.
_SENTENCE_END_CHARS = frozenset("。；;！!？?：:…）)”』」》]】")


def _cut_mid_sentence(text: str) -> bool:
    if len(text) < MIN_BROKEN_LENGTH or text[-1] in _SENTENCE_END_CHARS:
        return False
    # The pattern is a character and spaces up to the end: searched from
    # the last character that str.rstrip keeps (it strips every space
    # the pattern's \s matches, and more), not along the whole text.
    tail = max(0, len(text.rstrip()) - 1)
    return not patterns.SENTENCE_END.search(text, tail)


def _carries_on(text: str) -> bool:
    """A continuation is prose: not a numbered item, a signature or a
    heading (a short line that ends without punctuation)."""
    if leading_marker(text) or patterns.LIST_BULLET.match(text):
        return False
    if patterns.SIGNATURE.match(text) or patterns.ATTACHMENT_LABEL.match(text):
        return False
    return (len(text) >= MIN_BROKEN_LENGTH
            or bool(patterns.SENTENCE_END.search(text)))


def _joined(body: list[Piece], group: tuple[int, ...]) -> BodyParagraph:
    """One paragraph of the text of several body pieces."""
    text = ""
    offsets = []
    for i in group:
        piece_text = body[i].text
        if text and _both_latin(text[-1], piece_text[0]):
            text += " "  # a word of Latin script cut at the page end
        offsets.append(len(text))
        text += piece_text
    return BodyParagraph(text, group, tuple(offsets))


def _both_latin(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() \
        and right.isalnum()


def _find_in_raw(piece: Piece, position: int, end: bool) -> int | None:
    """Where the text next to a position stands in the raw piece.

    Markup only adds characters before a position, so the occurrence
    nearest to it at or after it (less folded spaces) is taken.
    """
    for width in (8, 3, 1):
        if end:
            snippet = piece.text[max(0, position - width):position]
        else:
            snippet = piece.text[position:position + width]
        at = _nearest(piece.raw, snippet, position - len(snippet))
        if at is not None:
            return at + len(snippet) if end else at
    return None


def _nearest(raw: str, snippet: str, hint: int) -> int | None:
    if not snippet:
        return None
    at = raw.find(snippet, max(0, hint - 4))
    if at < 0:
        at = raw.find(snippet)
    return at if at >= 0 else None
