"""Figures of a run, as snapshotted in tests/golden/ and compared by CI.

Each golden file is made by one function of the run's rows; a stage that
adds a dataset adds the snapshot of its own figures to GOLDEN_FILES.
"""

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.clauses import clause_counts
from pipeline.datasets import DATASETS
from pipeline.relations import relations_tsv
from pipeline.table_golden import tables_tsv

Rows = dict[str, list[Any]]


def figures(rows: Rows) -> dict[str, Any]:
    """Counts that a reviewer should see move: totals, dates, roles, codes."""
    return summary_figures(
        rows["documents"], rows["warnings"],
        counts={d.name: len(rows[d.name]) for d in DATASETS},
        roles=Counter(p.role for p in rows["lines"]),
    )


def summary_figures(documents: list[Any], warnings: list[Any],
                    counts: dict[str, int],
                    roles: Counter[str]) -> dict[str, Any]:
    """The figures from what a streaming run keeps: the documents and
    warnings, the rows written per dataset and line pieces per role."""
    dates = Counter(str(d.publish_date) for d in documents)
    return {
        "rows_per_dataset": dict(sorted(counts.items())),
        "documents_per_source": _sorted(Counter(d.source for d in documents)),
        "documents_per_date": _sorted(dates),
        "documents_per_layout": _sorted(Counter(d.layout for d in documents)),
        "line_pieces_per_role": _sorted(roles),
        "warnings_per_code": _sorted(Counter(w.code for w in warnings)),
    }


def _figures_json(rows: Rows) -> str:
    return json.dumps(figures(rows), ensure_ascii=False, indent=2) + "\n"


def _document_list(rows: Rows) -> str:
    """One tab-separated row per document: where it starts, date, title."""
    lines = ["source\tline_start\tpublish_date\ttitle"]
    lines += [
        f"{d.source}\t{d.line_start}\t{d.publish_date or ''}\t{d.title}"
        for d in rows["documents"]
    ]
    return "\n".join(lines) + "\n"


def _metadata_list(rows: Rows) -> str:
    """One tab-separated row per document: kind, genre, issuers, signed."""
    lines = ["source\tline_start\tkind\tgenre\tissuers\tsigned_date"]
    lines += [
        f"{d.source}\t{d.line_start}\t{d.kind}\t{d.genre or ''}\t"
        f"{'|'.join(d.issuers)}\t{d.signed_date or ''}"
        for d in rows["documents"]
    ]
    return "\n".join(lines) + "\n"


GOLDEN_FILES: dict[str, Callable[[Rows], str]] = {
    "figures.json": _figures_json,
    "documents.tsv": _document_list,
    "metadata.tsv": _metadata_list,
    "tables.tsv": tables_tsv,
    "clauses.tsv": clause_counts,
    "relations.tsv": relations_tsv,
}


def golden_texts(rows: Rows) -> dict[str, str]:
    """The content of each golden file, by file name."""
    return {name: make(rows) for name, make in GOLDEN_FILES.items()}


def write_golden(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items()))
