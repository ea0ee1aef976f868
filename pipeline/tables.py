"""Tables flattened one cell per line, rebuilt as rows (issue 5).

Two shapes are found in a document's body: directories (header cells
with 序号, then rows; `table_rows`) and lists of people under role
labels (`table_people`). Each becomes a `tables` record, its cells in
long format, and for a directory one `directory_entries` record per
listed place or body, with phones split and formatted (`phones`) and
city and district coded (`places`).

Markdown pipe rows are read like any other body piece: their cells
become a table only when they hold a header; the dump's only pipe rows
(the last two items of a numbered list) do not.
"""

import logging
from dataclasses import dataclass, field

from pipeline import patterns
from pipeline.parts import FoundPart, part_id
from pipeline.phones import split_phones
from pipeline.places import city_named, resolve
from pipeline.problems import warning
from pipeline.rows import DirectoryEntryRow, TableCellRow
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Span
from pipeline.table_blocks import body_blocks, line_blocks
from pipeline.table_people import NAME, POST, ROLE, People, find_people
from pipeline.table_rows import (
    GROUP,
    GROUP_NOTE,
    ColumnKind,
    Directory,
    Row,
    directories,
)
from schemas import WarningRecord
from schemas.tables import Table

log = logging.getLogger(__name__)

@dataclass
class FoundTable:
    """A table of one document: the body pieces it spans and its records."""

    span: Span
    table: Table
    # Rows, checked against TableCell and DirectoryEntry when encoded.
    cells: list[TableCellRow] = field(default_factory=list)
    entries: list[DirectoryEntryRow] = field(default_factory=list)
    # (raw line, warning code) for the warnings dataset, one per problem.
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Rebuilt:
    """A table before its records: columns, rows and body span."""

    first: int
    last: int
    caption: str | None
    columns: list[str]
    rows: list[Row]
    kinds: dict[str, ColumnKind] = field(default_factory=dict)
    directory: bool = True


def find_tables(draft: DraftDocument) -> list[FoundTable]:
    """Every table in a document's body, in body order."""
    body = draft.body
    rebuilt = []
    # Most documents hold no table: look for its cells only where a
    # 序号 header or a role label stands alone on a line. A header holds
    # 号 and a label (组长, 成员) 长 or 员: cheap tests that most pieces
    # fail before the patterns. The tests filter inside the generators,
    # which then resume only for the few pieces that pass them.
    texts = [p.text for p in body]
    if any(patterns.SEQ_HEADER.match(t) for t in texts if "号" in t):
        rebuilt = [_from_directory(t) for t in directories(body_blocks(body))]
    people = None
    if any(patterns.ROLE_LABEL.match(t) for t in texts
           if "长" in t or "员" in t):
        people = find_people(line_blocks(body))
    if people is not None and not any(
            r.first <= people.roles[0].first <= r.last for r in rebuilt):
        rebuilt.append(_from_people(people))
    rebuilt.sort(key=lambda r: r.first)
    return [_records(draft, body, r, k) for k, r in enumerate(rebuilt, 1)]


def assign_parts(found: list[FoundTable], parts: list[FoundPart],
                 doc_id: str) -> None:
    """Set each table's part_id: the part whose span holds its first piece."""
    for table in found:
        part = next((p for p in parts if table.span.first in p.span), None)
        if part is not None:
            table.table = table.table.model_copy(
                update={"part_id": part_id(doc_id, part.order)})


# 1. Shapes into one form ------------------------------------------------

def _from_directory(table: Directory) -> _Rebuilt:
    """Group columns first; the span opens at the first label or header."""
    columns = list(table.names)
    if table.notes:
        columns.insert(0, GROUP_NOTE)
    if table.group_labels:
        columns.insert(0, GROUP)
    starts = [table.headers[0].first] + [b.first for b in table.group_labels]
    # A row's own blocks are in body order (Row): its last is its end.
    last = max(row.own[-1].last for row in table.rows)
    _mark_incomplete(table.rows)
    return _Rebuilt(min(starts), last,
                    table.caption.text if table.caption else None,
                    columns, table.rows, dict(zip(table.names, table.kinds)))


def _mark_incomplete(rows: list[Row]) -> None:
    """A last row with nothing but its 序号 was cut off."""
    last = rows[-1]
    if last.seq is not None and len(last.own) == 1:
        last.warnings.append("table_incomplete")


def _from_people(people: People) -> _Rebuilt:
    """One row per person; the role label is the row's group."""
    rows = []
    for person in people.rows:
        values = {ROLE: person.role, NAME: person.name}
        own = [person.name]
        if person.post is not None:
            values[POST] = person.post
            own.append(person.post)
        rows.append(Row(values=values, own=own))
    return _Rebuilt(people.roles[0].first, people.last, people.caption,
                    [ROLE, NAME, POST], rows, directory=False)


# 2. Records -------------------------------------------------------------

def _records(draft: DraftDocument, body: list[Piece], rebuilt: _Rebuilt,
             order: int) -> FoundTable:
    table_id = f"{draft.doc_id}-t{order}"
    cells = [cell for row_no, row in enumerate(rebuilt.rows, 1)
             for cell in _cells(draft, table_id, rebuilt, row_no, row)]
    label_columns = _label_columns(rebuilt)
    labels = [_group_label(row, label_columns) for row in rebuilt.rows]
    entries = [
        _entry(draft, table_id, rebuilt, row_no, row, label)
        for row_no, (row, label) in enumerate(zip(rebuilt.rows, labels), 1)
    ] if rebuilt.directory else []
    problems = _problems(rebuilt.rows, entries)
    warnings = sorted({code for _, code in problems})
    table = Table(
        table_id=table_id, doc_id=draft.doc_id, part_id=None,
        source=draft.source, caption=rebuilt.caption,
        columns=rebuilt.columns, n_rows=len(rebuilt.rows),
        groups=list(dict.fromkeys(label for label in labels if label)),
        complete="table_incomplete" not in warnings,
        line_start=body[rebuilt.first].line, line_end=body[rebuilt.last].line,
        warnings=warnings,
    )
    log.debug("table %s: %d rows", table_id, table.n_rows)
    return FoundTable(Span(rebuilt.first, rebuilt.last), table, cells,
                      entries, problems)


def _cells(draft: DraftDocument, table_id: str, rebuilt: _Rebuilt,
           row_no: int, row: Row) -> list[TableCellRow]:
    """A row's cells, as table_cells rows."""
    # Reading the first and last pieces once spares the block's line
    # properties: a table document has a cell for most of its lines.
    cells = []
    for column_no, name in enumerate(rebuilt.columns, 1):
        block = row.values.get(name)
        if block is None:
            continue
        first, last = block.pieces[0], block.pieces[-1]
        cells.append(TableCellRow(
            table_id=table_id, doc_id=draft.doc_id, source=draft.source,
            row_no=row_no, column_no=column_no, column_name=name,
            value=block.text, line_start=first.line, line_end=last.line,
            char_start=first.start, char_end=last.end,
        ))
    return cells


def _entry(draft: DraftDocument, table_id: str, rebuilt: _Rebuilt,
           row_no: int, row: Row,
           group_label: str | None) -> DirectoryEntryRow:
    """A directory row typed, as a directory_entries row: place coded,
    phones split and formatted."""
    text = {kind: row.values[name].text for name, kind in rebuilt.kinds.items()
            if name in row.values}
    group = row.values.get(GROUP)
    region = text.get("region")
    hint = group.text if group else None
    if region and city_named(region):
        hint, region = region, None  # a 市别 column names cities
    place = resolve(hint, region, [text.get("address") or "",
                                   text.get("name") or ""])
    phones = split_phones(text.get("phone") or "")
    warnings = row.warnings + place.warnings + [
        p.warning for p in phones if p.warning]
    city = place.city
    return DirectoryEntryRow(
        doc_id=draft.doc_id, table_id=table_id, source=draft.source,
        row_no=row_no, seq=row.seq, group_label=group_label,
        city=city.name if city else None,
        city_code=city.code if city else None,
        district=place.district, district_code=place.district_code,
        name=text.get("name"), address=text.get("address"),
        phones=[p.printed for p in phones],
        phones_e164=[p.e164 for p in phones],
        phone_extensions=[p.extension for p in phones],
        line_start=row.line_start, line_end=row.line_end,
        warnings=sorted(set(warnings)),
    )


def _label_columns(rebuilt: _Rebuilt) -> list[str]:
    """The columns whose labels name a row's group: 分组, 分组说明 and a
    级别 column; in a list of people, the role."""
    if not rebuilt.directory:
        return [ROLE]
    return [GROUP, GROUP_NOTE] + [n for n, k in rebuilt.kinds.items()
                                  if k == "level"]


def _group_label(row: Row, label_columns: list[str]) -> str | None:
    """The row's group, its note after ' / '; or its 级别 label."""
    labels = [row.values[n].text for n in label_columns if n in row.values]
    return " / ".join(labels) if labels else None


def _problems(rows: list[Row],
              entries: list[DirectoryEntryRow]) -> list[tuple[int, str]]:
    """Every row's warning codes at the row's first line, each once."""
    found = [(e.line_start, code) for e in entries for code in e.warnings]
    if not entries:
        found = [(min(b.line_start for b in row.own), code)
                 for row in rows for code in row.warnings]
    return sorted(set(found))


def table_warnings(draft: DraftDocument,
                   found: list[FoundTable]) -> list[WarningRecord]:
    """The warnings dataset's rows for a document's tables."""
    return [warning(draft.source, line, draft.doc_id, code)
            for table in found for line, code in table.problems]
