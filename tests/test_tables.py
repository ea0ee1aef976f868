"""The tables stage on the real dump, against rows checked by hand."""

import csv
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import regex

from pipeline import patterns
from pipeline.read import read_raw
from pipeline.run import Extraction
from pipeline.segment import Piece, segment
from pipeline.table_blocks import Block, body_blocks, cell_text, clean_text, line_blocks
from pipeline.table_rows import HEADER_KINDS, Row, directories, header_flags
from pipeline.tables import find_tables
from tests.conftest import EXPECTED, REAL_DUMP

# Columns whose value is a label filled down from the label's own line.
LABEL_COLUMNS = {"分组", "分组说明", "级别"}


def _expected(name: str) -> list[dict[str, str]]:
    path = EXPECTED / f"liaoning-2020-02.{name}.tsv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _by_line(real_run: Extraction) -> dict[int, Any]:
    return {t.line_start: t for t in real_run.rows["tables"]}


def _cells(real_run: Extraction) -> dict[tuple[str, int], list[Any]]:
    rows: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for cell in real_run.rows["table_cells"]:
        rows[(cell.table_id, cell.row_no)].append(cell)
    return rows


def test_every_table_is_found_with_its_hand_checked_size(
    real_run: Extraction,
) -> None:
    found = [
        {"line_start": str(t.line_start), "line_end": str(t.line_end),
         "n_rows": str(t.n_rows), "complete": str(t.complete).lower(),
         "caption": t.caption or "", "columns": ",".join(t.columns)}
        for t in real_run.rows["tables"]
    ]
    assert found == _expected("tables")


@pytest.mark.parametrize(
    "row", _expected("tables-rows"),
    ids=lambda r: f"{r['table_line_start']}-row{r['row_no']}",
)
def test_hand_checked_rows_are_rebuilt_whole(
    real_run: Extraction, row: dict[str, str],
) -> None:
    table = _by_line(real_run)[int(row["table_line_start"])]
    cells = sorted(_cells(real_run)[(table.table_id, int(row["row_no"]))],
                   key=lambda c: c.column_no)
    printed = " | ".join(f"{c.column_name}={c.value}" for c in cells)
    own = [c for c in cells if c.column_name not in LABEL_COLUMNS]
    assert printed == row["cells"]
    assert min(c.line_start for c in own) == int(row["line_start"])
    assert max(c.line_end for c in own) == int(row["line_end"])


@pytest.mark.parametrize(
    "row", _expected("tables-entries"),
    ids=lambda r: f"{r['table_line_start']}-row{r['row_no']}",
)
def test_hand_checked_entries_are_typed(
    real_run: Extraction, row: dict[str, str],
) -> None:
    table = _by_line(real_run)[int(row["table_line_start"])]
    entry = next(e for e in real_run.rows["directory_entries"]
                 if e.table_id == table.table_id
                 and e.row_no == int(row["row_no"]))
    found = {
        "seq": "" if entry.seq is None else str(entry.seq),
        "group_label": entry.group_label or "",
        "city_code": entry.city_code or "",
        "district": entry.district or "",
        "district_code": entry.district_code or "",
        "phones_e164": ",".join(p or "-" for p in entry.phones_e164),
        "phone_extensions": ",".join(x for x in entry.phone_extensions if x),
        "warnings": ",".join(entry.warnings),
    }
    assert found == {k: v for k, v in row.items() if k in found}


def test_rows_are_numbered_from_one_and_none_is_empty(
    real_run: Extraction,
) -> None:
    cells = _cells(real_run)
    for table in real_run.rows["tables"]:
        numbers = sorted({r for (t, r) in cells if t == table.table_id})
        assert numbers == list(range(1, table.n_rows + 1)), table.table_id
    assert all(c.value for c in real_run.rows["table_cells"])


def test_every_directory_row_is_an_entry_and_people_are_not(
    real_run: Extraction,
) -> None:
    entries: dict[str, int] = defaultdict(int)
    for entry in real_run.rows["directory_entries"]:
        entries[entry.table_id] += 1
    for table in real_run.rows["tables"]:
        people = table.columns == ["分组", "姓名", "职务"]
        assert entries[table.table_id] == (0 if people else table.n_rows)


def test_no_cell_holds_a_title_or_date_line(real_run: Extraction) -> None:
    heading = {(p.line, p.char_start) for p in real_run.lines
               if p.role in ("title", "date")}
    for cell in real_run.rows["table_cells"]:
        assert (cell.line_start, cell.char_start) not in heading
    # The rescue stations' title stands after row 1 (line 2233).
    rescue = _by_line(real_run)[2217]
    row_two = _cells(real_run)[(rescue.table_id, 2)]
    assert min(c.line_start for c in row_two) == 2237


def test_cell_offsets_point_at_the_printed_text(real_run: Extraction) -> None:
    lines = read_raw(REAL_DUMP).lines
    for cell in real_run.rows["table_cells"]:
        first = lines[cell.line_start - 1][cell.char_start:]
        last = lines[cell.line_end - 1][:cell.char_end]
        assert first.strip() and last.strip()
        if cell.line_start == cell.line_end and cell.column_name != "序号":
            text = lines[cell.line_start - 1][cell.char_start:cell.char_end]
            assert "".join(cell.value.split())[:1] in text


def test_spans_run_from_header_to_last_row_without_the_intro() -> None:
    drafts = {d.line_start: d for d in segment(read_raw(REAL_DUMP)).documents}
    rescue = drafts[2215]
    [table] = find_tables(rescue)
    assert rescue.body[table.span.first].text == "序号"
    assert rescue.body[table.span.first - 1].text.endswith("如下：")
    assert table.span.last == len(rescue.body) - 1
    hospitals = drafts[3034]
    first, second = find_tables(hospitals)
    assert hospitals.body[first.span.first].text == "级别"
    assert hospitals.body[second.span.first - 1].text == (
        "辽宁省设置发热门诊的助产医疗机构名单")


@pytest.mark.parametrize(("raw", "text"), [
    ("沈阳市  第四 人民医院", "沈阳市第四人民医院"),
    ("No.  5\n", "No. 5"),
    # A run is judged as a whole by the characters around it, even when
    # it holds an ideographic space.
    ("No.\u3000 5", "No. 5"),
    ("No.\u30005", "No. 5"),
])
def test_layout_spaces_are_dropped_and_others_folded(raw: str,
                                                     text: str) -> None:
    assert clean_text(raw) == text


@pytest.mark.parametrize(("text", "row_number", "prose"), [
    ("12", 12, False),
    ("１２", 12, False),
    ("12345", None, False),
    ("2020-02-09", None, True),
    ("联系电话：", None, True),
    ("沈阳市第四人民医院", None, False),
])
def test_blocks_tell_row_numbers_and_prose(text: str, row_number: int | None,
                                           prose: bool) -> None:
    piece = Piece(1, 0, len(text), text, text)
    [block] = line_blocks([piece])
    assert block.row_number == row_number
    assert block.is_prose is prose


def test_row_numbers_pass_the_letter_pre_check() -> None:
    """Block.row_number skips the pattern for a text opening with a
    letter: no digit the pattern knows is a letter, in all of Unicode,
    and every row number of the dump passes."""
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    digits = regex.findall(r"\d", every_char)
    assert len(digits) > 600
    assert not [d for d in digits if d.isalpha()]
    lines = REAL_DUMP.read_text(encoding="utf-8").splitlines()
    numbers = [line.strip() for line in lines
               if patterns.ROW_NUMBER.match(line.strip())]
    assert len(numbers) > 400
    for text in numbers:
        [block] = line_blocks([Piece(1, 0, len(text), text, text)])
        assert block.row_number == int(text)


def test_pipe_rows_ending_a_list_are_no_table(real_run: Extraction) -> None:
    # Lines 7530-7533 wrap items 9 and 10 of a list in markdown pipes.
    assert not [t for t in real_run.rows["tables"]
                if t.line_start <= 7533 and t.line_end >= 7530]
    drafts = {d.line_start: d for d in segment(read_raw(REAL_DUMP)).documents}
    assert find_tables(drafts[7486]) == []


def test_tables_lie_in_a_part_of_their_document(real_run: Extraction) -> None:
    for table in real_run.rows["tables"]:
        assert table.part_id is not None
        assert table.part_id.startswith(table.doc_id + "-p")


def test_table_warnings_reach_the_warnings_dataset(
    real_run: Extraction,
) -> None:
    recorded = {(w.line, w.code) for w in real_run.rows["warnings"]}
    for entry in real_run.rows["directory_entries"]:
        for code in entry.warnings:
            assert (entry.line_start, code) in recorded


def test_outputs_hold_every_table_record(real_out: Path) -> None:
    counts = {name: pq.read_metadata(real_out / f"{name}.parquet").num_rows
              for name in ("tables", "table_cells", "directory_entries")}
    assert counts["tables"] == 7
    assert counts["directory_entries"] == 103 + 14 + 69 + 17 + 128 + 102
    assert counts["table_cells"] > counts["directory_entries"] * 3


def _plain_clean_text(text: str) -> str:
    """clean_text's rule as first written: each run judged in Python."""
    text = text.strip()

    def space(run: "regex.Match[str]") -> str:
        before = text[run.start() - 1:run.start()]
        after = text[run.end():run.end() + 1]
        layout = (patterns.CJK_CHAR.match(before)
                  or patterns.CJK_CHAR.match(after))
        return "" if layout else " "

    cleaned: str = patterns.WHITESPACE_RUN.sub(space, text)
    return cleaned


def test_layout_spaces_pattern_agrees_with_the_plain_rule() -> None:
    """clean_text drops layout runs with one pattern: the same as judging
    each run in Python, on every line of the dump and on every string
    of up to six characters mixing letters, CJK and spaces."""
    alphabet = ["a", "沈", "，", "“", " ", "\u3000", "\n"]
    texts = REAL_DUMP.read_text(encoding="utf-8").splitlines()
    texts += ["".join(chars) for n in range(1, 7)
              for chars in itertools.product(alphabet, repeat=n)]
    assert [t for t in texts if clean_text(t) != _plain_clean_text(t)] == []


def _directory_rows() -> list[Row]:
    drafts = segment(read_raw(REAL_DUMP)).documents
    return [row for draft in drafts
            for table in directories(body_blocks(draft.body))
            for row in table.rows]


def test_only_a_rows_first_block_holds_its_number() -> None:
    """place_cells skips a row's first block when the row has a 序号
    instead of asking every block for a row number."""
    rows = _directory_rows()
    assert len(rows) > 400
    for row in rows:
        numbered = [b.row_number is not None for b in row.own]
        assert numbered == [row.seq is not None] + [False] * (len(numbered) - 1)


def test_a_rows_first_and_last_blocks_bound_its_lines() -> None:
    """Row.line_start and line_end read the first and last own blocks:
    the same as the least and greatest lines of all of them; and the
    last block ends the row in the body too (a table's span)."""
    for row in _directory_rows():
        assert row.line_start == min(b.line_start for b in row.own)
        assert row.line_end == max(b.line_end for b in row.own)
        assert row.own[-1].last == max(b.last for b in row.own)


def test_header_cells_are_told_by_their_first_character() -> None:
    """find_headers builds a block's compact form only when the block
    opens with a header cell's first character: the same cells as
    comparing every block's compact form, on every block of the dump."""
    blocks = [block for draft in segment(read_raw(REAL_DUMP)).documents
              for block in body_blocks(draft.body) + line_blocks(draft.body)]
    plain = [block.compact in HEADER_KINDS for block in blocks]
    assert sum(plain) > 30
    assert header_flags(blocks) == plain


def test_only_the_ascii_space_is_printable_whitespace() -> None:
    """clean_text takes a printable text without an ASCII space for one
    without whitespace: no other character the pattern matches is
    printable, among all of Unicode."""
    printable = [char for char in map(chr, range(sys.maxunicode + 1))
                 if char.isprintable() and patterns.WHITESPACE_RUN.match(char)]
    assert printable == [" "]


def _plain_body_blocks(body: list[Piece]) -> list[Block]:
    """body_blocks's rule as first written: each run of pieces on lines
    that follow each other, alone on them, made into a block at once."""
    per_line = Counter(p.line for p in body)
    blocks = []
    first = 0
    for i in range(1, len(body) + 1):
        if (i < len(body) and body[i].line == body[i - 1].line + 1
                and per_line[body[i - 1].line] == per_line[body[i].line] == 1):
            continue
        pieces = tuple(body[first:i])
        blocks.append(Block(first, i - 1, pieces, cell_text(pieces)))
        first = i
    return blocks


def test_wrapped_cells_are_joined_as_by_the_plain_rule() -> None:
    """body_blocks makes a block of each piece, then joins the wrapped
    ones: the same blocks as cutting the body into runs first."""
    drafts = segment(read_raw(REAL_DUMP)).documents
    for draft in drafts:
        assert body_blocks(draft.body) == _plain_body_blocks(draft.body)
    wrapped = [b for d in drafts for b in body_blocks(d.body)
               if len(b.pieces) > 1]
    assert len(wrapped) > 20
