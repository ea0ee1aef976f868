"""The whole pipeline on the real dump: documents, coverage, outputs."""

import csv
import json
from collections import defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.datasets import DATASETS
from pipeline.read import read_raw
from pipeline.run import Extraction
from tests.conftest import EXPECTED, REAL_DUMP


def _expected_documents() -> list[dict[str, str]]:
    path = EXPECTED / "liaoning-2020-02.documents.tsv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_document_has_its_hand_checked_span_date_and_title(
    real_run: Extraction,
) -> None:
    found = [
        {"line_start": str(d.line_start), "line_end": str(d.line_end),
         "publish_date": str(d.publish_date), "layout": d.layout,
         "title": d.title}
        for d in real_run.documents
    ]
    assert found == _expected_documents()


def test_pieces_cover_every_non_blank_character_exactly_once(
    real_run: Extraction,
) -> None:
    raw = read_raw(REAL_DUMP)
    covered: dict[int, list[int]] = defaultdict(list)
    for piece in real_run.lines:
        assert piece.text == raw.lines[piece.line - 1][
            piece.char_start:piece.char_end]
        covered[piece.line].extend(range(piece.char_start, piece.char_end))
    for number, line in enumerate(raw.lines, 1):
        chars = covered.get(number, [])
        assert len(chars) == len(set(chars)), f"line {number} overlaps"
        missed = [i for i, c in enumerate(line)
                  if not c.isspace() and i not in set(chars)]
        assert not missed, f"line {number}: characters {missed} unplaced"


def test_separator_inside_a_document_keeps_its_doc_id(
    real_run: Extraction,
) -> None:
    separators = [p for p in real_run.lines if p.role == "separator"]
    assert separators
    assert all(p.doc_id for p in separators)
    header = [p for p in real_run.lines if p.role == "header"]
    assert [(p.line, p.doc_id) for p in header] == [(3, None)]


def test_known_shapes_of_the_dump(real_run: Extraction) -> None:
    by_start = {d.line_start: d for d in real_run.documents}
    # A continuation row (empty title and date) joins the document above.
    assert by_start[4566].line_end == 4584
    assert "五、鼓励开展互联网中医诊疗活动" in by_start[4566].body
    # The rescue-station directory's title stands after its first row.
    assert by_start[2215].title == "全省救助管理机构办公地址、救助电话"
    assert by_start[2215].warnings == ["title_displaced"]
    assert by_start[2215].body.startswith("为保障生活无着流浪乞讨人员")
    # A listed title with no text at all.
    assert by_start[6314].body == ""
    assert "empty_body" in by_start[6314].warnings
    # Block lines after a row continue that row's document.
    assert by_start[6347].line_end == 6436


def test_doc_ids_are_unique(real_run: Extraction) -> None:
    ids = [d.doc_id for d in real_run.documents]
    assert len(ids) == len(set(ids))


def test_parquet_schema_is_explicit_and_described(real_out: Path) -> None:
    schema = pq.read_schema(real_out / "documents.parquet")
    assert schema.field("publish_date").type == pa.date32()
    assert schema.field("warnings").type == pa.list_(pa.string())
    assert schema.field("line_start").type == pa.int64()
    for field in schema:
        assert field.metadata[b"description"], field.name
    assert schema.metadata[b"schema_version"]


def test_csv_has_bom_and_json_lists(real_out: Path) -> None:
    data = (real_out / "documents.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with (real_out / "documents.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert all(isinstance(json.loads(r["warnings"]), list) for r in rows)
    assert rows[0]["publish_date"] == "2020-02-01"


def _as_csv_cell(value: object) -> str:
    """How the CSV is documented to write a Parquet value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    return str(value)  # dates in ISO form


def test_every_csv_holds_what_its_parquet_holds(real_out: Path) -> None:
    for dataset in DATASETS:
        table = pq.read_table(real_out / f"{dataset.name}.parquet")
        path = real_out / f"{dataset.name}.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == table.column_names, dataset.name
        expected = [[_as_csv_cell(v) for v in row.values()]
                    for row in table.to_pylist()]
        assert rows[1:] == expected, dataset.name


def test_csv_tells_an_empty_text_from_a_null(real_out: Path) -> None:
    # Texts are quoted, so "" is an empty text and nothing is a null.
    data = (real_out / "lines.csv").read_text(encoding="utf-8-sig")
    header, first = data.splitlines()[:2]
    assert header.startswith('"source","line",')
    assert ',,"header",' in first  # no doc_id: null, not ""


def test_rows_are_sorted_by_source_and_line(real_out: Path) -> None:
    for name, key in [("documents", "line_start"), ("lines", "line")]:
        table = pq.read_table(real_out / f"{name}.parquet")
        pairs = list(zip(table["source"].to_pylist(),
                         table[key].to_pylist()))
        assert pairs == sorted(pairs), name
