"""Split the <p> HTML of tab-separated rows into paragraphs with spans."""

from dataclasses import dataclass
from html.parser import HTMLParser

import regex

# Tags that a crawl of a government site can leave in a cell. Anything
# else between angle brackets (<http://www.lnrc.com.cn>) is text.
_HTML_TAGS = frozenset(
    "a b br div em font i li ol p span strong sub sup table tbody td th "
    "thead tr u ul".split()
)
_BLOCK_TAGS = frozenset({"p", "div", "li", "tr", "br"})
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's plain text and its raw span within the parsed cell."""

    text: str
    start: int
    end: int


def paragraphs(cell: str) -> list[Paragraph]:
    """Paragraphs of one single-line cell, in order.

    The spans cover every non-blank character of the cell exactly once:
    markup with no text of its own (an empty <p></p>) joins the next
    paragraph, or the previous one at the end of the cell.
    """
    reader = _Reader()
    reader.feed(cell)
    reader.close()
    pieces = [_trim(p, cell) for p in reader.segments(len(cell))]
    pieces = [p for p in pieces if p.start < p.end]
    return _absorb_empty(pieces)


class _Reader(HTMLParser):
    """Records text with its offsets, and where block tags cut the cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._texts: list[tuple[int, str]] = []
        self._cuts: set[int] = {0}

    def _offset(self) -> int:
        return self.getpos()[1]  # cells are single lines

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _HTML_TAGS:
            self._texts.append((self._offset(), self.get_starttag_text() or ""))
        elif tag in _BLOCK_TAGS:
            self._cuts.add(self._offset())

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._cuts.add(self.rawdata.find(">", self._offset()) + 1)

    def handle_data(self, data: str) -> None:
        self._texts.append((self._offset(), data))

    def segments(self, length: int) -> list[Paragraph]:
        cuts = sorted(c for c in self._cuts if 0 <= c < length) + [length]
        texts = iter(sorted(self._texts, key=lambda t: t[0]))
        pending = next(texts, None)
        found = []
        for start, end in zip(cuts, cuts[1:]):
            raw = []
            while pending is not None and pending[0] < end:
                raw.append(pending[1])
                pending = next(texts, None)
            text = _SPACES.sub(" ", "".join(raw)).strip()
            found.append(Paragraph(text, start, end))
        return found


def _trim(paragraph: Paragraph, cell: str) -> Paragraph:
    """Shrink a span so that it starts and ends on non-blank characters."""
    start, end = paragraph.start, paragraph.end
    while start < end and cell[start].isspace():
        start += 1
    while end > start and cell[end - 1].isspace():
        end -= 1
    return Paragraph(paragraph.text, start, end)


def _absorb_empty(pieces: list[Paragraph]) -> list[Paragraph]:
    """Give spans of bare markup to a neighbouring paragraph."""
    merged: list[Paragraph] = []
    pending: int | None = None  # start of markup waiting for text
    for piece in pieces:
        if not piece.text:
            pending = piece.start if pending is None else pending
            continue
        start = piece.start if pending is None else pending
        merged.append(Paragraph(piece.text, start, piece.end))
        pending = None
    if pending is not None:
        if merged:
            last = merged.pop()
            merged.append(Paragraph(last.text, last.start, pieces[-1].end))
        else:
            merged.append(Paragraph("", pending, pieces[-1].end))
    return merged
