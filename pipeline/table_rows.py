"""Directory tables: header cells, then rows that open with their 序号.

A directory prints its header cells one per line (序号, 地区, 名称, 地址,
联系电话 ...), then each row's cells in the same order. Rows are cut at
each 序号 and their cells placed by content, so that a row lacking a
cell (no 地区, no phone) does not shift the cells after it. A label
standing alone before a repeated header (a city) is a group; one
standing before a row is a note on the group, or the new value of a
column that labels fill down (级别).

Known shortcomings:
- Two tables of one document with the same kinds of columns, the second
  after a short title line, are read as one table with two groups; no
  document of the dump has them. Telling a caption from a group label
  (a city name) by content would separate them.
- A repeated header that words a column differently (接待单位 for 名称 in
  the hotel lists' 朝阳市 group) keeps the first header's column names.
- A row is complete once its phone is read, so a row printed without a
  序号 is found only after a row with a phone; a directory without a
  phone column would join such a row to the one before it.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal, NamedTuple

from pipeline import patterns
from pipeline.memo import per_file
from pipeline.phones import is_phone_cell
from pipeline.places import is_place_cell
from pipeline.table_blocks import Block, is_prose, row_number

log = logging.getLogger(__name__)

ColumnKind = Literal["seq", "level", "region", "name", "address", "phone"]

# Header cells of the dump's directories, spaces removed, by what they hold.
HEADER_KINDS: dict[str, ColumnKind] = {
    "序号": "seq",
    "级别": "level",
    "地区": "region",
    "市别": "region",
    "名称": "name",
    "接待单位": "name",
    "医疗机构名称": "name",
    "救助管理机构名称": "name",
    "地址": "address",
    "办公地址": "address",
    "联系电话": "phone",
    "救助电话": "phone",
}

# The first characters of the header cells. A block's text is stripped,
# so it opens with its compact form's first character: most blocks (a
# name, an address, a number) open with none of these, and are told from
# a header cell without building their compact form.
_HEADER_FIRSTS = frozenset(name[0] for name in HEADER_KINDS)

# Columns added for group labels and for notes on a group.
GROUP = "分组"
GROUP_NOTE = "分组说明"


@dataclass(frozen=True)
class Header:
    """A run of header cells: blocks first..last of the body's blocks."""

    first: int
    last: int
    names: tuple[str, ...]
    kinds: tuple[ColumnKind, ...]


@dataclass
class Row:
    """One rebuilt row: its cells by column and its own blocks."""

    values: dict[str, Block] = field(default_factory=dict)
    own: list[Block] = field(default_factory=list)
    seq: int | None = None
    phones: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    # A directory row's own blocks are read in body order (a list of
    # people may print a post before its name): the first block opens
    # the row and the last closes it, with no need to compare them all.

    @property
    def line_start(self) -> int:
        return self.own[0].line_start

    @property
    def line_end(self) -> int:
        return self.own[-1].line_end

    @property
    def closed(self) -> bool:
        """A row is complete once its phone, the last column, is read."""
        return bool(self.phones)


@dataclass
class Directory:
    """A directory table rebuilt from the blocks of a document's body."""

    headers: list[Header]
    # The label before each header: a group label; a caption if only one.
    labels: list[Block | None] = field(default_factory=list)
    caption: Block | None = None
    rows: list[Row] = field(default_factory=list)
    notes: bool = False  # some group has a note

    @property
    def group_labels(self) -> list[Block]:
        return [label for label in self.labels if label is not None]

    @property
    def names(self) -> tuple[str, ...]:
        return self.headers[0].names

    @property
    def kinds(self) -> tuple[ColumnKind, ...]:
        return self.headers[0].kinds


def find_headers(blocks: list[Block]) -> list[Header]:
    """Every run of two or more header cells that holds 序号."""
    headers = []
    start = 0
    # Runs of header cells and of other blocks, found in C: the loop
    # turns once a run, not once a block.
    for is_header, run in groupby(header_flags(blocks)):
        end = start + len(list(run))
        if is_header:
            names = tuple(b.compact for b in blocks[start:end])
            if len(names) >= 2 and "序号" in names:
                kinds = tuple(HEADER_KINDS[n] for n in names)
                headers.append(Header(start, end - 1, names, kinds))
        start = end
    return headers


def header_flags(blocks: list[Block]) -> list[bool]:
    """Whether each block is a header cell."""
    return [b.text[:1] in _HEADER_FIRSTS and b.compact in HEADER_KINDS
            for b in blocks]


def directories(blocks: list[Block]) -> list[Directory]:
    """The directory tables of a document, each with its rows."""
    tables = list(_grouped(blocks, find_headers(blocks)))
    for k, table in enumerate(tables):
        after = tables[k + 1] if k + 1 < len(tables) else None
        _read_rows(table, blocks, after)
    return [t for t in tables if t.rows]


def _grouped(blocks: list[Block], headers: list[Header]) -> Iterator[Directory]:
    """Headers repeated with the same columns after a label make one table
    with groups; other headers start tables of their own."""
    current: Directory | None = None
    for header in headers:
        label = _label_before(blocks, header.first)
        if (current is not None and label is not None
                and header.kinds == current.kinds):
            current.headers.append(header)
            current.labels.append(label)
            continue
        if current is not None:
            yield _settled(current)
        current = Directory([header], labels=[label])
    if current is not None:
        yield _settled(current)


def _settled(table: Directory) -> Directory:
    """One header: the label before it is a caption, not a group."""
    if len(table.headers) == 1:
        table.caption = table.labels[0]
        table.labels = [None]
    return table


def _label_before(blocks: list[Block], index: int) -> Block | None:
    if index == 0:
        return None
    before = blocks[index - 1]
    if before.is_prose or before.row_number is not None:
        return None
    return before


def _read_rows(table: Directory, blocks: list[Block],
               after: Directory | None) -> None:
    """Rows of every group, each group's blocks up to the next label."""
    reader = _RowReader(table)
    for k, header in enumerate(table.headers):
        reader.start_group(table.labels[k])
        stop = _segment_end(table, k, blocks, after)
        for block in blocks[header.last + 1:stop]:
            reading = _reading(block.text)
            if reading.prose:
                break
            reader.read(block, reading)
        reader.end_segment()
    table.rows = reader.rows
    table.notes = reader.noted
    columns = _text_columns(table)
    phone_column = _column(table, "phone")
    for row in table.rows:
        place_cells(row, columns, phone_column)
    seq_warnings(table.rows)


def _segment_end(table: Directory, k: int, blocks: list[Block],
                 after: Directory | None) -> int:
    """Index of the first block after group k: the next label or header."""
    if k + 1 < len(table.headers):
        following = table.headers[k + 1].first
        return following - 1 if table.labels[k + 1] else following
    if after is not None:
        first = after.headers[0].first
        return first - 1 if after.caption or after.labels[0] else first
    return len(blocks)


class _Reading(NamedTuple):
    """What the row reader asks of a block, by its text alone."""

    prose: bool
    row_number: int | None
    phone: bool


# One lookup instead of three tests a block, each distinct text read once
# per raw file (memo.per_file): a directory repeats its numbers, cities
# and phones, and its editions repeat its lists. The bound keeps memory
# flat.
@per_file(maxsize=8192)
def _reading(text: str) -> _Reading:
    return _Reading(is_prose(text), row_number(text), is_phone_cell(text))


class _RowReader:
    """Reads a table's blocks into rows, one block at a time."""

    def __init__(self, table: Directory):
        self.table = table
        # Every header holds 序号 (find_headers).
        self.seq_column = table.names[table.kinds.index("seq")]
        self.rows: list[Row] = []
        self.pending: list[Block] = []
        self.labels: dict[str, Block] = {}
        self.noted = False
        self.current: Row | None = None

    def start_group(self, label: Block | None) -> None:
        self.labels = {GROUP: label} if label is not None else {}

    def read(self, block: Block, reading: _Reading) -> None:
        if reading.row_number is not None:
            self._flush_pending(before_row=True)
            self._start_row(reading.row_number, block)
            return
        phone = reading.phone
        if (self.pending or self.current is None
                or (self.current.closed and not phone)):
            self.pending.append(block)
        else:
            self.current.own.append(block)
            if phone:
                self.current.phones.append(block)

    def end_segment(self) -> None:
        self._flush_pending(before_row=False)
        self.current = None

    def _start_row(self, seq: int | None, seq_block: Block | None) -> Row:
        row = Row(seq=seq)
        row.values.update(self.labels)
        if seq_block is not None:
            row.own.append(seq_block)
            row.values[self.seq_column] = seq_block
        self.rows.append(row)
        self.current = row
        return row

    def _flush_pending(self, before_row: bool) -> None:
        """Blocks after a row's phone: a row printed without its 序号 (it
        has a phone, or several cells before the next 序号), or a label
        (one block before the next 序号). Anything else after a group's
        last row stays outside the table."""
        if not self.pending:  # most rows: the row before ended at its phone
            return
        pending, self.pending = self.pending, []
        phones = [b for b in pending if is_phone_cell(b.text)]
        if phones or (before_row and len(pending) >= 2):
            row = self._start_row(None, None)
            row.own += pending
            row.phones += phones
            row.warnings.append("seq_missing")
        elif before_row and len(pending) == 1:
            self._take_label(pending[0])
        elif pending:
            log.debug("left outside the table: %s", pending[0].text)

    def _take_label(self, block: Block) -> None:
        if "level" in self.table.kinds:
            name = self.table.names[self.table.kinds.index("level")]
            self.labels[name] = block
        else:
            self.labels[GROUP_NOTE] = block
            self.noted = True


def place_cells(row: Row, columns: list[tuple[str, ColumnKind]],
                phone_column: str | None) -> None:
    """Give each of a row's blocks its column, by content: columns are
    the table's region, name and address columns, in order."""
    # Blocks by identity: comparing them field by field costs far more.
    # The 序号 block, if any, opens the row's own blocks and no other
    # holds a row number (it would have started a row): skipping it
    # spares asking each block for its number again.
    phones = set(map(id, row.phones))
    cells = row.own[1:] if row.seq is not None else row.own
    others = _join_wrapped([b for b in cells if id(b) not in phones])
    columns = list(columns)
    if columns and columns[0][1] == "region":
        region = columns.pop(0)[0]
        if others and (is_place_cell(others[0].text)
                       or len(others) > len(columns)):
            row.values[region] = others.pop(0)
    for (name, _), block in zip(columns, others):
        row.values[name] = block
    if columns and len(others) > len(columns):
        # The last column (the address) wrapped across a blank line.
        row.values[columns[-1][0]] = _joined(others[len(columns) - 1:])
    if row.phones and phone_column is not None:
        row.values[phone_column] = _joined(row.phones)


def seq_warnings(rows: list[Row]) -> None:
    """Flag a 序号 that repeats, skips or restarts; rows stay as printed."""
    last: int | None = None
    for row in rows:
        if row.seq is None:
            continue
        if last is not None and row.seq == last:
            row.warnings.append("seq_repeat")
        elif last is not None and row.seq < last:
            row.warnings.append("seq_restart")
        elif last is not None and row.seq > last + 1:
            row.warnings.append("seq_gap")
        last = row.seq


def _text_columns(table: Directory) -> list[tuple[str, ColumnKind]]:
    """The columns whose cells are placed by content, in order."""
    return [(n, k) for n, k in zip(table.names, table.kinds)
            if k in ("region", "name", "address")]


def _column(table: Directory, kind: ColumnKind) -> str | None:
    """The name of the table's first column of a kind, if it has one."""
    if kind not in table.kinds:
        return None
    return table.names[table.kinds.index(kind)]


def _join_wrapped(blocks: list[Block]) -> list[Block]:
    """Join a cell that a blank line split: an opening bracket left open,
    or a next block that opens with a bracket, continues the cell."""
    # Both need an opening bracket, which most rows do not print: one
    # search of all their texts spares testing each block.
    if not patterns.OPEN_BRACKET.search("".join([b.text for b in blocks])):
        return blocks
    joined: list[Block] = []
    for block in blocks:
        if joined and (_unclosed(joined[-1].text)
                       or block.text.startswith(patterns.OPEN_BRACKETS)):
            joined[-1] = joined[-1].joined(block)
        else:
            joined.append(block)
    return joined


def _unclosed(text: str) -> bool:
    # Most cells hold no bracket: none is open without an opening one.
    if not patterns.OPEN_BRACKET.search(text):
        return False
    return (sum(map(text.count, patterns.OPEN_BRACKETS))
            > sum(map(text.count, patterns.CLOSE_BRACKETS)))


def _joined(blocks: list[Block]) -> Block:
    result = blocks[0]
    for block in blocks[1:]:
        result = result.joined(block)
    return result
