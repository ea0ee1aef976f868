"""The tables snapshot: each table's size and its first and last rows."""

from collections import defaultdict
from typing import Any

Rows = dict[str, list[Any]]

COLUMNS = ("source", "line_start", "line_end", "table_id", "n_rows",
           "complete", "warnings", "caption", "first_row", "last_row")


def tables_tsv(rows: Rows) -> str:
    """One tab-separated line per table, in raw order."""
    cells: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for cell in rows["table_cells"]:
        cells[(cell.table_id, cell.row_no)].append(cell)
    lines = ["\t".join(COLUMNS)]
    for table in sorted(rows["tables"],
                        key=lambda t: (t.source, t.line_start)):
        first = _row_text(cells[(table.table_id, 1)])
        last = _row_text(cells[(table.table_id, table.n_rows)])
        lines.append("\t".join([
            table.source, str(table.line_start), str(table.line_end),
            table.table_id, str(table.n_rows), str(table.complete).lower(),
            ",".join(table.warnings), table.caption or "", first, last,
        ]))
    return "\n".join(lines) + "\n"


def _row_text(cells: list[Any]) -> str:
    ordered = sorted(cells, key=lambda c: c.column_no)
    return " | ".join(f"{c.column_name}={c.value}" for c in ordered)
