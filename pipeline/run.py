"""The run: every raw dump of a folder through the stages, into datasets."""

import functools
import gc
import itertools
import logging
import operator
import pickle
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import (
    Future, ProcessPoolExecutor, ThreadPoolExecutor,
)
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.datasets import DATASETS
from pipeline.documents import build_document, line_pieces, piece_rows
from pipeline.citations import find_citations
from pipeline.classify import describe
from pipeline.clauses import parse_clauses
from pipeline.errors import PipelineError
from pipeline.memo import clear_file_caches
from pipeline.package import write_datapackage
from pipeline.paragraphs import body_paragraphs
from pipeline.part_records import part_records
from pipeline.parts import split_parts
from pipeline.problems import document_warnings, warning
from pipeline.relations import LISTINGS, listing, relate
from pipeline.report import render, write_report
from pipeline.tables import assign_parts, find_tables, table_warnings
from pipeline.read import RawFile, raw_files, read_raw
from pipeline.records import sharing_field_names
from pipeline.rows import LinePieceRow
from pipeline.segment import DraftDocument, Segmentation, segment
from pipeline.workers import is_bulk, worker_context
from pipeline.write import DatasetWriter, Encoded, Encoder, staged_output
from schemas import Document

log = logging.getLogger(__name__)

Rows = dict[str, list[Any]]


@dataclass
class Extraction:
    """Every dataset's rows, ready to be written, and stage timings."""

    # Also each document's listing (LISTINGS), read by relations only.
    rows: Rows = field(
        default_factory=lambda: {d.name: [] for d in DATASETS}
        | {LISTINGS: []}
    )
    timings: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # rows written
    sources: dict[str, str] = field(default_factory=dict)  # name: sha256
    roles: Counter[str] = field(default_factory=Counter)  # line pieces
    encoded: dict[str, Encoded] = field(default_factory=dict)  # to append

    @property
    def documents(self) -> list[Document]:
        return self.rows["documents"]

    @property
    def lines(self) -> list[LinePieceRow]:
        return self.rows["lines"]

    def add(self, rows: Rows) -> None:
        for name, records in rows.items():
            self.rows[name] += records

    def add_file(self, other: "Extraction") -> None:
        """Timings and sources of another file's extraction."""
        self.sources.update(other.sources)
        self.add_timings(other)

    def add_timings(self, other: "Extraction") -> None:
        for stage, seconds in other.timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    def sort(self) -> None:
        for dataset in DATASETS:
            if dataset.name in self.rows:
                self.rows[dataset.name].sort(key=dataset.sort_key)

    def share_fields_sets(self) -> None:
        """Let the held and kept records share their sets of field names
        (pipeline.records)."""
        for dataset in DATASETS:
            if (dataset.held or dataset.kept) and dataset.row is None:
                records = self.rows.get(dataset.name, [])
                records[:] = sharing_field_names(records)


def process_document(draft: DraftDocument) -> Rows:
    """Every record of one document; a function of that document alone.

    a. tables: flattened tables rebuilt as rows;
    b. parts: the letter, attachments and forwarded documents;
    c. paragraphs: the body's paragraphs, page breaks mended;
    d. clauses: the numbered clause tree of each part;
    e. describe: kind and metadata; then the documents record, and
       its listing for relations;
    f. parts and citations: each part's metadata, each reference found.
    """
    tables = find_tables(draft)
    table_spans = [t.span for t in tables]
    parts = split_parts(draft, table_spans)
    assign_parts(tables, parts, draft.doc_id)
    paragraphs = body_paragraphs(draft, table_spans)
    clauses = parse_clauses(draft, paragraphs, table_spans, parts)
    description = describe(draft, paragraphs, tables, parts, clauses.records)
    document = build_document(draft, paragraphs, description,
                              clauses.warnings)
    return {
        "documents": [document],
        LISTINGS: [listing(document)],
        "lines": line_pieces(draft),
        "clauses": clauses.records,
        "tables": [t.table for t in tables],
        "table_cells": [c for t in tables for c in t.cells],
        "directory_entries": [e for t in tables for e in t.entries],
        "warnings": table_warnings(draft, tables),
        "parts": part_records(draft, parts, paragraphs, document),
        "citations": find_citations(draft, paragraphs, parts),
    }


def extract_file(path: Path) -> Extraction:
    """Run one raw file through the stages, in order.

    0. empty the caches of the file before (memo.per_file);
    1. read: decode the bytes into numbered lines;
    2. segment: split the lines into draft documents (whole file);
    3. process each document on its own (process_document);
    and place the lines that belong to no document.
    """
    result = Extraction()
    clear_file_caches()
    with _timed(result, "read"):
        raw = read_raw(path)
    result.sources[raw.source] = raw.sha256
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
    """Extract every dump of raw_dir in memory, rows sorted."""
    total = Extraction()
    for path in raw_files(raw_dir):
        one = extract_file(path)
        total.add(one.rows)
        total.add_file(one)
    _finish(total)
    return total


def run(raw_dir: Path, out_dir: Path, jobs: int = 1,
        golden: Path | None = None,
        on_file: Callable[[str], None] | None = None) -> Extraction:
    """Extract every dump of raw_dir and write the datasets to out_dir.

    Files are extracted in name order (by `jobs` worker processes) and
    their rows written as they come, one row group per file, so that
    the output does not depend on `jobs`. Only the held datasets
    (documents, warnings and citations, which relations changes) wait
    for the cross-document stage at the end; the kept ones are written
    as they come, their records kept for it. The returned Extraction
    holds the held and kept rows and every dataset's row count. The
    report compares the figures with the golden ones when given;
    on_file is told each raw file's name once it is written.

    Known limits: the held and kept records grow with the collection,
    about 0.8 MB per 0.43 MB dump (spilled to the staging folder, with
    relations on slim keys, memory would stay flat); and the end of the
    run, relations and the held datasets' writing, runs in this process
    alone, which keeps `jobs` from a linear speed-up.
    """
    files = raw_files(raw_dir)
    bulk = is_bulk(files)
    held = Extraction()
    with staged_output(out_dir) as stage:
        writers = {name: DatasetWriter(stage, encoder)
                   for name, encoder in _ENCODERS.items()}
        try:
            for one in _extract_each(files, jobs, bulk):
                with _timed(held, "write"):
                    for name, encoded in one.encoded.items():
                        writers[name].append(encoded)
                held.roles.update(one.roles)
                held.add({d.name: one.rows[d.name] for d in DATASETS
                          if d.held or d.kept}
                         | {LISTINGS: one.rows[LISTINGS]})
                held.add_file(one)
                if on_file:
                    on_file(next(iter(one.sources)))
            _finish(held)
            with _timed(held, "write"):
                _write_held(held, writers, bulk)
        finally:
            gc.unfreeze()  # frozen by _collected_once
            _close_all(list(writers.values()))
        held.counts = {name: w.rows for name, w in writers.items()}
        write_datapackage(stage, held.sources)
        write_report(stage, render(
            held.documents, held.rows["warnings"], held.counts, held.roles,
            held.rows.get("tables", []), golden,
        ))
    for stage_name, seconds in held.timings.items():
        log.debug("stage %s: %.3f s", stage_name, seconds)
    return held


def _close_all(writers: list[DatasetWriter]) -> None:
    """Close every writer, even when one fails (its writing thread may
    have hit a full disk), then raise the first failure."""
    failures = []
    for writer in writers:
        try:
            writer.close()
        except OSError as err:
            failures.append(err)
    if failures:
        raise failures[0]


def _extract_each(files: list[Path], jobs: int,
                  bulk: bool) -> Iterator[Extraction]:
    extract = functools.partial(_extract_file_job, bulk=bulk)
    if jobs <= 1 or len(files) <= 1:
        yield from map(extract, files)
        return
    pool = ProcessPoolExecutor(jobs, mp_context=worker_context(bulk))
    try:
        ahead = iter(files)
        yield from _while_starting(pool, jobs, ahead, extract)
        yield from _from_workers(pool, jobs, ahead, extract)
    finally:
        # On an error, the files not yet begun are dropped.
        pool.shutdown(cancel_futures=True)


Job = Callable[[Path], Extraction]


def _while_starting(pool: ProcessPoolExecutor, jobs: int,
                    files: Iterator[Path], extract: Job,
                    ) -> Iterator[Extraction]:
    """The first files, extracted here while the pool starts its
    workers, which waits for the forkserver to import the stages."""
    with ThreadPoolExecutor(1) as starter:
        started = starter.submit(_start_workers, pool, jobs)
        while not started.done():
            path = next(files, None)
            if path is None:
                break
            yield extract(path)
        started.result()


def _from_workers(pool: ProcessPoolExecutor, jobs: int,
                  files: Iterator[Path], extract: Job,
                  ) -> Iterator[Extraction]:
    """The other files, extracted by the workers, in order. A few are
    handed out ahead of the one written, not all, so that results do
    not pile up here unwritten when writing falls behind."""
    waiting = deque((path, pool.submit(extract, path))
                    for path in itertools.islice(files, 2 * jobs))
    while waiting:
        path, future = waiting.popleft()
        one = _worker_result(path, future)
        waiting.extend((p, pool.submit(extract, p))
                       for p in itertools.islice(files, 1))
        # The main process unpickles and writes each file's rows.
        with _collected_once():
            yield one


def _start_workers(pool: ProcessPoolExecutor, jobs: int) -> None:
    """Have the pool start its workers, by handing it tasks that do
    nothing (it starts a worker for a task when none is idle)."""
    for done in [pool.submit(int) for _ in range(jobs)]:
        done.result()


def _worker_result(path: Path, future: Future[Extraction]) -> Extraction:
    try:
        return future.result()
    except BrokenProcessPool as err:
        raise PipelineError(
            f"{path}: a worker process ended abruptly while this file or "
            "the next ones were extracted (killed, or out of memory). "
            "Rerun with fewer --jobs, or without."
        ) from err


def _extract_file_job(path: Path, bulk: bool) -> Extraction:
    """One file extracted and encoded, collecting garbage once after it.

    An error goes back to the main process pickled. One that could not
    be rebuilt there would break the pool, and the run would report a
    dead worker instead of the error: such an error is sent as its
    message instead.
    """
    try:
        with _collected_once():
            return _extract_encoded(path, bulk)
    except Exception as err:
        if _rebuilds(err):
            raise
        raise PipelineError(f"{path}: {type(err).__name__}: {err}") from None


def _rebuilds(err: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:  # whatever the error's own reduction raises
        return False
    return True


@contextmanager
def _collected_once() -> Iterator[None]:
    """Garbage collected once, after the block, and the survivors frozen.

    A file makes millions of short-lived objects and hardly any cycles;
    left to itself, the cyclic collector rescans every survivor (the
    held rows, the libraries' own tables) many times per file, which
    cost up to a quarter of a large run. Collecting once per file and
    then freezing what survives keeps later collections to the new
    objects only; reference counting still frees the frozen ones.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
        gc.freeze()


def _extract_encoded(path: Path, bulk: bool = False) -> Extraction:
    """One file extracted, its streamed datasets encoded for writing.

    Encoding here, in the worker when there are several, leaves the main
    process only appending bytes; the held and kept rows stay records.
    """
    one = extract_file(path)
    one.sort()
    one.share_fields_sets()
    one.roles.update(map(_ROLE, one.lines))  # a getter: counted in C
    with _timed(one, "encode"):
        for dataset in DATASETS:
            if dataset.held:
                continue
            rows = (one.rows[dataset.name] if dataset.kept
                    else one.rows.pop(dataset.name))
            encoder = _ENCODERS[dataset.name]
            one.encoded[dataset.name] = encoder.encode(rows, bulk)
    return one


_ENCODERS = {d.name: Encoder(d.name, d.model, d.row) for d in DATASETS}
_ROLE = operator.attrgetter("role")


def _write_held(held: Extraction, writers: dict[str, DatasetWriter],
                bulk: bool) -> None:
    """The held datasets, one row group per raw file as the others, so
    that no step encodes a whole collection's rows at once."""
    for dataset in DATASETS:
        if not dataset.held:
            continue
        encoder = writers[dataset.name].encoder
        rows = held.rows[dataset.name]
        for _, chunk in itertools.groupby(rows, key=lambda r: r.source):
            writers[dataset.name].append(encoder.encode(list(chunk), bulk))


def _finish(total: Extraction) -> None:
    """The cross-document stage, then the warnings of the final records."""
    with _timed(total, "relations"):
        total.rows = relate(total.rows)
    total.add({"warnings": document_warnings(total.documents)})
    total.sort()
    total.share_fields_sets()  # relations made new records


def _outside_lines(segmentation: Segmentation) -> list[LinePieceRow]:
    return piece_rows(segmentation.source, None, segmentation.outside)


@contextmanager
def _timed(result: Extraction, stage: str) -> Iterator[None]:
    began = time.perf_counter()
    yield
    spent = time.perf_counter() - began
    result.timings[stage] = result.timings.get(stage, 0.0) + spent
