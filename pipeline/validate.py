"""Re-check written datasets: schemas, keys, references and raw spans."""

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from pydantic import ValidationError

from pipeline.datasets import DATASETS, Dataset
from pipeline.read import read_raw
from pipeline.tabular import arrow_schema
from pipeline.write import CSV_ENCODING

Record = dict[str, Any]


def validate_outputs(out: Path, raw_dir: Path) -> list[str]:
    """Every problem found in the outputs, as readable lines."""
    problems: list[str] = []
    tables: dict[str, list[Record]] = {}
    for dataset in DATASETS:
        records, found = _load(out, dataset)
        problems += found
        tables[dataset.name] = records
    problems += list(_dangling_doc_ids(tables))
    problems += list(_outside_raw(tables, raw_dir))
    return problems


def _load(out: Path, dataset: Dataset) -> tuple[list[Record], list[str]]:
    parquet = out / f"{dataset.name}.parquet"
    if not parquet.exists():
        return [], [f"{parquet}: missing; rerun `make all`"]
    problems = []
    schema = pq.read_schema(parquet)
    expected = arrow_schema(dataset.model, dataset.name)
    if not schema.equals(expected, check_metadata=True):
        problems.append(f"{parquet}: schema differs from the "
                        f"{dataset.model.__name__} model")
    records = pq.read_table(parquet).to_pylist()
    problems += _invalid_rows(parquet, dataset, records)
    problems += _duplicate_keys(parquet, dataset, records)
    problems += _csv_mismatch(out / f"{dataset.name}.csv", records)
    return records, problems


def _invalid_rows(path: Path, dataset: Dataset,
                  records: list[Record]) -> list[str]:
    problems = []
    for number, record in enumerate(records, 1):
        try:
            dataset.model.model_validate(record)
        except ValidationError as error:
            first = error.errors()[0]
            problems.append(f"{path}, row {number}: {first['loc']} "
                            f"{first['msg']}")
    return problems


def _duplicate_keys(path: Path, dataset: Dataset,
                    records: list[Record]) -> list[str]:
    if not dataset.primary_key:
        return []
    seen: set[tuple[Any, ...]] = set()
    problems = []
    for record in records:
        key = tuple(record[c] for c in dataset.primary_key)
        if key in seen:
            problems.append(f"{path}: key {key} is not unique")
        seen.add(key)
    return problems


def _csv_mismatch(path: Path, records: list[Record]) -> list[str]:
    if not path.exists():
        return [f"{path}: missing; rerun `make all`"]
    with path.open(encoding=CSV_ENCODING, newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    if rows != len(records):
        return [f"{path}: {rows} rows, the Parquet file has {len(records)}"]
    return []


def _dangling_doc_ids(tables: dict[str, list[Record]]) -> Iterator[str]:
    known = {d["doc_id"] for d in tables.get("documents", [])}
    for name, records in tables.items():
        for record in records:
            doc_id = record.get("doc_id")
            if doc_id is not None and doc_id not in known:
                yield f"{name}: doc_id {doc_id} is not in documents"


def _outside_raw(tables: dict[str, list[Record]],
                 raw_dir: Path) -> Iterator[str]:
    """Spans that fall outside their raw file, or lines that differ."""
    sources = {d["doc_id"]: d["source"] for d in tables.get("documents", [])}
    lengths: dict[str, tuple[str, ...] | None] = {}
    for name, records in tables.items():
        for record in records:
            source = record.get("source") or sources.get(record.get("doc_id"))
            if source is None:
                continue
            if source not in lengths:
                lengths[source] = _raw_lines(raw_dir / source)
            lines = lengths[source]
            if lines is None:
                yield f"{name}: raw file {source} is not in {raw_dir}"
                continue
            yield from _span_problems(name, record, lines)


def _span_problems(name: str, record: Record,
                   lines: tuple[str, ...]) -> Iterator[str]:
    for column in ("line", "line_start", "line_end"):
        value = record.get(column)
        if value is not None and not 1 <= value <= len(lines):
            yield f"{name}: {column} {value} is outside its raw file"
            return
    text = record.get("text")
    if name == "lines" and text is not None:
        line = lines[record["line"] - 1]
        if line[record["char_start"]:record["char_end"]] != text:
            yield (f"{name}: line {record['line']} chars "
                   f"{record['char_start']}-{record['char_end']} differ "
                   "from the raw file")


def _raw_lines(path: Path) -> tuple[str, ...] | None:
    return read_raw(path).lines if path.exists() else None
