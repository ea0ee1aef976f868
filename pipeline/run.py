"""The run: every raw dump of a folder through the stages, into datasets."""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.documents import build_document, line_pieces
from pipeline.errors import InputError
from pipeline.read import read_raw
from pipeline.segment import Piece, Segmentation, segment
from pipeline.write import staged_output, write_dataset
from schemas import Document, LinePiece

log = logging.getLogger(__name__)


@dataclass
class Extraction:
    """Everything extracted from the raw files, ready to be written."""

    documents: list[Document] = field(default_factory=list)
    lines: list[LinePiece] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, other: "Extraction") -> None:
        self.documents += other.documents
        self.lines += other.lines
        for stage, seconds in other.timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds


def raw_files(raw_dir: Path) -> list[Path]:
    """The dumps of a raw folder: every *.txt file, by name."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), None, "is not a folder",
                         "Pass the folder of raw dumps with --raw.")
    files = sorted(p for p in raw_dir.iterdir()
                   if p.suffix == ".txt" and p.is_file())
    skipped = sorted(p.name for p in raw_dir.iterdir()
                     if p.is_file() and p.suffix != ".txt"
                     and not p.name.startswith("."))
    for name in skipped:
        log.debug("skipped %s: not a .txt dump", name)
    if not files:
        raise InputError(str(raw_dir), None, "holds no *.txt dump",
                         "Put the raw text dumps in this folder.")
    return files


def extract_file(path: Path) -> Extraction:
    """Run one raw file through the stages, in order.

    1. read: decode the bytes into numbered lines;
    2. segment: split the lines into draft documents (whole file);
    3. documents: build each document's record (one document at a time);
    and collect the lines records that place every non-blank character.
    """
    result = Extraction()
    with _timed(result, "read"):
        raw = read_raw(path)
    with _timed(result, "segment"):
        segmentation = segment(raw)
    with _timed(result, "documents"):
        for draft in segmentation.documents:
            result.documents.append(build_document(draft))
            result.lines += line_pieces(draft)
        result.lines += _outside_lines(segmentation)
    result.lines.sort(key=lambda p: (p.line, p.char_start))
    log.info("%s: %d documents, %d lines", raw.source,
             len(result.documents), len(raw.lines))
    return result


def extract_all(raw_dir: Path) -> Extraction:
    """Extract every dump of raw_dir, rows sorted by source and line."""
    total = Extraction()
    for path in raw_files(raw_dir):
        total.add(extract_file(path))
    total.documents.sort(key=lambda d: (d.source, d.line_start))
    total.lines.sort(key=lambda p: (p.source, p.line, p.char_start))
    return total


def run(raw_dir: Path, out_dir: Path) -> Extraction:
    """Extract every dump of raw_dir and write the datasets to out_dir."""
    total = extract_all(raw_dir)
    with _timed(total, "write"), staged_output(out_dir) as stage:
        write_dataset(stage, "documents", Document, total.documents)
        write_dataset(stage, "lines", LinePiece, total.lines)
    for stage_name, seconds in total.timings.items():
        log.debug("stage %s: %.3f s", stage_name, seconds)
    return total


def _outside_lines(segmentation: Segmentation) -> list[LinePiece]:
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
