"""Figures of a run, as snapshotted in tests/golden/ and compared by CI."""

import json
from collections import Counter
from pathlib import Path

from schemas import Document, LinePiece

GOLDEN_FILES = ("figures.json", "documents.tsv")


def figures(documents: list[Document], lines: list[LinePiece]) -> dict:
    """Counts that a reviewer should see move: totals, dates, roles, codes."""
    dates = Counter(str(d.publish_date) for d in documents)
    return {
        "documents": len(documents),
        "documents_per_source": _sorted(Counter(d.source for d in documents)),
        "documents_per_date": _sorted(dates),
        "documents_per_layout": _sorted(Counter(d.layout for d in documents)),
        "line_pieces_per_role": _sorted(Counter(p.role for p in lines)),
        "warnings_per_code": _sorted(
            Counter(w for d in documents for w in d.warnings)
        ),
    }


def document_list(documents: list[Document]) -> str:
    """One tab-separated row per document: where it starts, date, title."""
    rows = ["source\tline_start\tpublish_date\ttitle"]
    rows += [
        f"{d.source}\t{d.line_start}\t{d.publish_date or ''}\t{d.title}"
        for d in documents
    ]
    return "\n".join(rows) + "\n"


def golden_texts(documents: list[Document],
                 lines: list[LinePiece]) -> dict[str, str]:
    """The content of each golden file, by file name."""
    counts = json.dumps(figures(documents, lines), ensure_ascii=False,
                        indent=2)
    return {
        "figures.json": counts + "\n",
        "documents.tsv": document_list(documents),
    }


def write_golden(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items()))
