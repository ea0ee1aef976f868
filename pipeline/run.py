"""The run: every raw dump of a folder through the stages, into datasets."""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pipeline.datasets import DATASETS
from pipeline.documents import build_document, line_pieces
from pipeline.classify import describe
from pipeline.clauses import parse_clauses
from pipeline.errors import InputError
from pipeline.paragraphs import body_paragraphs
from pipeline.parts import split_parts
from pipeline.problems import document_warnings, warning
from pipeline.relations import relate
from pipeline.tables import find_tables
from pipeline.read import RawFile, read_raw
from pipeline.segment import DraftDocument, Piece, Segmentation, segment
from pipeline.write import staged_output, write_dataset
from schemas import Document, LinePiece

log = logging.getLogger(__name__)

Rows = dict[str, list[Any]]


@dataclass
class Extraction:
    """Every dataset's rows, ready to be written, and stage timings."""

    rows: Rows = field(
        default_factory=lambda: {d.name: [] for d in DATASETS}
    )
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> list[Document]:
        return self.rows["documents"]

    @property
    def lines(self) -> list[LinePiece]:
        return self.rows["lines"]

    def add(self, rows: Rows) -> None:
        for name, records in rows.items():
            self.rows[name] += records

    def add_timings(self, other: "Extraction") -> None:
        for stage, seconds in other.timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    def sort(self) -> None:
        for dataset in DATASETS:
            self.rows[dataset.name].sort(key=dataset.sort_key)


def raw_files(raw_dir: Path) -> list[Path]:
    """The dumps of a raw folder: every *.txt file, by name."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), None, "is not a folder",
                         "Pass the folder of raw dumps with --raw.")
    # A *.txt entry that is not a readable file (a broken link, a file
    # without read permission) is kept, so that reading it fails loudly.
    files = sorted(p for p in raw_dir.iterdir()
                   if p.suffix == ".txt" and not p.is_dir())
    skipped = sorted(p.name for p in raw_dir.iterdir()
                     if p.suffix != ".txt" and not p.name.startswith("."))
    for name in skipped:
        log.debug("skipped %s: not a .txt dump", name)
    if not files:
        raise InputError(str(raw_dir), None, "holds no *.txt dump",
                         "Put the raw text dumps in this folder.")
    return files


def process_document(draft: DraftDocument) -> Rows:
    """Every record of one document; a function of that document alone.

    a. tables: flattened tables rebuilt as rows;
    b. parts: the letter, attachments and forwarded documents;
    c. paragraphs: the body's paragraphs, page breaks mended;
    d. clauses: the numbered clause tree of each part;
    e. describe: kind and metadata; then the documents record.
    """
    tables = find_tables(draft)
    table_spans = [t.span for t in tables]
    parts = split_parts(draft, table_spans)
    paragraphs = body_paragraphs(draft, table_spans)
    clauses = parse_clauses(draft, paragraphs, table_spans, parts)
    description = describe(draft, paragraphs, tables, parts, clauses)
    return {
        "documents": [build_document(draft, paragraphs, description)],
        "lines": line_pieces(draft),
    }


def extract_file(path: Path) -> Extraction:
    """Run one raw file through the stages, in order.

    1. read: decode the bytes into numbered lines;
    2. segment: split the lines into draft documents (whole file);
    3. process each document on its own (process_document);
    and place the lines that belong to no document.
    """
    result = Extraction()
    with _timed(result, "read"):
        raw = read_raw(path)
    extract_raw(raw, result)
    log.info("%s: %d documents, %d lines", raw.source,
             len(result.documents), len(raw.lines))
    return result


def extract_raw(raw: RawFile, result: Extraction | None = None) -> Extraction:
    """Stages 2 and 3 on a decoded file, in memory."""
    result = result if result is not None else Extraction()
    with _timed(result, "segment"):
        segmentation = segment(raw)
    for line, code in segmentation.warnings:
        log.warning("%s, line %d: %s", raw.source, line, code)
        result.add({"warnings": [warning(raw.source, line, None, code)]})
    with _timed(result, "documents"):
        for draft in segmentation.documents:
            result.add(process_document(draft))
        result.add({"lines": _outside_lines(segmentation)})
    return result


def extract_all(raw_dir: Path) -> Extraction:
    """Extract every dump of raw_dir, rows sorted by source and line."""
    total = Extraction()
    for path in raw_files(raw_dir):
        one = extract_file(path)
        total.add(one.rows)
        total.add_timings(one)
    with _timed(total, "relations"):
        total.rows = relate(total.rows)
    total.add({"warnings": document_warnings(total.documents)})
    total.sort()
    return total


def run(raw_dir: Path, out_dir: Path) -> Extraction:
    """Extract every dump of raw_dir and write the datasets to out_dir."""
    total = extract_all(raw_dir)
    with _timed(total, "write"), staged_output(out_dir) as stage:
        for dataset in DATASETS:
            write_dataset(stage, dataset.name, dataset.model,
                          total.rows[dataset.name])
    for stage_name, seconds in total.timings.items():
        log.debug("stage %s: %.3f s", stage_name, seconds)
    return total


def _outside_lines(segmentation: Segmentation) -> list[BaseModel]:
    return [_outside(segmentation.source, p) for p in segmentation.outside]


def _outside(source: str, piece: Piece) -> LinePiece:
    return LinePiece(source=source, line=piece.line,
                     char_start=piece.start, char_end=piece.end,
                     doc_id=None, role=piece.role, text=piece.raw)


@contextmanager
def _timed(result: Extraction, stage: str) -> Iterator[None]:
    began = time.perf_counter()
    yield
    spent = time.perf_counter() - began
    result.timings[stage] = result.timings.get(stage, 0.0) + spent
