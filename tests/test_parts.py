"""Parts of a document: letter, attachments, forwarded and printed texts."""

import csv

import pytest

from pipeline.parts import FoundPart, split_parts
from pipeline.read import read_raw
from pipeline.segment import DraftDocument, segment
from pipeline.tables import find_tables
from tests.conftest import EXPECTED, REAL_DUMP
from tests.test_clauses import draft_of

PARTS = EXPECTED / "liaoning-2020-02.parts.tsv"


def _expected() -> dict[int, list[dict[str, str]]]:
    with PARTS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        found.setdefault(int(row.pop("doc_line")), []).append(row)
    return found


EXPECTED_PARTS = _expected()


@pytest.fixture(scope="module")
def drafts() -> dict[int, DraftDocument]:
    return {d.line_start: d for d in segment(read_raw(REAL_DUMP)).documents}


def _row(draft: DraftDocument, part: FoundPart) -> dict[str, str]:
    body = draft.body
    heading = part.heading
    return {
        "order": str(part.order), "kind": part.kind,
        "line_first": str(body[part.span.first].line) if body else "",
        "line_last": str(body[part.span.last].line) if body else "",
        "heading_first": str(body[heading.first].line) if heading else "",
        "heading_last": str(body[heading.last].line) if heading else "",
        "carrier": "" if part.carrier is None else str(part.carrier),
        "label": part.label or "", "doc_number": part.doc_number or "",
        "title": part.title or "",
    }


@pytest.mark.parametrize("doc_line", sorted(EXPECTED_PARTS))
def test_parts_match_hand_checked(drafts: dict[int, DraftDocument],
                                  doc_line: int) -> None:
    draft = drafts[doc_line]
    tables = [t.span for t in find_tables(draft)]
    found = [_row(draft, p) for p in split_parts(draft, tables)]
    assert found == EXPECTED_PARTS[doc_line]


def test_parts_cover_every_body_piece_in_order(
        drafts: dict[int, DraftDocument]) -> None:
    for draft in drafts.values():
        parts = split_parts(draft, [t.span for t in find_tables(draft)])
        covered = [i for p in parts for i in range(p.span.first,
                                                   p.span.last + 1)]
        assert covered == list(range(len(draft.body))), draft.line_start


def test_numbering_restarts_in_each_part(drafts: dict[int, DraftDocument]) -> None:
    from pipeline.run import process_document
    clauses = process_document(drafts[4698])["clauses"]
    assert {c.part_id.rsplit("-", 1)[1] for c in clauses} == {"p2"}
    clauses = process_document(drafts[2967])["clauses"]
    tops = [(c.part_id.rsplit("-", 1)[1], c.path) for c in clauses
            if c.level == 1]
    assert tops == [("p0", "1"), ("p0", "2"), ("p0", "3"), ("p0", "4"),
                    ("p1", "1"), ("p1", "2"), ("p1", "3"), ("p1", "4")]


def test_attachment_list_in_the_letter_is_not_a_part() -> None:
    parts = split_parts(draft_of("现将有关事项通知如下。", "附件：1.名单",
                                 "2.表格", "某某厅", "2020年2月1日"), [])
    assert [p.kind for p in parts] == ["letter"]


def test_bare_label_and_title_after_signature_open_parts() -> None:
    draft = draft_of("现将方案印发给你们。", "某某厅", "2020年2月1日",
                     "(此件公开发布)", "附件1", "应急工作方案", "一、要求。")
    parts = split_parts(draft, [])
    assert [(p.kind, p.label, p.title) for p in parts] == [
        ("letter", None, "标题"), ("attachment", "附件1", "应急工作方案")]
