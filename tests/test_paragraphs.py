"""Paragraphs of the body: page breaks mended, and never across a table,
a heading or a numbered item."""

import pytest

from pipeline.paragraphs import _continues, body_paragraphs, table_pieces
from pipeline.read import read_raw
from pipeline.segment import DraftDocument, segment
from pipeline.structure import Span
from pipeline.tables import find_tables
from tests.conftest import REAL_DUMP
from tests.test_clauses import draft_of


@pytest.fixture(scope="module")
def drafts() -> dict[int, DraftDocument]:
    return {d.line_start: d for d in segment(read_raw(REAL_DUMP)).documents}


def _lines_of(draft: DraftDocument) -> list[tuple[int, ...]]:
    return [tuple(draft.body[i].line for i in p.pieces)
            for p in body_paragraphs(draft, [])]


# Page breaks checked by hand in the dump: (document, lines rejoined).
@pytest.mark.parametrize("doc_line, lines", [
    (1407, (1437, 1439)),   # （五）…进行环境卫 / 生整治，…
    (1562, (1590, 1592)),   # 七、…帮助 / 解决问题…
    (1779, (1824, 1826)),   # - (二) …涉案货值金 / 额的，…
    (4371, (4453, 4455)),   # - 2.…如 / 握手、递烟、倒水等；
    (4566, (4582, 4584)),   # a block line continued by a row's <p>
    (4991, (5021, 5023)),   # …传染病患者尸 / 体的；（五）…
    (6913, (6943, 6945)),   # …ICD-10 代码 / “U07.100x001”…
    (7402, (7424, 7426)),   # …人事人才培训网 / （www.chinanet.gov.cn）…
])
def test_page_breaks_are_mended(drafts: dict[int, DraftDocument],
                                doc_line: int, lines: tuple[int, ...]) -> None:
    assert lines in _lines_of(drafts[doc_line])


# Lines that end without punctuation but must stay apart.
@pytest.mark.parametrize("doc_line, line", [
    (1407, 1423),   # heading 一、总体要求 over its paragraph
    (1678, 1702),   # heading 四、做好通风消毒工作，保证公证机构环境卫生
    (2967, 3007),   # an attachment title wrapped over two lines
    (6959, 7065),   # a line ending in a phone number, then （六）
])
def test_headings_and_items_are_not_joined(drafts: dict[int, DraftDocument],
                                           doc_line: int, line: int) -> None:
    assert (line,) in _lines_of(drafts[doc_line])


def test_mended_paragraph_is_one_line_of_documents_body(
        drafts: dict[int, DraftDocument]) -> None:
    from pipeline.run import process_document
    body = process_document(drafts[2967])["documents"][0].body
    assert "坚持条块结合、抓点扩面、看门管人，做到关口前移" in body


def test_locate_traces_a_position_back_to_its_piece(
        drafts: dict[int, DraftDocument]) -> None:
    draft = drafts[2967]
    paragraph = next(p for p in body_paragraphs(draft, [])
                     if len(p.pieces) == 2)
    second, at = paragraph.locate(len(draft.body[paragraph.pieces[0]].text))
    assert (second, at) == (paragraph.pieces[1], 0)


def test_never_across_a_table() -> None:
    draft = draft_of("甲" * 60 + "，乙", "丙丁。")
    assert len(body_paragraphs(draft, [])) == 1
    assert len(body_paragraphs(draft, [Span(1, 1)])) == 2


def test_never_onto_a_numbered_item_or_a_heading() -> None:
    long_half = "甲" * 60 + "，乙"
    assert len(body_paragraphs(draft_of(long_half, "二、下一项。"), [])) == 2
    assert len(body_paragraphs(draft_of(long_half, "短标题"), [])) == 2
    assert len(body_paragraphs(draft_of(long_half, "续完。"), [])) == 1


def test_short_lines_without_punctuation_stay_apart() -> None:
    assert len(body_paragraphs(draft_of("沈阳市", "序号"), [])) == 2


def groups_piece_by_piece(draft: DraftDocument,
                          tables: list[Span]) -> list[tuple[int, ...]]:
    """The plain rule: every piece after the first is asked whether it
    continues the paragraph before, table pieces included."""
    positions = [n for n, p in enumerate(draft.pieces) if p.role == "body"]
    in_tables = table_pieces(tables)
    groups: list[list[int]] = []
    for i, piece in enumerate(draft.body):
        if not piece.text:
            continue
        if groups and _continues(draft.body, groups[-1][-1], i, positions,
                                 in_tables):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [tuple(group) for group in groups]


def test_paragraphs_as_every_piece_asked(
        drafts: dict[int, DraftDocument]) -> None:
    # body_paragraphs leaves table pieces out of the question: they come
    # out the same, on every document of the dump with its tables.
    joined = with_tables = 0
    for draft in drafts.values():
        tables = [table.span for table in find_tables(draft)]
        paragraphs = body_paragraphs(draft, tables)
        assert [p.pieces for p in paragraphs] == \
            groups_piece_by_piece(draft, tables), draft.line_start
        joined += sum(len(p.pieces) > 1 for p in paragraphs)
        with_tables += bool(tables)
    assert joined > 10 and with_tables > 3
