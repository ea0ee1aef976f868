"""Read written datasets back for people: counts and one document."""

from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.errors import PipelineError

Record = dict[str, Any]


class MissingOutput(PipelineError):
    """The output folder lacks a dataset a command reads."""


def _read(out: Path, name: str, **filters: Any) -> list[Record]:
    path = out / f"{name}.parquet"
    if not path.exists():
        raise MissingOutput(f"{path} does not exist; run `make all` first")
    table = pq.read_table(path)
    for column, value in filters.items():
        table = table.filter(pc.equal(table[column], value))
    records: list[Record] = table.to_pylist()
    return records


def _optional(out: Path, name: str, **filters: Any) -> list[Record]:
    if not (out / f"{name}.parquet").exists():
        return []
    return _read(out, name, **filters)


def stats(out: Path, latest_only: bool = True) -> str:
    """Counts per dataset, kind, listing date and warning code."""
    documents = _read(out, "documents")
    counted = [d for d in documents if d.get("is_latest", True)
               or not latest_only]
    scope = ("latest editions only" if latest_only
             else "all documents, every edition")
    counts = {p.stem: pq.read_metadata(p).num_rows
              for p in sorted(out.glob("*.parquet"))}
    warnings = Counter(w["code"] for w in _read(out, "warnings"))
    sections = [
        _table("rows per dataset (all documents)", counts),
        _table(f"documents per kind ({scope})",
               Counter(d.get("kind") or "unclassified" for d in counted)),
        _table(f"documents per listing date ({scope})",
               Counter(str(d["publish_date"]) for d in counted)),
        _table("warnings per code (all documents)", warnings),
    ]
    return "\n\n".join(sections) + "\n"


def _table(title: str, counts: dict[str, int] | Counter[str]) -> str:
    width = max([len(str(k)) for k in counts] + [8])
    rows = [f"{str(k):<{width}}  {v:>7}" for k, v in sorted(counts.items())]
    total = sum(counts.values())
    return "\n".join([title, "-" * len(title), *rows,
                      f"{'total':<{width}}  {total:>7}"])


# Columns shown under a document's title, in this order when present.
_SHOWN = ("doc_id", "source", "line_start", "line_end", "publish_date",
          "kind", "kind_reason", "genre", "issuers", "signed_date",
          "own_doc_number", "doc_numbers", "recipients", "disclosure",
          "attachments", "edition", "edition_of", "is_latest",
          "body_same_as", "duplicate_of", "warnings")


def show(out: Path, doc_id: str) -> str:
    """One document: its metadata, clause tree and tables, as text."""
    found = _read(out, "documents", doc_id=doc_id)
    if not found:
        raise PipelineError(f"no document {doc_id} in {out}; "
                            "`python -m pipeline stats` lists the datasets")
    document = found[0]
    lines = [document["title"], "=" * min(len(document["title"]) * 2, 78)]
    lines += [f"{c:>15}: {document[c]}" for c in _SHOWN if c in document]
    lines += ["", *_clause_tree(_optional(out, "clauses", doc_id=doc_id))]
    lines += ["", *_tables(out, _optional(out, "tables", doc_id=doc_id))]
    if not _optional(out, "clauses", doc_id=doc_id):
        lines += ["", "body", "----", document["body"]]
    return "\n".join(lines) + "\n"


def _clause_tree(clauses: list[Record]) -> list[str]:
    if not clauses:
        return ["clauses: none"]
    lines = [f"clauses ({len(clauses)})", "-------"]
    for clause in clauses:
        indent = "  " * (clause["level"] - 1)
        text = clause.get("heading") or clause["text"]
        lines.append(f"{indent}{clause['marker']} {_cut(text, 60)}"
                     f"  [lines {clause['line_start']}-{clause['line_end']}]")
    return lines


def _tables(out: Path, tables: list[Record]) -> list[str]:
    if not tables:
        return ["tables: none"]
    lines = []
    for table in tables:
        cells = _optional(out, "table_cells", table_id=table["table_id"])
        lines += [f"table {table['table_id']}: {table.get('caption') or ''} "
                  f"({table['n_rows']} rows, lines {table['line_start']}-"
                  f"{table['line_end']})"]
        lines += _rows_as_text(cells)[:12]
    return lines


def _rows_as_text(cells: list[Record]) -> list[str]:
    rows: dict[int, list[str]] = {}
    for cell in cells:
        rows.setdefault(cell["row_no"], []).append(cell["value"] or "")
    return ["  " + " | ".join(_cut(v, 24) for v in values)
            for _, values in sorted(rows.items())]


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
