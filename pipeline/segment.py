"""Stage 2, segment: split a decoded dump into documents.

Segmentation is the one stage that sees a whole file: it finds where
documents start (a tab-separated row with a title, or a run of title
lines before a listing date) and gives every non-blank character to a
document or marks it as outside all documents.
"""

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from pipeline import patterns
from pipeline.markup import Paragraph, paragraphs
from pipeline.read import RawFile
from schemas.lines import Role

log = logging.getLogger(__name__)

# Longest title run, in lines, seen wrapped in a dump is eight; a longer
# run of short lines before a date is body text, not a title.
MAX_TITLE_LINES = 12

UnitKind = Literal[
    "header", "separator", "row", "continuation", "date", "text"
]


# Pieces and units are named tuples rather than dataclasses: a dump has
# one or more per line, and tuples are several times cheaper to make.
# The hottest places make them by tuple.__new__, fields in order, which
# skips the __new__ written in Python that NamedTuple generates: four
# times faster again.
_new = tuple.__new__


class Piece(NamedTuple):
    """A raw line, or a span of one, with its plain text and role."""

    line: int
    start: int
    end: int
    raw: str
    text: str
    role: Role = "body"

    def as_role(self, role: Role) -> "Piece":
        # Spelled out: _replace is several times slower.
        return _new(Piece, (*self[:5], role))


class Unit(NamedTuple):
    """One non-blank raw line, read as one of the dump's line shapes."""

    kind: UnitKind
    line: int
    pieces: tuple[Piece, ...]


@dataclass
class DraftDocument:
    """A document's raw pieces, before its fields are built."""

    doc_id: str
    source: str
    layout: Literal["block", "row"]
    pieces: list[Piece]
    warnings: list[str] = field(default_factory=list)

    def with_role(self, role: Role) -> list[Piece]:
        """The pieces of one role, in order; a shared list, read only."""
        return self._by_role.get(role, [])

    @cached_property
    def _by_role(self) -> dict[str, list[Piece]]:
        """The pieces grouped by role, in one pass.

        Built once: several stages ask each document for its title, date
        and body pieces, and a draft's pieces do not change after
        segmentation.
        """
        groups: dict[str, list[Piece]] = {}
        for piece in self.pieces:
            groups.setdefault(piece.role, []).append(piece)
        return groups

    @cached_property
    def body(self) -> list[Piece]:
        """The body pieces, in order: what later stages index into."""
        return self.with_role("body")

    @property
    def line_start(self) -> int:
        return self.pieces[0].line

    @property
    def line_end(self) -> int:
        return self.pieces[-1].line


@dataclass
class Segmentation:
    """Documents of one file, plus the pieces that belong to none."""

    source: str
    documents: list[DraftDocument]
    outside: list[Piece]
    warnings: list[tuple[int, str]]  # (line, code) outside any document


def segment(raw: RawFile) -> Segmentation:
    """Split one decoded dump into draft documents."""
    # Half a dump's lines are empty: skipping them here saves a call each.
    units = [unit for n, text in enumerate(raw.lines, 1)
             if text and (unit := read_unit(n, text)) is not None]
    starts = _document_starts(units)
    _move_displaced_starts(units, starts)
    return _assemble(raw, units, starts)


# 1. Line shapes ----------------------------------------------------------

def read_unit(number: int, line: str) -> Unit | None:
    """Read one raw line; None for a blank line."""
    text = line.strip()
    if not text:
        return None
    if line.count("\t") >= 2:
        fields = [f.strip() for f in line.split("\t")]
        if tuple(fields[:3]) == patterns.HEADER_FIELDS:
            return _whole("header", number, line, text)
        if _is_separator(line):
            return _whole("separator", number, line, text)
        return _row(number, line)
    # Most lines are plain text: their first character rules out the
    # other shapes before any pattern runs.
    first = text[0]
    if first in "-|:":
        if _is_separator(line):
            return _whole("separator", number, line, text)
        if _is_pipe_row(line):
            return _pipe_row(number, line)
    # A date line opens with four digits and a dash (2020-): a test that
    # spares the pattern the many lines led by a digit (1. items).
    if (text[4:5] == "-" and text[:4].isdigit()
            and patterns.DATE_LINE.match(line)):
        return _whole("date", number, line, text)
    return _whole("text", number, line, text)


def _is_separator(line: str) -> bool:
    return "--" in line and set(line) <= patterns.SEPARATOR_CHARS


def _is_pipe_row(line: str) -> bool:
    """A markdown pipe row, `| a | b |`, possibly behind a list bullet."""
    text = line.strip()
    return text.lstrip("- ").startswith("|") and text.endswith("|")


def _whole(kind: UnitKind, number: int, line: str, text: str) -> Unit:
    """The whole line as one piece; text is the line stripped."""
    # Most lines have no surrounding spaces: no search for where they end.
    start = 0 if len(text) == len(line) else line.find(text)
    role = "body" if kind == "text" else kind
    piece = _new(Piece, (number, start, start + len(text), text, text, role))
    return _new(Unit, (kind, number, (piece,)))


def _row(number: int, line: str) -> Unit:
    """A tab-separated row: title, date, then <p> paragraphs of text."""
    first = line.index("\t")
    second = line.index("\t", first + 1)
    cells = [(0, first), (first + 1, second), (second + 1, len(line))]
    title, date, text = (
        _offset(paragraphs(line[a:b]), a) for a, b in cells
    )
    pieces = [_piece(number, line, p, "title") for p in title]
    pieces += [_piece(number, line, p, "date") for p in date]
    pieces += [_piece(number, line, p, "body") for p in text]
    kind: UnitKind = "row" if title else "continuation"
    return Unit(kind, number, tuple(pieces))


def _pipe_row(number: int, line: str) -> Unit:
    """A markdown pipe row: its cells' paragraphs, pipes attached."""
    unpiped = line.replace("|", " ")
    found = paragraphs(unpiped)
    if not any(p.text.strip("- ") for p in found):  # `- | | | |`
        return _whole("separator", number, line, line.strip())
    spans = _cover(line, found)
    return Unit("text", number, tuple(
        _piece(number, line, p, "body") for p in spans
    ))


def _offset(found: list[Paragraph], by: int) -> list[Paragraph]:
    return [Paragraph(p.text, p.start + by, p.end + by) for p in found]


def _piece(number: int, line: str, par: Paragraph, role: Role) -> Piece:
    return Piece(number, par.start, par.end, line[par.start:par.end],
                 par.text, role)


def _cover(line: str, found: list[Paragraph]) -> list[Paragraph]:
    """Stretch spans so that together they hold every non-blank character.

    Characters between two spans go to the earlier one; those before the
    first span go to it too.
    """
    first = len(line) - len(line.lstrip())
    last = len(line.rstrip())
    starts = [first] + [p.start for p in found[1:]]
    ends = [p.start for p in found[1:]] + [last]
    return [
        Paragraph(p.text, s, len(line[:e].rstrip()))
        for p, s, e in zip(found, starts, ends)
    ]


# 2. Where documents start ----------------------------------------------

def _document_starts(units: list[Unit]) -> list[int]:
    """Indexes of the first unit of each document, in order."""
    starts = []
    for i, unit in enumerate(units):
        if unit.kind == "row":
            starts.append(i)
        elif unit.kind == "date":
            starts.append(i - _title_run_length(units, i))
    return starts


def _title_run_length(units: list[Unit], date_index: int) -> int:
    """How many text lines right before a date line form its title."""
    length = 0
    next_line = None  # line number of the unit after the candidate
    for unit in reversed(units[max(0, date_index - MAX_TITLE_LINES):
                               date_index]):
        if unit.kind != "text" or len(unit.pieces) != 1:
            break
        if next_line is not None and unit.line != next_line - 1:
            break  # a blank line ends the wrapped title going backwards
        if patterns.NOT_TITLE_LINE.search(unit.pieces[0].text):
            break
        length += 1
        next_line = unit.line
    return length


def _move_displaced_starts(units: list[Unit], starts: list[int]) -> None:
    """Give back to a document the content printed before its title.

    In one dump a directory's intro, table header and first row stand
    before its title, at the end of the previous document; the rows after
    the title go on from number 2. The start moves back to the intro.
    """
    for k in range(1, len(starts)):
        first_row = _first_row_number(units, starts[k])
        if first_row is None or first_row < 2:
            continue
        header = _table_header_before(units, starts[k - 1], starts[k],
                                      first_row - 1)
        if header is None:
            continue
        intro = header - 1
        if intro > starts[k - 1] + 1 and _introduces(units[intro]):
            header = intro
        log.debug("title displaced: line %d moves to %d",
                  units[starts[k]].line, units[header].line)
        starts[k] = header


def _first_row_number(units: list[Unit], start: int) -> int | None:
    """The row number that opens a block document's body, if any."""
    date = _date_after(units, start)
    if date is None or date + 1 >= len(units):
        return None
    after = units[date + 1]
    match = patterns.ROW_NUMBER.match(after.pieces[0].text)
    return int(match.group(1)) if after.kind == "text" and match else None


def _date_after(units: list[Unit], start: int) -> int | None:
    for i in range(start, min(len(units), start + MAX_TITLE_LINES + 1)):
        if units[i].kind == "date":
            return i
        if units[i].kind != "text":
            return None
    return None


def _table_header_before(units: list[Unit], lo: int, hi: int,
                         last_row: int) -> int | None:
    """Index of a 序号 header in units[lo:hi] whose rows end at last_row."""
    numbers = [i for i in range(hi - 1, lo, -1)
               if patterns.ROW_NUMBER.match(units[i].pieces[0].text)]
    if not numbers:
        return None
    last = numbers[0]
    if int(units[last].pieces[0].text) != last_row:
        return None  # the table before the title does not lead here
    for i in range(last - 1, lo, -1):
        if patterns.SEQ_HEADER.match(units[i].pieces[0].text):
            return i
    return None


def _introduces(unit: Unit) -> bool:
    """A paragraph that announces a table ends with a colon."""
    return unit.kind == "text" and unit.pieces[-1].text.endswith(("：", ":"))


# 3. Assembly -------------------------------------------------------------

def _assemble(raw: RawFile, units: list[Unit],
              starts: list[int]) -> Segmentation:
    bounds = list(zip(starts, starts[1:] + [len(units)]))
    head = units[:starts[0]] if starts else units
    outside = [_outside_role(p, u) for u in head for p in u.pieces]
    warnings = [(u.line, "orphan_continuation") for u in head
                if u.kind not in ("header", "separator")][:1]
    keys = Counter[str]()
    documents = []
    for lo, hi in bounds:
        draft = _draft(raw, units[lo:hi])
        keys[draft.doc_id] += 1
        if keys[draft.doc_id] > 1:
            draft.doc_id += f"-{keys[draft.doc_id]}"
        documents.append(draft)
    return Segmentation(raw.source, documents, outside, warnings)


def _outside_role(piece: Piece, unit: Unit) -> Piece:
    if unit.kind in ("header", "separator"):
        return piece.as_role(unit.kind)
    return piece.as_role("unassigned")


def _draft(raw: RawFile, units: list[Unit]) -> DraftDocument:
    """Give each piece of one document its role."""
    date_index = next(
        (i for i, u in enumerate(units) if u.kind in ("date", "row")), 0
    )
    anchor = units[date_index]
    title_run = _title_run_length(units, date_index)
    first_title = date_index - title_run
    # Only the title lines change role: date and separator lines got
    # theirs from read_unit, so the other pieces are taken as they are.
    pieces = [p for unit in units[:first_title] for p in unit.pieces]
    pieces += [p.as_role("title") for unit in units[first_title:date_index]
               for p in unit.pieces]
    pieces += [p for unit in units[date_index:] for p in unit.pieces]
    layout: Literal["block", "row"] = "row" if anchor.kind == "row" else "block"
    draft = DraftDocument("", raw.source, layout, pieces)
    draft.doc_id = _doc_id(raw.stem, draft)
    if date_index > 0 and layout == "block" and title_run < date_index:
        draft.warnings.append("title_displaced")
    return draft


def _doc_id(stem: str, draft: DraftDocument) -> str:
    """File stem and a hash of the raw title lines and listing date."""
    key = "\n".join(p.raw for p in draft.pieces if p.role in ("title", "date"))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}"
